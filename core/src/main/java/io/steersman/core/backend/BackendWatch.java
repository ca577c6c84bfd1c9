package io.steersman.core.backend;

/** A running backend watch. Thread-safe. */
public interface BackendWatch extends AutoCloseable {

    /** Asks for an {@link BackendWatcher#onProgress} call once the events so far are delivered. */
    void requestProgress();

    /** Stops delivery; the watcher's onClose(null) follows on its delivery thread. Idempotent. */
    @Override
    void close();
}
