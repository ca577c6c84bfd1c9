package io.steersman.core.backend;

/**
 * Receives one backend watch's events. Calls are sequential and in revision order for a given
 * watch, on a backend delivery thread; they must be fast and must not block (a watcher that falls
 * too far behind is closed). An exception thrown from a call closes the watch with it as cause.
 */
public interface BackendWatcher {

    void onEvent(BackendEvent event);

    /**
     * Every event of this watch up to {@code revision} (the store's revision) has been delivered:
     * the answer to {@link BackendWatch#requestProgress()}, as etcd's progress notification.
     */
    void onProgress(long revision);

    /**
     * The watch ended; no call follows. {@code cause} is null when its owner closed it,
     * {@link CompactedException} when its start revision was compacted, or
     * {@link WatchOverflowException} when it fell too far behind.
     */
    void onClose(RuntimeException cause);
}
