package io.steersman.core.backend;

import io.steersman.api.model.ApiObject;

/**
 * One revision of one key in the memory backend: the key value itself (a null value marks a
 * deletion) and the version before it. A key's versions form a chain from the newest down;
 * compaction cuts the chain below the newest version at or under the compacted revision, so reads
 * at any retained revision still find their version. Being the key value that reads return, a
 * stored revision costs one object.
 */
final class Version extends KeyValue {
    /** Written under the backend's write lock; read without it (a reader re-checks compaction after). */
    volatile Version prev;

    Version(String key, ApiObject value, long createRevision, long modRevision, long version, Version prev) {
        super(key, value, createRevision, modRevision, version);
        this.prev = prev;
    }

    /** The deletion of {@code key} at {@code modRevision}. */
    static Version tombstone(String key, long modRevision, Version prev) {
        return new Version(key, null, 0, modRevision, 0, prev);
    }

    boolean isDeletion() {
        return value() == null;
    }

    /** The newest version at or below {@code revision} if it is live, or null. */
    KeyValue liveAt(long revision) {
        Version v = this;
        while (v != null && v.modRevision() > revision) {
            v = v.prev;
        }
        return v == null || v.isDeletion() ? null : v;
    }
}
