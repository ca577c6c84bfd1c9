package io.steersman.api.client;

import io.steersman.api.model.Status;

/** The object breaks the kind's rules; the status lists each field (422). */
public class InvalidException extends ApiException {
    public InvalidException(Status status) {
        super(status);
    }
}
