package io.steersman.api.client;

import io.steersman.api.model.Status;

/** An object of that name exists already (409). */
public class AlreadyExistsException extends ApiException {
    public AlreadyExistsException(Status status) {
        super(status);
    }
}
