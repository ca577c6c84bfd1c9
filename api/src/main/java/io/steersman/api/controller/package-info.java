/**
 * The controller SPI: what a plugin implements to run its own control loop beside the built-in ones.
 *
 * <p>A {@link io.steersman.api.controller.ControllerPlugin} describes its controllers with
 * {@link io.steersman.api.controller.ControllerSpec}; each names a primary kind, a
 * {@link io.steersman.api.controller.Reconciler} class and the kinds that wake it. The control
 * plane builds one shared informer per kind, one work queue per controller, and calls
 * {@code reconcile} with a key whenever something relevant changed:
 *
 * <pre>{@code
 * public final class WebsiteReconciler implements Reconciler<Website> {
 *     private final Clock clock;
 *
 *     @Inject
 *     WebsiteReconciler(Clock clock) { this.clock = clock; }
 *
 *     public Result reconcile(Request request, Context<Website> context) {
 *         Optional<Website> site = context.primary();
 *         if (site.isEmpty()) return Result.done();          // deleted: garbage collection removes what it owned
 *         Deployment wanted = desiredDeployment(site.get());
 *         Optional<Deployment> actual = context.client().get(Deployment.class, request.namespace(), request.name());
 *         if (actual.isEmpty()) context.client().create(wanted);
 *         else if (!actual.get().spec().equals(wanted.spec())) context.client().update(actual.get().withSpec(wanted.spec()));
 *         return Result.done();
 *     }
 * }
 * }</pre>
 *
 * No type here depends on Guice: collaborators arrive through {@code jakarta.inject} constructors.
 *
 * <p>Helpers every controller shares, so that each thing is done one way: {@link
 * io.steersman.api.controller.Owners} (event mappers that wake an object's controller, or for an
 * orphan every owner whose selector matches it), {@link io.steersman.api.controller.Ownership}
 * ({@code IsControlledBy} and the re-read before adopting), {@link
 * io.steersman.api.controller.PodTemplates} (a new pod's metadata from a template, as {@code
 * GetPodFromTemplate}) and {@link io.steersman.api.controller.Hashes} (FNV-32 and {@code
 * SafeEncodeString} for template hashes and revision names). Pod readiness and availability are
 * {@link io.steersman.api.model.core.Pods}; label selectors are {@link io.steersman.api.selector.Selector}.
 */
package io.steersman.api.controller;
