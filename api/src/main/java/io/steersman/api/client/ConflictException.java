package io.steersman.api.client;

import io.steersman.api.model.Status;

/** The object changed since it was read: its resourceVersion is stale (409). Read again and retry. */
public class ConflictException extends ApiException {
    public ConflictException(Status status) {
        super(status);
    }
}
