package io.steersman.api.controller;

import io.steersman.api.model.ApiObject;

/**
 * Records Events about an object, as {@code kubectl describe} shows them. Repeats of the same
 * event are aggregated (count and lastTimestamp), as upstream. Must be cheap and must not throw:
 * events are best-effort and never fail a reconcile.
 */
public interface EventRecorder {

    enum Type { Normal, Warning }

    /** {@code messageFormat} is a {@link String#format} pattern. */
    void event(ApiObject involved, Type type, String reason, String messageFormat, Object... args);

    default void normal(ApiObject involved, String reason, String messageFormat, Object... args) {
        event(involved, Type.Normal, reason, messageFormat, args);
    }

    default void warning(ApiObject involved, String reason, String messageFormat, Object... args) {
        event(involved, Type.Warning, reason, messageFormat, args);
    }

    EventRecorder DISCARD = (involved, type, reason, format, args) -> { };
}
