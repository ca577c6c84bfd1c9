package io.steersman.core.backend;

/**
 * One revision of one key in the memory backend: the value (null for a deletion) and the version
 * before it. A key's versions form a chain from the newest down; compaction cuts the chain below
 * the newest version at or under the compacted revision, so reads at any retained revision still
 * find their version.
 */
final class Version {
    final KeyValue kv;
    final long modRevision;
    /** Written under the backend's write lock; read without it (a reader re-checks compaction after). */
    volatile Version prev;

    Version(KeyValue kv, long modRevision, Version prev) {
        this.kv = kv;
        this.modRevision = modRevision;
        this.prev = prev;
    }

    boolean isDeletion() {
        return kv == null;
    }

    /** The newest version at or below {@code revision} that is live, or null. */
    KeyValue liveAt(long revision) {
        Version v = this;
        while (v != null && v.modRevision > revision) {
            v = v.prev;
        }
        return v == null ? null : v.kv;
    }
}
