package io.steersman.api.client;

import io.steersman.api.model.Status;

/** The object does not exist (404). */
public class NotFoundException extends ApiException {
    public NotFoundException(Status status) {
        super(status);
    }
}
