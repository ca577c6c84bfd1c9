package io.steersman.core.node;

import io.steersman.api.controller.Context;
import io.steersman.api.controller.EventRecorder;
import io.steersman.api.controller.PluginSettings;
import io.steersman.api.controller.Request;
import io.steersman.api.controller.Result;
import io.steersman.core.event.ThrottledEventRecorder;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The event recorders of the simulated kubelets: one per node, as each node runs its own kubelet,
 * each limited as upstream's kubelet is ({@code eventRecordQPS} 50, {@code eventBurst} 100 on its
 * events client, client-go's broadcaster queue of 1,000 that drops when full; see
 * {@link ThrottledEventRecorder}). Settings: {@value #QPS}, {@value #BURST}, {@value #QUEUE}.
 *
 * <p>Waiting events go out as the clock moves on: the kubelet pass that leaves events waiting asks
 * to be called again when the next token is due, and {@link #drain} then writes what the tokens
 * allow. One request at a time holds that wake-up (any other pass that finds it overdue takes it
 * over), so a full queue costs one delayed request, not one per pod. Thread-safe.
 */
final class KubeletEvents {
    static final String QPS = "steersman.node.event-qps";
    static final String BURST = "steersman.node.event-burst";
    static final String QUEUE = "steersman.node.event-queue";
    static final int DEFAULT_QPS = 50;
    static final int DEFAULT_BURST = 100;
    static final int DEFAULT_QUEUE = 1000;

    private final int qps;
    private final int burst;
    private final int queueSize;
    private final Map<String, ThrottledEventRecorder> byNode = new ConcurrentHashMap<>();
    /** The recorders used since the last drain that emptied them: the only ones that may have events waiting. */
    private final Set<ThrottledEventRecorder> used = new LinkedHashSet<>();
    private Request holder;
    private Instant drainAt;

    @Inject
    KubeletEvents(PluginSettings settings) {
        this.qps = setting(settings, QPS, DEFAULT_QPS);
        this.burst = setting(settings, BURST, DEFAULT_BURST);
        this.queueSize = setting(settings, QUEUE, DEFAULT_QUEUE);
        if (qps > 0 && burst == 0) {
            throw new IllegalArgumentException(BURST + ": must be at least 1 when " + QPS + " is not 0");
        }
    }

    private static int setting(PluginSettings settings, String key, int fallback) {
        int value;
        try {
            value = settings.getInt(key, fallback);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": \"" + settings.get(key).orElse("") + "\" is not a whole number");
        }
        if (value < 0) {
            throw new IllegalArgumentException(key + ": must not be negative, was " + value);
        }
        return value;
    }

    /** The recorder of the kubelet of {@code node}, writing through the kubelet controller's recorder. */
    EventRecorder forNode(String node, Context<?> context) {
        ThrottledEventRecorder recorder = byNode.computeIfAbsent(node,
                name -> new ThrottledEventRecorder(name, context.events(), context.clock(), qps, burst, queueSize));
        synchronized (this) {
            used.add(recorder);
        }
        return recorder;
    }

    /**
     * Called at the end of every kubelet pass for {@code request}: writes the waiting events the
     * tokens allow if their time has come (or {@code request} holds the wake-up), and returns the
     * requeue that brings the next ones out, or done when nothing waits or another request holds it.
     */
    synchronized Result drain(Request request, Instant now) {
        if (used.isEmpty()) {
            return Result.done();
        }
        boolean due = drainAt == null || !now.isBefore(drainAt) || request.equals(holder);
        if (!due) {
            return Result.done();
        }
        Instant next = null;
        for (Iterator<ThrottledEventRecorder> it = used.iterator(); it.hasNext(); ) {
            Optional<Instant> waiting = it.next().flush();
            if (waiting.isEmpty()) {
                it.remove();
            } else if (next == null || waiting.get().isBefore(next)) {
                next = waiting.get();
            }
        }
        if (next == null) {
            holder = null;
            drainAt = null;
            return Result.done();
        }
        holder = request;
        drainAt = next;
        Duration delay = Duration.between(now, next);
        return Result.requeueAfter(delay.isNegative() || delay.isZero() ? Duration.ofNanos(1) : delay);
    }

    /** Events dropped so far by every node's kubelet because its queue was full. */
    long dropped() {
        return byNode.values().stream().mapToLong(ThrottledEventRecorder::dropped).sum();
    }
}
