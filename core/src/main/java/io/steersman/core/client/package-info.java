/**
 * The {@link io.steersman.api.client.Client} controllers use inside the JVM: reads from the shared
 * informer caches through their indexes, writes to the store, patches through the core patch
 * engines. A write returns the stored object at once; the caches catch up when the watch delivers
 * the change.
 */
package io.steersman.core.client;
