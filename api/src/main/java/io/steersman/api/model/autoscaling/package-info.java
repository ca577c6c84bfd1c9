/**
 * The {@code autoscaling/v1} group: Scale, the body of the scale subresource.
 * The conventions are those of {@link io.steersman.api.model}.
 */
package io.steersman.api.model.autoscaling;
