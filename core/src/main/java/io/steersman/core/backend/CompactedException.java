package io.steersman.core.backend;

/**
 * The revision asked for is older than the history the backend keeps (etcd's
 * {@code ErrCompacted}): a read or watch from it is impossible, the caller must start afresh.
 */
public class CompactedException extends RuntimeException {
    private final long requestedRevision;
    private final long compactedRevision;

    public CompactedException(long requestedRevision, long compactedRevision) {
        super("required revision " + requestedRevision + " has been compacted (compacted revision " + compactedRevision + ")");
        this.requestedRevision = requestedRevision;
        this.compactedRevision = compactedRevision;
    }

    public long requestedRevision() {
        return requestedRevision;
    }

    /** The oldest revision that can still be read, and after which a watch can still start. */
    public long compactedRevision() {
        return compactedRevision;
    }
}
