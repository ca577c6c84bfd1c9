package io.steersman.core.backend;

/** A watch fell more than its buffer behind the writers and was cut off; it must resume. */
public class WatchOverflowException extends RuntimeException {
    private final long lastDeliveredRevision;

    public WatchOverflowException(int bufferSize, long lastDeliveredRevision) {
        super("the watcher fell more than " + bufferSize + " events behind");
        this.lastDeliveredRevision = lastDeliveredRevision;
    }

    /** The revision of the last event delivered before the cut (0 when none was). */
    public long lastDeliveredRevision() {
        return lastDeliveredRevision;
    }
}
