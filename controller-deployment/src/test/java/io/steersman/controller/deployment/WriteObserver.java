package io.steersman.controller.deployment;

import io.steersman.api.model.apps.ReplicaSet;
import io.steersman.api.model.core.Pod;
import io.steersman.api.resource.BuiltinResources;
import io.steersman.core.store.ListOptions;
import io.steersman.core.store.Watch;
import io.steersman.core.store.WatchEvent;
import io.steersman.core.store.WatchListener;
import io.steersman.core.store.WatchOptions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Sees every write the store makes to pods and ReplicaSets, in order, and runs the test's checks
 * on the state after each one; what a check reports is kept as a violation.
 */
final class WriteObserver implements AutoCloseable {
    /** The state after one write. */
    record State(Collection<Pod> pods, Collection<ReplicaSet> replicaSets) {}

    private final Cluster cluster;
    private final Map<String, Pod> pods = new HashMap<>();
    private final Map<String, ReplicaSet> sets = new HashMap<>();
    private final List<Function<State, String>> checks = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();
    private final Watch podWatch;
    private final Watch rsWatch;

    WriteObserver(Cluster cluster) {
        this.cluster = cluster;
        podWatch = cluster.store().watch(BuiltinResources.PODS, WatchOptions.from(0), listener(pods));
        rsWatch = cluster.store().watch(BuiltinResources.REPLICA_SETS, WatchOptions.from(0), listener(sets));
    }

    private <T extends io.steersman.api.model.ApiObject> WatchListener<T> listener(Map<String, T> into) {
        return new WatchListener<>() {
            @Override
            public void onEvent(WatchEvent<T> event) {
                synchronized (WriteObserver.this) {
                    if (event.type() == WatchEvent.Type.BOOKMARK) return;
                    if (event.type() == WatchEvent.Type.DELETED) into.remove(event.object().uid());
                    else into.put(event.object().uid(), event.object());
                    State state = new State(pods.values(), sets.values());
                    for (Function<State, String> check : checks) {
                        String problem = check.apply(state);
                        if (problem != null && violations.size() < 20) violations.add(problem);
                    }
                    WriteObserver.this.notifyAll();
                }
            }

            @Override
            public void onClose(RuntimeException cause) {}
        };
    }

    /** Replaces the checks; they run after every later write (and once now). */
    synchronized void check(List<Function<State, String>> newChecks) {
        awaitCaughtUp();
        checks.clear();
        checks.addAll(newChecks);
        State state = new State(pods.values(), sets.values());
        for (Function<State, String> check : checks) {
            String problem = check.apply(state);
            if (problem != null) violations.add(problem);
        }
    }

    /** The state now, once the watches have caught up. */
    synchronized State now() {
        awaitCaughtUp();
        return new State(List.copyOf(pods.values()), List.copyOf(sets.values()));
    }

    /** Every violation seen, once the watches have seen every write made so far. */
    synchronized List<String> violations() {
        awaitCaughtUp();
        return List.copyOf(violations);
    }

    private synchronized void awaitCaughtUp() {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!same(cluster.store().list(BuiltinResources.PODS, ListOptions.all()).items(), pods)
                || !same(cluster.store().list(BuiltinResources.REPLICA_SETS, ListOptions.all()).items(), sets)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) throw new AssertionError("the watches did not catch up with the store");
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static <T extends io.steersman.api.model.ApiObject> boolean same(List<T> stored, Map<String, T> seen) {
        if (stored.size() != seen.size()) return false;
        for (T object : stored) {
            T s = seen.get(object.uid());
            if (s == null || !s.metadata().resourceVersion().equals(object.metadata().resourceVersion())) return false;
        }
        return true;
    }

    @Override
    public void close() {
        podWatch.close();
        rsWatch.close();
    }
}
