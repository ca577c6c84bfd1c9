/**
 * The {@code discovery.k8s.io/v1} group: EndpointSlice.
 * The conventions are those of {@link io.steersman.api.model}.
 */
package io.steersman.api.model.discovery;
