package io.steersman.api.client;

import io.steersman.api.model.Status;

/** The requested resourceVersion is older than the history kept (410): list again. */
public class GoneException extends ApiException {
    public GoneException(Status status) {
        super(status);
    }
}
