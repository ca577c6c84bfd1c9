/**
 * The {@code apps/v1} group: Deployment, ReplicaSet, StatefulSet and ControllerRevision.
 * The conventions are those of {@link io.steersman.api.model}.
 */
package io.steersman.api.model.apps;
