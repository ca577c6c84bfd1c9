package io.steersman.core.store;

/** A running watch; closing it stops delivery and calls the listener's onClose with null. */
public interface Watch extends AutoCloseable {
    @Override
    void close();
}
