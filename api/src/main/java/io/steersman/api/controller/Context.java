package io.steersman.api.controller;

import io.steersman.api.client.Client;
import java.util.Optional;

/** What one reconcile receives beside its request: the object as the cache has it, and the tools to act. */
public interface Context<T> {

    /** The object from the informer cache; empty once it is gone. */
    Optional<T> primary();

    Client client();

    Clock clock();

    EventRecorder events();
}
