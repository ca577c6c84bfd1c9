/**
 * The {@code coordination.k8s.io/v1} group: Lease.
 * The conventions are those of {@link io.steersman.api.model}.
 */
package io.steersman.api.model.coordination;
