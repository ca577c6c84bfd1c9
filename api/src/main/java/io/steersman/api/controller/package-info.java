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
 */
package io.steersman.api.controller;
