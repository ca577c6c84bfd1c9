package io.steersman.core.backend;

import io.steersman.api.model.ApiObject;
import java.util.Objects;

/**
 * One key's value at one revision, as etcd's {@code mvccpb.KeyValue}: the object, the revision that
 * created the key, the revision of its last change ({@code modRevision}, which the object's
 * {@code metadata.resourceVersion} always equals) and how many times it was written since created.
 *
 * <p>Immutable, with a record's accessors, equality and string form. A class rather than a record
 * only so that the memory backend's version chain can be made of key values themselves (one object
 * per stored revision instead of two); nothing else may extend it.
 */
public sealed class KeyValue permits Version {
    private final String key;
    private final ApiObject value;
    private final long createRevision;
    private final long modRevision;
    private final long version;

    public KeyValue(String key, ApiObject value, long createRevision, long modRevision, long version) {
        this.key = key;
        this.value = value;
        this.createRevision = createRevision;
        this.modRevision = modRevision;
        this.version = version;
    }

    public String key() {
        return key;
    }

    public ApiObject value() {
        return value;
    }

    public long createRevision() {
        return createRevision;
    }

    public long modRevision() {
        return modRevision;
    }

    public long version() {
        return version;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyValue other && key.equals(other.key) && Objects.equals(value, other.value)
                && createRevision == other.createRevision && modRevision == other.modRevision && version == other.version;
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, value, createRevision, modRevision, version);
    }

    @Override
    public String toString() {
        return "KeyValue[key=" + key + ", value=" + value + ", createRevision=" + createRevision
                + ", modRevision=" + modRevision + ", version=" + version + "]";
    }
}
