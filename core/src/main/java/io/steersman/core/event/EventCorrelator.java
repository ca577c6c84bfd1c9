package io.steersman.core.event;

import io.steersman.api.model.core.Event;
import io.steersman.api.model.core.ObjectReference;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Decides what becomes of an event about to be written, as client-go's {@code EventCorrelator}:
 *
 * <ol>
 *   <li>Spam filter: each (source, involved object, type, reason, message) has a token bucket of
 *       25 events refilled at one per 5 minutes; an event without a token is dropped.</li>
 *   <li>Aggregation: when more than 10 events of one (source, involved object, type, reason)
 *       differ only by message within 10 minutes, later ones are folded into one event whose
 *       message is {@code "(combined from similar events): " + message}.</li>
 *   <li>Deduplication: a repeat of an event already written is an update of that event, with
 *       count + 1 and lastTimestamp now, instead of a new event.</li>
 * </ol>
 *
 * Remembers at most 4096 keys of each kind (least recently used go first). Not thread-safe: the
 * recorder serialises calls.
 */
final class EventCorrelator {

    static final int SPAM_BURST = 25;
    static final Duration SPAM_REFILL = Duration.ofMinutes(5);
    static final int AGGREGATE_MAX_EVENTS = 10;
    static final Duration AGGREGATE_INTERVAL = Duration.ofMinutes(10);
    static final String COMBINED_PREFIX = "(combined from similar events): ";
    private static final int MAX_ENTRIES = 4096;
    private static final char SEP = '\u0000';

    /**
     * What to do with an event: drop it, create {@code event}, or update the earlier {@code event}
     * (same name); {@code key} is the event's deduplication key, handed back to {@link #written}.
     */
    record Decision(Action action, Event event, String key) {
        enum Action { DROP, CREATE, UPDATE }
    }

    private record Bucket(double tokens, Instant last) {}

    private record Similar(Set<String> messages, Instant since) {}

    private final Map<String, Bucket> buckets = lru();
    private final Map<String, Similar> similar = lru();
    private final Map<String, Event> written = lru();

    /**
     * {@code candidate} is a fresh event (count 1, first and last timestamp {@code now}, a unique
     * name). Returns what to write; the caller reports the written event with {@link #written}.
     */
    Decision correlate(Event candidate, Instant now) {
        String aggregateKey = aggregateKey(candidate);
        if (!takeToken(aggregateKey + SEP + candidate.message(), now)) {
            return new Decision(Decision.Action.DROP, candidate, null);
        }
        Event event = aggregate(candidate, aggregateKey, now);
        String key = dedupKey(aggregateKey, event);
        Event previous = written.get(key);
        if (previous == null) {
            return new Decision(Decision.Action.CREATE, event, key);
        }
        return new Decision(Decision.Action.UPDATE, previous.repeated(event.message(), now), key);
    }

    /** Remembers what the store now holds for the event of {@code decision}, so a repeat updates it. */
    void written(Decision decision, Event event) {
        written.put(decision.key(), event);
    }

    /** Forgets a written event the store no longer has (deleted, or its namespace went away). */
    void forget(Event event) {
        written.remove(dedupKey(aggregateKey(event), event));
    }

    private boolean takeToken(String key, Instant now) {
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

    private Event aggregate(Event event, String key, Instant now) {
        Similar seen = similar.get(key);
        if (seen == null || Duration.between(seen.since(), now).compareTo(AGGREGATE_INTERVAL) > 0) {
            seen = new Similar(new HashSet<>(), now);
        }
        seen.messages().add(event.message());
        similar.put(key, seen);
        if (seen.messages().size() < AGGREGATE_MAX_EVENTS) {
            return event;
        }
        return new Event(event.apiVersion(), event.kind(), event.metadata(), event.involvedObject(), event.reason(),
                COMBINED_PREFIX + event.message(), event.source(), event.firstTimestamp(), event.lastTimestamp(),
                event.count(), event.type(), event.eventTime(), event.series(), event.action(), event.related(),
                event.reportingComponent(), event.reportingInstance(), event.unknownFields());
    }

    /** Source, involved object, type and reason, joined by NUL (which none of them contains). */
    private static String aggregateKey(Event event) {
        StringBuilder key = new StringBuilder(160);
        if (event.source() != null) {
            key.append(event.source().component()).append(SEP).append(event.source().host());
        }
        ObjectReference ref = event.involvedObject();
        key.append(SEP).append(ref.apiVersion()).append(SEP).append(ref.kind()).append(SEP).append(ref.namespace())
                .append(SEP).append(ref.name()).append(SEP).append(ref.uid()).append(SEP).append(ref.fieldPath());
        return key.append(SEP).append(event.type()).append(SEP).append(event.reason()).toString();
    }

    /** Aggregated events share one key whatever their message, so they fold into one event. */
    private static String dedupKey(String aggregateKey, Event event) {
        String message = event.message() != null && event.message().startsWith(COMBINED_PREFIX) ? COMBINED_PREFIX : event.message();
        return aggregateKey + SEP + message;
    }

    private static <V> Map<String, V> lru() {
        return new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > MAX_ENTRIES;
            }
        };
    }
}
