package io.steersman.controller.deployment;

import io.steersman.api.model.core.Pod;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Upstream's {@code ControllerExpectations} for the ReplicaSet controller, keyed by ReplicaSet: the
 * pods it created and deleted that the informer cache has not shown yet. While any is pending, the
 * controller neither creates nor deletes, so a cache that lags its own writes never makes it act
 * twice. Instead of counting watch events, a creation counts as observed once the pod is in the
 * cache, and a deletion once the pod is gone from it or carries a deletionTimestamp. Pending
 * records expire after five minutes on the clock, as upstream. Thread-safe; one key is only ever
 * handled by one worker at a time.
 */
final class Expectations {
    static final Duration TIMEOUT = Duration.ofMinutes(5);

    private record Pending(Set<String> creations, Set<String> deletions, Instant since) {}

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    /** True when nothing this controller did is still to be seen in {@code controlled} (the cache's pods of the key). */
    boolean satisfied(String key, Collection<Pod> controlled, Instant now) {
        Pending p = pending.get(key);
        if (p == null) {
            return true;
        }
        if (!p.since().plus(TIMEOUT).isAfter(now)) {
            pending.remove(key);
            return true;
        }
        Map<String, Pod> controlledByName = new HashMap<>(controlled.size() * 2);
        for (Pod pod : controlled) {
            controlledByName.put(pod.name(), pod);
        }
        p.creations().removeIf(controlledByName::containsKey);
        p.deletions().removeIf(name -> {
            Pod pod = controlledByName.get(name);
            return pod == null || pod.metadata().isBeingDeleted();
        });
        if (p.creations().isEmpty() && p.deletions().isEmpty()) {
            pending.remove(key);
            return true;
        }
        return false;
    }

    /** Starts a new record for a pass that is about to create or delete (the previous one is satisfied). */
    void begin(String key, Instant now) {
        pending.put(key, new Pending(ConcurrentHashMap.newKeySet(), ConcurrentHashMap.newKeySet(), now));
    }

    void created(String key, String podName) {
        Pending p = pending.get(key);
        if (p != null) {
            p.creations().add(podName);
        }
    }

    void deleting(String key, String podName) {
        Pending p = pending.get(key);
        if (p != null) {
            p.deletions().add(podName);
        }
    }

    /** A delete that failed or found nothing: there is nothing to wait for. */
    void deletionObserved(String key, String podName) {
        Pending p = pending.get(key);
        if (p != null) {
            p.deletions().remove(podName);
        }
    }

    void forget(String key) {
        pending.remove(key);
    }
}
