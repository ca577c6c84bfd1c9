package io.steersman.core.event;

import io.steersman.api.model.core.Event;
import io.steersman.api.model.core.ObjectReference;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Decides what becomes of an event about to be written, as client-go's {@code EventCorrelator}
 * ({@code tools/record/events_cache.go}), in its order:
 *
 * <ol>
 *   <li>Aggregation: once 10 events of one (source, involved object, type, reason, reporting
 *       controller and instance) that differ only by message have been seen, each with less than
 *       10 minutes since the one before, later ones are folded into one event whose message is
 *       {@code "(combined from similar events): " + message}.</li>
 *   <li>Deduplication: a repeat of an event seen before (same source, object, field path, type,
 *       reason and message; or the same combined event) is an update of that event, with count + 1
 *       and lastTimestamp now, instead of a new event. The occurrence is counted even when the
 *       spam filter then drops it, as upstream counts it.</li>
 *   <li>Spam filter: each (source, involved object) has a token bucket of 25 events refilled at one
 *       per 5 minutes, whatever the type, reason or message; an event (or update) without a token is
 *       dropped. A ReplicaSet that creates 1,000 pods at once thus writes 25 events about itself.</li>
 * </ol>
 *
 * Remembers at most 4096 keys of each kind (least recently used go first). Keys are records of the
 * events' own strings, so a look-up hashes no new text. Not thread-safe: the recorder serialises
 * calls.
 */
final class EventCorrelator {

    static final int SPAM_BURST = 25;
    static final Duration SPAM_REFILL = Duration.ofMinutes(5);
    static final int AGGREGATE_MAX_EVENTS = 10;
    static final Duration AGGREGATE_INTERVAL = Duration.ofMinutes(10);
    static final String COMBINED_PREFIX = "(combined from similar events): ";
    private static final int MAX_ENTRIES = 4096;

    /**
     * What to do with an event: drop it, create {@code event}, or update the earlier {@code event}
     * (same name); {@code key} is the event's deduplication key, handed back to {@link #written}.
     */
    record Decision(Action action, Event event, Object key) {
        enum Action { DROP, CREATE, UPDATE }
    }

    /** Upstream's spam key: the source and the involved object. */
    private record SourceObject(String component, String host, String kind, String namespace, String name, String uid,
            String apiVersion) {
        static SourceObject of(Event event) {
            ObjectReference ref = event.involvedObject();
            String component = event.source() == null ? null : event.source().component();
            String host = event.source() == null ? null : event.source().host();
            return new SourceObject(component, host, ref.kind(), ref.namespace(), ref.name(), ref.uid(), ref.apiVersion());
        }
    }

    /** Upstream's aggregate key: events that differ only by message. */
    private record Similarity(SourceObject source, String type, String reason, String reportingController,
            String reportingInstance) {}

    /** Upstream's event key: one event, whose repeats bump its count. */
    private record Identity(SourceObject source, String fieldPath, String type, String reason, String message) {}

    private record Bucket(double tokens, Instant last) {}

    /**
     * The distinct messages of similar events seen lately, and when the last one came. Most
     * (source, object, reason) see one message only: the set is made for the second.
     */
    private static final class Similar {
        private String first;
        private Set<String> messages;
        private long lastMillis;

        Similar(String message, long nowMillis) {
            this.first = message;
            this.lastMillis = nowMillis;
        }

        /** Adds {@code message}; returns how many distinct messages there are now. */
        int add(String message, long nowMillis) {
            lastMillis = nowMillis;
            if (messages == null) {
                if (Objects.equals(first, message)) {
                    return 1;
                }
                messages = new LinkedHashSet<>();
                messages.add(first);
                first = null;
            }
            messages.add(message);
            return messages.size();
        }

        /** Forgets one message, as upstream's {@code PopAny} (here the oldest). */
        void dropOne() {
            Iterator<String> any = messages.iterator();
            any.next();
            any.remove();
        }
    }

    private final Map<SourceObject, Bucket> buckets = lru();
    private final Map<Similarity, Similar> similar = lru();
    /** The event each key last stood for: as written, or as counted when the spam filter dropped it. */
    private final Map<Object, Event> observed = lru();

    /**
     * {@code candidate} is a fresh event (count 1, first and last timestamp {@code now}, a unique
     * name). Returns what to write; the caller reports the written event with {@link #written}.
     */
    Decision correlate(Event candidate, Instant now) {
        SourceObject source = SourceObject.of(candidate);
        Similarity similarity = new Similarity(source, candidate.type(), candidate.reason(), candidate.reportingComponent(),
                candidate.reportingInstance());
        Event event;
        Object key;
        if (aggregate(similarity, candidate.message(), now)) {
            event = combined(candidate);
            key = similarity;
        } else {
            event = candidate;
            key = new Identity(source, candidate.involvedObject().fieldPath(), candidate.type(), candidate.reason(),
                    candidate.message());
        }
        Event previous = observed.get(key);
        Event next = previous == null ? event : previous.repeated(event.message(), now);
        observed.put(key, next);
        if (!takeToken(source, now)) {
            return new Decision(Decision.Action.DROP, next, key);
        }
        return new Decision(previous == null ? Decision.Action.CREATE : Decision.Action.UPDATE, next, key);
    }

    /** Remembers what the store now holds for the event of {@code decision}, so a repeat updates it. */
    void written(Decision decision, Event event) {
        observed.put(decision.key(), event);
    }

    private boolean takeToken(SourceObject key, Instant now) {
        Bucket bucket = buckets.get(key);
        double tokens = SPAM_BURST;
        if (bucket != null) {
            double elapsed = Math.max(0, Duration.between(bucket.last(), now).toMillis());
            tokens = Math.min(SPAM_BURST, bucket.tokens() + elapsed / SPAM_REFILL.toMillis());
        }
        if (tokens < 1) {
            buckets.put(key, new Bucket(tokens, now));
            return false;
        }
        buckets.put(key, new Bucket(tokens - 1, now));
        return true;
    }

    /**
     * True when the event is to be combined: this is at least the 10th distinct message among
     * similar events, none more than 10 minutes after the one before. As upstream, the set of
     * messages then drops one, so it never holds more than 9 between events.
     */
    private boolean aggregate(Similarity key, String message, Instant now) {
        long nowMillis = now.toEpochMilli();
        Similar seen = similar.get(key);
        if (seen == null || nowMillis - seen.lastMillis > AGGREGATE_INTERVAL.toMillis()) {
            similar.put(key, new Similar(message, nowMillis));
            return false;
        }
        if (seen.add(message, nowMillis) < AGGREGATE_MAX_EVENTS) {
            return false;
        }
        seen.dropOne();
        return true;
    }

    private static Event combined(Event event) {
        return new Event(event.apiVersion(), event.kind(), event.metadata(), event.involvedObject(), event.reason(),
                COMBINED_PREFIX + event.message(), event.source(), event.firstTimestamp(), event.lastTimestamp(),
                event.count(), event.type(), event.eventTime(), event.series(), event.action(), event.related(),
                event.reportingComponent(), event.reportingInstance(), event.unknownFields());
    }

    private static <K, V> Map<K, V> lru() {
        return new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > MAX_ENTRIES;
            }
        };
    }
}
