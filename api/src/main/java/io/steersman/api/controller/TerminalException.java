package io.steersman.api.controller;

/**
 * A failure that retrying cannot fix (say, a spec the controller can never satisfy). The loop logs
 * it with the key and does not retry; the next change to the object triggers a new reconcile.
 * Any other unchecked exception is retried with per-key exponential backoff.
 */
public class TerminalException extends RuntimeException {
    public TerminalException(String message) {
        super(message);
    }

    public TerminalException(String message, Throwable cause) {
        super(message, cause);
    }
}
