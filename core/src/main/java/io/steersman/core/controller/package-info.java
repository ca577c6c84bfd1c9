/**
 * The controller manager: runs the controllers that plugins describe with
 * {@link io.steersman.api.controller.ControllerSpec}, each with a work queue fed by the shared
 * informers and a {@link io.steersman.api.controller.Reconciler} built by one Guice injector.
 *
 * <ul>
 *   <li>Plugins come from {@link java.util.ServiceLoader} or an explicit list; core's own
 *       {@link io.steersman.core.controller.SystemPlugin}s (garbage collector, namespace
 *       controller) always run, found through their own services file.</li>
 *   <li>A change to a primary object wakes its key; a change to an owned object wakes the primary
 *       its controller owner reference names (same kind and group); a watched kind maps through its
 *       {@link io.steersman.api.controller.EventMapper}.</li>
 *   <li>A reconcile that throws is logged with its key and retried with backoff; a
 *       {@link io.steersman.api.controller.TerminalException} is logged and not retried; a
 *       {@code requeueAfter} runs the key again on the clock.</li>
 *   <li>Controllers over every kind (the garbage collector) are declared with
 *       {@link io.steersman.core.controller.KindControllerSpec} by a system plugin: the manager
 *       starts an informer for every registered kind and feeds one queue of
 *       {@link io.steersman.core.controller.ObjectRef}s (keys that name their kind) through the
 *       spec's {@link io.steersman.core.controller.KindEventMapper}. This is core-only: plugins see
 *       one primary kind each.</li>
 *   <li>Every start-up problem (plugins that fail to load, kinds that clash or are missing,
 *       reconcilers the injector cannot build) is reported at once in a
 *       {@link io.steersman.core.controller.StartupException}.</li>
 * </ul>
 *
 * Reconcilers may inject {@code Client}, {@code Clock}, {@code EventRecorder}, {@code PluginSettings},
 * {@code ResourceRegistry}, and any class with an injectable constructor; core classes may also
 * inject {@code Store}, {@code SharedInformers} and {@code EventRecorders}.
 */
package io.steersman.core.controller;
