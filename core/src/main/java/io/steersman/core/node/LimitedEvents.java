package io.steersman.core.node;

import io.steersman.api.controller.Context;
import io.steersman.api.controller.EventRecorder;
import io.steersman.api.controller.PluginSettings;
import io.steersman.api.controller.Request;
import io.steersman.api.controller.Result;
import io.steersman.core.event.ThrottledEventRecorder;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Event recorders limited as an upstream component's events client is: a token bucket of
 * {@code qps} writes per second with {@code burst}, behind client-go's broadcaster queue (1,000 by
 * default) that drops new events while it is full (see {@link ThrottledEventRecorder}). One recorder
 * per source ({@link #forSource}): each node's kubelet, or the one scheduler. The three numbers are
 * settings named {@code <prefix>.event-qps}, {@code <prefix>.event-burst} and {@code <prefix>.event-queue}.
 *
 * <p>Waiting events go out as the clock moves on: the pass that leaves events waiting asks to be
 * called again when the next token is due, and {@link #drain} then writes what the tokens allow.
 * One request at a time holds that wake-up (any other pass that finds it overdue takes it over), so
 * a full queue costs one delayed request, not one per pod. Thread-safe.
 */
abstract class LimitedEvents {
    /** client-go's default client QPS and burst, which the kubelet's and kube-scheduler's events clients keep. */
    private static final int DEFAULT_QPS = 50;
    private static final int DEFAULT_BURST = 100;
    /** client-go's {@code maxQueuedEvents}. */
    private static final int DEFAULT_QUEUE = 1000;

    private final int qps;
    private final int burst;
    private final int queueSize;
    private final Map<String, ThrottledEventRecorder> bySource = new ConcurrentHashMap<>();
    /** The recorders used since the last drain that emptied them: the only ones that may have events waiting. */
    private final Set<ThrottledEventRecorder> used = new LinkedHashSet<>();
    private Request holder;
    private Instant drainAt;

    LimitedEvents(PluginSettings settings, String prefix) {
        this.qps = setting(settings, prefix + ".event-qps", DEFAULT_QPS);
        this.burst = setting(settings, prefix + ".event-burst", DEFAULT_BURST);
        this.queueSize = setting(settings, prefix + ".event-queue", DEFAULT_QUEUE);
        if (qps > 0 && burst == 0) {
            throw new IllegalArgumentException(prefix + ".event-burst: must be at least 1 when " + prefix + ".event-qps is not 0");
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

    /** The recorder of {@code source} (a node's kubelet, the scheduler), writing through the controller's recorder. */
    EventRecorder forSource(String source, Context<?> context) {
        ThrottledEventRecorder recorder = bySource.computeIfAbsent(source,
                name -> new ThrottledEventRecorder(name, context.events(), context.clock(), qps, burst, queueSize));
        synchronized (this) {
            used.add(recorder);
        }
        return recorder;
    }

    /**
     * Called at the end of every pass for {@code request}: writes the waiting events the
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

    /** Events dropped so far by every source because its queue was full. */
    long dropped() {
        return bySource.values().stream().mapToLong(ThrottledEventRecorder::dropped).sum();
    }
}
