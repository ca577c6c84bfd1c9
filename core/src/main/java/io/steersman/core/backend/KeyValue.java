package io.steersman.core.backend;

import io.steersman.api.model.ApiObject;

/**
 * One key's value at one revision, as etcd's {@code mvccpb.KeyValue}: the object, the revision that
 * created the key, the revision of its last change ({@code modRevision}, which the object's
 * {@code metadata.resourceVersion} always equals) and how many times it was written since created.
 */
public record KeyValue(String key, ApiObject value, long createRevision, long modRevision, long version) {}
