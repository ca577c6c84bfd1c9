package io.steersman.core;

import java.util.List;

/**
 * {@code settle()} gave up: the controllers kept changing things (a controller that writes on every
 * pass wakes itself forever), or an informer never caught up with the store. The message names the
 * keys that were still busy.
 */
public final class NotSettledException extends IllegalStateException {
    private final List<String> busyKeys;

    NotSettledException(String message, List<String> busyKeys) {
        super(message);
        this.busyKeys = List.copyOf(busyKeys);
    }

    /** {@code controller: key} for each key reconciled in the last round. */
    public List<String> busyKeys() {
        return busyKeys;
    }
}
