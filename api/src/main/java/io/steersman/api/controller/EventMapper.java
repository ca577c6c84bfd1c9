package io.steersman.api.controller;

import io.steersman.api.client.Client;
import io.steersman.api.model.ApiObject;
import java.util.Collection;

/**
 * Maps a change to a watched object onto the requests of the controller's primary kind. Runs on
 * the informer's thread for every event: must be fast, must not block, must not throw.
 */
@FunctionalInterface
public interface EventMapper<S extends ApiObject> {
    /** {@code cache} reads the informer caches; it is the same view reconcilers get. */
    Collection<Request> map(S object, Client cache);
}
