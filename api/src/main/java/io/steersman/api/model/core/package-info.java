/**
 * The core group ({@code v1}): Pod and what it is made of, Service, Endpoints, Namespace, Node, ConfigMap, Secret, ServiceAccount, PersistentVolume, PersistentVolumeClaim and Event.
 * The conventions are those of {@link io.steersman.api.model}.
 */
package io.steersman.api.model.core;
