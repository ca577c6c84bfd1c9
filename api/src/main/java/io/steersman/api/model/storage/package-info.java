/**
 * The {@code storage.k8s.io/v1} group: StorageClass.
 * The conventions are those of {@link io.steersman.api.model}.
 */
package io.steersman.api.model.storage;
