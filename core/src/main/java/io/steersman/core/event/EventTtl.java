package io.steersman.core.event;

import io.steersman.api.client.Client;
import io.steersman.api.client.ConflictException;
import io.steersman.api.client.DeleteOptions;
import io.steersman.api.client.NotFoundException;
import io.steersman.api.controller.Clock;
import io.steersman.api.controller.PluginSettings;
import io.steersman.api.controller.Result;
import io.steersman.api.model.core.Event;
import io.steersman.api.resource.ResourceRegistry;
import io.steersman.api.resource.ResourceType;
import io.steersman.core.controller.KindReconciler;
import io.steersman.core.controller.ObjectRef;
import io.steersman.core.informer.ResourceEventHandler;
import io.steersman.core.informer.SharedInformers;
import io.steersman.core.store.Store;
import io.steersman.core.store.WriteOptions;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Removes Events an hour after they last happened, as the API server's {@code --event-ttl} (one
 * hour by default) does, so a long-running control plane does not pile them up. The time to live
 * is the setting {@code steersman.events.ttl} (an ISO-8601 duration such as {@code PT1H}). An event
 * that happens again lives on from its new lastTimestamp.
 *
 * <p>Upstream expires Events through etcd leases, with no controller pass per Event. Likewise here:
 * every Event write lands in an {@link ExpiryQueue} (fed by a handler on the Event informer), and
 * every Event change wakes one key, {@link #SWEEP}, whose pass deletes the Events whose time has
 * come and asks to run again when the next one expires. Thread-safe; idempotent.
 */
final class EventTtl implements KindReconciler {
    static final String TTL = "steersman.events.ttl";
    static final Duration DEFAULT_TTL = Duration.ofHours(1);
    /** The name of the one key of this controller: a pass over the Events due to expire. */
    static final String SWEEP = "(expired events)";

    private final Store store;
    private final Clock clock;
    private final Duration ttl;
    private final ExpiryQueue expiries = new ExpiryQueue();

    @Inject
    EventTtl(Store store, Clock clock, PluginSettings settings, SharedInformers informers) {
        this.store = store;
        this.clock = clock;
        this.ttl = settings.getDuration(TTL, DEFAULT_TTL);
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException(TTL + ": must be a positive duration such as PT1H, was " + ttl);
        }
        eventType(informers.registry()).ifPresent(type -> informers.forType(type).addHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Event event) {
                written(event);
            }

            @Override
            public void onUpdate(Event oldEvent, Event newEvent) {
                written(newEvent);
            }

            @Override
            public void onDelete(Event event) {
                // Its entry goes stale; the sweep that takes it out finds the Event gone.
            }
        }));
    }

    /** The registry's Event kind, when it serves core/v1 Events as {@link Event}. */
    static Optional<ResourceType<Event>> eventType(ResourceRegistry registry) {
        return registry.forKind(Event.API_VERSION, Event.KIND).filter(t -> t.javaType() == Event.class)
                .map(t -> registry.forType(Event.class));
    }

    private void written(Event event) {
        expiries.add(expiry(event), event.namespace(), event.name(), event.uid());
    }

    @Override
    public Result reconcile(ObjectRef ref, Client client) {
        if (!SWEEP.equals(ref.name()) || ref.type().javaType() != Event.class) {
            return Result.done();
        }
        @SuppressWarnings("unchecked")
        ResourceType<Event> type = (ResourceType<Event>) ref.type();
        Instant now = clock.now();
        for (ExpiryQueue.Entry entry : expiries.takeDue(now)) {
            expire(type, entry, now);
        }
        Instant next = expiries.next();
        return next == null ? Result.done() : Result.requeueAfter(Duration.between(now, next));
    }

    private void expire(ResourceType<Event> type, ExpiryQueue.Entry entry, Instant now) {
        Optional<Event> found = store.get(type, entry.namespace(), entry.name());
        if (found.isEmpty() || !Objects.equals(found.get().uid(), entry.uid())) {
            return; // deleted, or replaced by a newer Event of the same name (which has its own entry)
        }
        Instant expires = expiry(found.get());
        if (now.isBefore(expires)) {
            // Written again since this entry: the informer brings (or brought) the newer one; this
            // one makes sure, and a duplicate entry costs only a look-up.
            expiries.add(expires, entry.namespace(), entry.name(), entry.uid());
            return;
        }
        try {
            store.delete(type, entry.namespace(), entry.name(), DeleteOptions.ifUid(entry.uid()), WriteOptions.DEFAULT);
        } catch (NotFoundException | ConflictException gone) {
            // Deleted, or replaced by a newer event of the same name, meanwhile.
        }
    }

    private Instant expiry(Event event) {
        return lastHappened(event).plus(ttl);
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
