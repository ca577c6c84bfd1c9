package io.steersman.api.model;

/**
 * A kind whose desired state lives under {@code spec}. The store increments
 * {@code metadata.generation} whenever the spec changes, as upstream does.
 */
public interface HasSpec<S> extends ApiObject {
    S spec();
}
