package io.steersman.api.model;

/**
 * A kind with a status subresource: status is written only through the status path, and the spec
 * never through it. {@link #withStatus} narrows to the implementing type.
 */
public interface HasStatus<S> extends ApiObject {
    S status();

    ApiObject withStatus(S status);
}
