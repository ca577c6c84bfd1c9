/**
 * The client controllers use to read (from the informer cache) and write (to the store), and the
 * typed errors writes raise. Every error carries the Kubernetes {@code Status} the API server
 * would send for it.
 */
package io.steersman.api.client;
