/**
 * Garbage collection and deletion propagation, as upstream's garbage collector: dependents whose
 * owners are gone are deleted; the {@code foregroundDeletion} and {@code orphan} finalizers that
 * the store puts on owners deleted with propagationPolicy Foreground and Orphan are processed and
 * removed. A core {@link io.steersman.core.controller.SystemPlugin} that sees every registered
 * kind: {@link io.steersman.core.gc.GarbageCollectorPlugin}.
 */
package io.steersman.core.gc;
