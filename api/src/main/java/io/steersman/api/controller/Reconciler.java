package io.steersman.api.controller;

import io.steersman.api.model.ApiObject;

/**
 * Moves the cluster one step towards what the object at {@code request} asks for.
 *
 * <p>Level-triggered: read the current state through the context, compare it with the desired
 * state, act, and return. Never rely on the event that caused the call; the loop may call it any
 * number of times for the same state, so it must be idempotent. An unchecked exception means
 * "retry with backoff"; {@link TerminalException} means "log, do not retry". The loop never calls
 * it for the same key on two threads at once.
 *
 * <p>Implementations get their collaborators (a {@code Client}, a {@code Clock}, an
 * {@code EventRecorder}, {@code PluginSettings}, or their own classes) through a constructor
 * annotated with {@code jakarta.inject.Inject}.
 */
@FunctionalInterface
public interface Reconciler<T extends ApiObject> {
    Result reconcile(Request request, Context<T> context);
}
