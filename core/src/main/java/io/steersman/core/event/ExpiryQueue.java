package io.steersman.core.event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The Events waiting to expire, earliest first: what etcd's leases are to upstream's API server
 * ({@code --event-ttl} attaches a lease to every Event write). Each write of an Event adds an entry
 * for its new expiry time; an entry whose Event was written again since, deleted, or replaced by
 * another of the same name is stale, and the sweep that takes it out simply finds nothing to do.
 *
 * <p>Entries arrive nearly in expiry order (the clock moves forward and the time to live is
 * fixed), so adding one costs O(1) in practice. Thread-safe: informer threads add, the sweep takes.
 */
final class ExpiryQueue {

    /** One Event write: the event's name, uid, and when it expires (epoch milliseconds). */
    record Entry(long expiresAtMillis, String namespace, String name, String uid) {}

    private final PriorityQueue<Entry> entries = new PriorityQueue<>(
            (a, b) -> Long.compare(a.expiresAtMillis(), b.expiresAtMillis()));

    synchronized void add(Instant expiresAt, String namespace, String name, String uid) {
        // Rounded up, so an entry is never due before the Event it names has expired.
        long millis = expiresAt.toEpochMilli() + (expiresAt.getNano() % 1_000_000 == 0 ? 0 : 1);
        entries.add(new Entry(millis, namespace, name, uid));
    }

    /** Removes and returns every entry due at {@code now} (expiry not after it), earliest first. */
    synchronized List<Entry> takeDue(Instant now) {
        long limit = now.toEpochMilli();
        List<Entry> due = new ArrayList<>();
        while (!entries.isEmpty() && entries.peek().expiresAtMillis() <= limit) {
            due.add(entries.poll());
        }
        return due;
    }

    /** When the earliest entry expires, or null when none waits. */
    synchronized Instant next() {
        Entry head = entries.peek();
        return head == null ? null : Instant.ofEpochMilli(head.expiresAtMillis());
    }

    synchronized int size() {
        return entries.size();
    }
}
