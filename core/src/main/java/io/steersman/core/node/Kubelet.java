package io.steersman.core.node;

import io.steersman.api.client.DeleteOptions;
import io.steersman.api.client.NotFoundException;
import io.steersman.api.controller.Context;
import io.steersman.api.controller.EventRecorder;
import io.steersman.api.controller.Reconciler;
import io.steersman.api.controller.Request;
import io.steersman.api.controller.Result;
import io.steersman.api.model.core.Container;
import io.steersman.api.model.core.Node;
import io.steersman.api.model.core.ContainerStatus;
import io.steersman.api.model.core.Pod;
import io.steersman.api.model.core.PodStatus;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plays the kubelet of the simulated nodes for each pod bound to one of them: gives it an IP and
 * the host's IP, and writes the status {@link PodLifecycle} computes for the current time,
 * reporting what happened as events; asks to be called again when the status next changes by
 * itself (readiness after a delay, a crash, a restart after back-off). A pod being deleted is shut
 * down: not Ready while it stops, and deleted with grace period 0 (the kubelet's side of graceful
 * deletion) once its simulated shutdown is over — at once by default, after
 * {@code steersman.io/terminate-after} if set, never later than its grace period. Each node's
 * events go through its own rate-limited recorder ({@link KubeletEvents}), as each real node runs
 * its own kubelet with its own events client. A pod placed on a node by hand ({@code spec.nodeName})
 * whose claims are not all bound is not started until they are, as the kubelet's volume manager
 * waits to mount them.
 */
final class Kubelet implements Reconciler<Pod> {
    static final String NAME = "kubelet";

    private final SimulatedNodes nodes;
    private final KubeletEvents events;
    /**
     * Per pod (namespace/name): the resourceVersion at which this kubelet last worked out the pod's
     * status, and when that status next changes by itself. A pod still at that version (the echo of
     * the kubelet's own status write, say) needs nothing until then, as the real kubelet's status
     * manager writes nothing when the status it computes is the one it last sent.
     */
    private final Map<String, Synced> synced = new ConcurrentHashMap<>();

    private record Synced(String resourceVersion, Instant wakeAt) {}

    @Inject
    Kubelet(SimulatedNodes nodes, KubeletEvents events) {
        this.nodes = nodes;
        this.events = events;
    }

    @Override
    public Result reconcile(Request request, Context<Pod> context) {
        Result result = sync(request, context);
        return result.sooner(events.drain(request, context.clock().now()));
    }

    private Result sync(Request request, Context<Pod> context) {
        String key = request.toString();
        Optional<Pod> found = context.primary();
        if (found.isEmpty()) {
            synced.remove(key);
            nodes.release(key);
            return Result.done();
        }
        Pod pod = found.get();
        if (!nodes.simulates(pod.spec().nodeName())) {
            return Result.done();
        }
        Synced last = synced.get(key);
        if (last != null && last.resourceVersion().equals(pod.metadata().resourceVersion()) && !pod.metadata().isBeingDeleted()) {
            Instant now = context.clock().now();
            if (last.wakeAt() == null || now.isBefore(last.wakeAt())) {
                return after(last.wakeAt(), now);
            }
        }
        Optional<Node> node = context.client().get(Node.class, null, pod.spec().nodeName());
        if (node.isEmpty()) {
            return Result.done(); // registered soon; the pod is reconciled again when its status is written
        }
        Instant now = context.clock().now();
        EventRecorder recorder = events.forSource(node.get().name(), context);
        if (pod.metadata().isBeingDeleted()) {
            synced.remove(key);
            return terminate(pod, node.get(), key, now, context, recorder);
        }
        if (pod.status().startTime() == null && !(VolumeBinding.check(pod, context.client()) instanceof VolumeBinding.Ready)) {
            return Result.done(); // placed by hand (spec.nodeName) before its claims were bound: their change wakes it
        }
        String hostIP = nodes.internalIp(node.get().name());
        Optional<String> podIP = hostNetwork(pod) ? Optional.of(hostIP) : nodes.podIp(key, pod.uid(), pod.status().podIP());
        if (podIP.isEmpty()) {
            recorder.warning(pod, "FailedCreatePodSandBox",
                    "Failed to create pod sandbox: plugin type=\"host-local\" failed (add): failed to allocate for range 0: "
                            + "no IP addresses available in range set: %s", nodes.podCidr());
            return Result.requeueAfter(Duration.ofSeconds(10));
        }
        PodLifecycle.Outcome outcome = nodes.lifecycle().advance(pod, hostIP, podIP.get(), false, now);
        Pod written = write(pod, outcome, context, recorder);
        if (allRunning(outcome.status())) {
            synced.put(key, new Synced(written.metadata().resourceVersion(), outcome.wakeAt()));
        } else {
            synced.remove(key); // a waiting container moves on when the kubelet looks again (ErrImagePull, say)
        }
        return after(outcome.wakeAt(), now);
    }

    /**
     * Every app container runs: the state in which working the status out again gives the same
     * status until its wake-up time (readiness and crashes are on the clock); a waiting container
     * may change on the next look.
     */
    private static boolean allRunning(PodStatus status) {
        if (status.containerStatuses().isEmpty()) {
            return false;
        }
        for (ContainerStatus container : status.containerStatuses()) {
            if (container.state() == null || container.state().running() == null) {
                return false;
            }
        }
        return true;
    }

    private Result terminate(Pod pod, Node node, String key, Instant now, Context<Pod> context, EventRecorder recorder) {
        Instant deadline = pod.metadata().deletionTimestamp();
        long grace = pod.metadata().deletionGracePeriodSeconds() != null
                ? pod.metadata().deletionGracePeriodSeconds() : pod.spec().terminationGracePeriodSecondsOrDefault();
        Instant started = deadline.minusSeconds(grace);
        Duration annotated = PodBehaviour.of(pod.metadata().annotations()).terminateAfter();
        Duration shutdown = annotated != null ? annotated : nodes.shutdownTime();
        if (shutdown.compareTo(Duration.ofSeconds(grace)) > 0) {
            shutdown = Duration.ofSeconds(grace);
        }
        Instant done = started.plus(shutdown);
        if (now.isBefore(done)) {
            String hostIP = nodes.internalIp(node.name());
            PodLifecycle.Outcome outcome = nodes.lifecycle().advance(pod, hostIP, pod.status().podIP(), true, now);
            if (!outcome.status().equals(pod.status())) {
                killing(pod, recorder);
            }
            write(pod, outcome, context, recorder);
            return after(done, now);
        }
        if (shutdown.isZero()) {
            killing(pod, recorder);
        }
        try {
            context.client().delete(Pod.class, pod.namespace(), pod.name(), new DeleteOptions(null, 0L, pod.uid(), null));
        } catch (NotFoundException gone) {
            // Removed already.
        }
        nodes.release(key);
        return Result.done();
    }

    private static void killing(Pod pod, EventRecorder recorder) {
        for (Container container : pod.spec().containers()) {
            recorder.normal(pod, "Killing", "Stopping container %s", container.name());
        }
    }

    /** Writes the status if it changed and records the notes as events; returns the pod as stored now. */
    private static Pod write(Pod pod, PodLifecycle.Outcome outcome, Context<Pod> context, EventRecorder events) {
        Pod written = pod;
        if (!outcome.status().equals(pod.status())) {
            written = context.client().updateStatus(pod.withStatus(outcome.status()));
        }
        for (Note note : outcome.notes()) {
            events.event(pod, note.type(), note.reason(), "%s", note.message());
        }
        return written;
    }

    private static Result after(Instant wakeAt, Instant now) {
        if (wakeAt == null) {
            return Result.done();
        }
        Duration delay = Duration.between(now, wakeAt);
        return Result.requeueAfter(delay.isNegative() || delay.isZero() ? Duration.ofMillis(1) : delay);
    }

    private static boolean hostNetwork(Pod pod) {
        Map<String, Object> spec = pod.spec().unknownFields();
        return Boolean.TRUE.equals(spec.get("hostNetwork"));
    }
}
