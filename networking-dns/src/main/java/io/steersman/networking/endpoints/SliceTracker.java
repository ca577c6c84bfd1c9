package io.steersman.networking.endpoints;

import io.steersman.api.controller.Request;
import io.steersman.api.model.discovery.EndpointSlice;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Upstream's {@code EndpointSliceTracker}: the slices this controller wrote or deleted per Service,
 * so a pass that runs before the cache shows those writes waits instead of acting on old slices
 * (which would create a second slice for the same endpoints). An entry is dropped once the cache
 * has caught up with it, or after {@link #PATIENCE} (a slice someone else deleted at once never
 * shows up; upstream learns that from the informer's delete handler). Thread-safe.
 */
final class SliceTracker {
    static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final long DELETED = -1;

    /** A write: the resourceVersion written (or {@link #DELETED}) and when. */
    private record Write(long version, Instant at) {}

    /** Per Service: slice name to this controller's last write of it. */
    private final Map<Request, Map<String, Write>> written = new ConcurrentHashMap<>();

    void wrote(Request service, EndpointSlice slice, Instant now) {
        written.computeIfAbsent(service, s -> new ConcurrentHashMap<>()).put(slice.name(), new Write(version(slice), now));
    }

    void deleted(Request service, EndpointSlice slice, Instant now) {
        written.computeIfAbsent(service, s -> new ConcurrentHashMap<>()).put(slice.name(), new Write(DELETED, now));
    }

    void forget(Request service) {
        written.remove(service);
    }

    /**
     * Whether {@code cached} (the cache's slices of the Service) misses a write of this controller:
     * a slice written at a later version than cached, or deleted but still cached.
     */
    boolean isStale(Request service, List<EndpointSlice> cached, Instant now) {
        Map<String, Write> ours = written.get(service);
        if (ours == null || ours.isEmpty()) {
            return false;
        }
        Map<String, Long> seen = new HashMap<>();
        for (EndpointSlice slice : cached) {
            seen.put(slice.name(), version(slice));
        }
        boolean stale = false;
        for (Map.Entry<String, Write> entry : ours.entrySet()) {
            Long cachedVersion = seen.get(entry.getKey());
            long version = entry.getValue().version();
            boolean caughtUp = version == DELETED ? cachedVersion == null : cachedVersion != null && cachedVersion >= version;
            if (caughtUp || entry.getValue().at().plus(PATIENCE).isBefore(now)) {
                ours.remove(entry.getKey(), entry.getValue());
            } else {
                stale = true;
            }
        }
        return stale;
    }

    private static long version(EndpointSlice slice) {
        try {
            return Long.parseLong(slice.metadata().resourceVersion());
        } catch (NumberFormatException | NullPointerException e) {
            return 0;
        }
    }
}
