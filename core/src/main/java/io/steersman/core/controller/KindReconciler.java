package io.steersman.core.controller;

import io.steersman.api.client.Client;
import io.steersman.api.controller.Result;

/**
 * A reconciler that works on objects of every kind (the garbage collector): it is called with a
 * key that names the kind. Same contract as {@link io.steersman.api.controller.Reconciler}:
 * level-triggered and idempotent, an unchecked exception is retried with backoff,
 * {@link io.steersman.api.controller.TerminalException} is logged and not retried, and one key is
 * never on two workers at once. Core-only: plugins use the {@code api} SPI.
 */
@FunctionalInterface
public interface KindReconciler {
    Result reconcile(ObjectRef ref, Client client);
}
