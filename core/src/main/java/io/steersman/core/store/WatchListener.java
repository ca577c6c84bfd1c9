package io.steersman.core.store;

/**
 * Receives a watch's events. Called on a store thread, in order, one at a time for a given watch:
 * must be fast and must not throw (hand slow work to another thread).
 */
public interface WatchListener<T> {
    void onEvent(WatchEvent<T> event);

    /** The watch ended: {@code cause} is null when closed by its owner, else why (Gone, too slow). */
    void onClose(RuntimeException cause);
}
