/**
 * The engine of a control plane: {@link io.steersman.core.ControlPlaneRuntime} puts a store, the
 * shared informers, the cache-backed client and the controller manager together. The launcher and
 * the API server start it in real time (worker threads, the system clock); tests start it through
 * {@code io.steersman.testing.ControlPlane} in the deterministic mode, where
 * {@link io.steersman.core.ControlPlaneRuntime#settle()} runs every queue on the test's thread.
 *
 * <pre>{@code
 * try (ControlPlaneRuntime cp = ControlPlaneRuntime.builder()
 *         .clock(clock).deterministic(true)          // a manual clock, no controller threads
 *         .plugins(new DeploymentPlugin())           // else: every plugin ServiceLoader finds
 *         .start()) {                                // built-in kinds, in-memory store, namespaces
 *     cp.client().create(deployment);
 *     cp.settle();                                   // until nothing is left to do at this time
 * }
 * }</pre>
 */
package io.steersman.core;
