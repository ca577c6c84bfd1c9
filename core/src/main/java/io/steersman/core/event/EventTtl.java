package io.steersman.core.event;

import io.steersman.api.client.Client;
import io.steersman.api.client.ConflictException;
import io.steersman.api.client.DeleteOptions;
import io.steersman.api.client.NotFoundException;
import io.steersman.api.controller.Clock;
import io.steersman.api.controller.PluginSettings;
import io.steersman.api.controller.Result;
import io.steersman.api.model.ApiObject;
import io.steersman.api.model.core.Event;
import io.steersman.core.controller.KindReconciler;
import io.steersman.core.controller.ObjectRef;
import io.steersman.core.store.Store;
import io.steersman.core.store.WriteOptions;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Removes Events an hour after they last happened, as the API server's {@code --event-ttl} (one
 * hour by default) does, so a long-running control plane does not pile them up. The time to live
 * is the setting {@code steersman.events.ttl} (an ISO-8601 duration such as {@code PT1H}). An event
 * that happens again lives on from its new lastTimestamp. Thread-safe; idempotent.
 */
final class EventTtl implements KindReconciler {
    static final String TTL = "steersman.events.ttl";
    static final Duration DEFAULT_TTL = Duration.ofHours(1);

    private final Store store;
    private final Clock clock;
    private final Duration ttl;

    @Inject
    EventTtl(Store store, Clock clock, PluginSettings settings) {
        this.store = store;
        this.clock = clock;
        this.ttl = settings.getDuration(TTL, DEFAULT_TTL);
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException(TTL + ": must be a positive duration such as PT1H, was " + ttl);
        }
    }

    @Override
    public Result reconcile(ObjectRef ref, Client client) {
        Optional<? extends ApiObject> found = store.get(ref.type(), ref.namespace(), ref.name());
        if (found.isEmpty() || !(found.get() instanceof Event event)) {
            return Result.done();
        }
        Instant expires = lastHappened(event).plus(ttl);
        Instant now = clock.now();
        if (now.isBefore(expires)) {
            return Result.requeueAfter(Duration.between(now, expires));
        }
        try {
            store.delete(ref.type(), ref.namespace(), ref.name(), DeleteOptions.ifUid(event.uid()), WriteOptions.DEFAULT);
        } catch (NotFoundException | ConflictException gone) {
            // Deleted, or replaced by a newer event of the same name, meanwhile.
        }
        return Result.done();
    }

    private static Instant lastHappened(Event event) {
        if (event.lastTimestamp() != null) {
            return event.lastTimestamp();
        }
        if (event.eventTime() != null) {
            return event.eventTime().value();
        }
        Instant created = event.metadata().creationTimestamp();
        return created != null ? created : Instant.EPOCH;
    }
}
