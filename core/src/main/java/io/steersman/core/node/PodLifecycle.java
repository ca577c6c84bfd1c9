package io.steersman.core.node;

import io.steersman.api.model.core.Container;
import io.steersman.api.model.core.ContainerStatus;
import io.steersman.api.model.core.Pod;
import io.steersman.api.model.core.PodCondition;
import io.steersman.api.model.core.PodIP;
import io.steersman.api.model.core.PodReadinessGate;
import io.steersman.api.model.core.PodStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The status the simulated kubelet reports for a pod bound to its node, at a given time: phase,
 * addresses, start time, init and app container statuses, and the conditions
 * PodReadyToStartContainers, Initialized, Ready, ContainersReady and PodScheduled with upstream's
 * reasons and messages. Pure and deterministic: the same pod, addresses and time give the same
 * status, so reconciling twice writes nothing the second time.
 */
final class PodLifecycle {

    static final String READY_TO_START = "PodReadyToStartContainers";

    /**
     * The status to write, the earliest future time at which it changes by itself (null: not
     * before something else changes), and the events to report.
     */
    record Outcome(PodStatus status, Instant wakeAt, List<Note> notes) {}

    private final ContainerLifecycle containers;

    PodLifecycle(ImageCatalog catalog) {
        this.containers = new ContainerLifecycle(catalog);
    }

    /** @param terminating the pod is being deleted and is still shutting down */
    Outcome advance(Pod pod, String hostIP, String podIP, boolean terminating, Instant now) {
        PodStatus previous = pod.status();
        PodBehaviour behaviour = PodBehaviour.of(pod.metadata().annotations());
        List<Note> notes = new ArrayList<>();
        Instant wakeAt = null;

        Map<String, ContainerStatus> previousInit = byName(previous.initContainerStatuses());
        List<ContainerStatus> initStatuses = new ArrayList<>();
        List<String> incomplete = new ArrayList<>();
        for (Container container : pod.spec().initContainers()) {
            ContainerStatus status;
            if (incomplete.isEmpty()) {
                ContainerLifecycle.Step step = containers.advance(pod, container, previousInit.get(container.name()), behaviour,
                        true, terminating, now, notes);
                status = step.status();
                wakeAt = earliest(wakeAt, step.wakeAt());
            } else {
                status = containers.initializing(container, previousInit.get(container.name()));
            }
            if (!isCompleted(status)) {
                incomplete.add(container.name());
            }
            initStatuses.add(status);
        }

        Map<String, ContainerStatus> previousApp = byName(previous.containerStatuses());
        List<ContainerStatus> appStatuses = new ArrayList<>();
        List<String> unready = new ArrayList<>();
        for (Container container : pod.spec().containers()) {
            ContainerStatus status;
            if (incomplete.isEmpty()) {
                ContainerLifecycle.Step step = containers.advance(pod, container, previousApp.get(container.name()), behaviour,
                        false, terminating, now, notes);
                status = step.status();
                wakeAt = earliest(wakeAt, step.wakeAt());
            } else {
                status = containers.initializing(container, previousApp.get(container.name()));
            }
            if (!status.isReady()) {
                unready.add(container.name());
            }
            appStatuses.add(status);
        }

        List<PodCondition> conditions = new ArrayList<>(previous.conditions());
        put(conditions, condition(previous, READY_TO_START, true, null, null, now));
        put(conditions, incomplete.isEmpty()
                ? condition(previous, PodCondition.INITIALIZED, true, null, null, now)
                : condition(previous, PodCondition.INITIALIZED, false, "ContainersNotInitialized",
                        "containers with incomplete status: " + goList(incomplete), now));
        PodCondition containersReady = unready.isEmpty()
                ? condition(previous, PodCondition.CONTAINERS_READY, true, null, null, now)
                : condition(previous, PodCondition.CONTAINERS_READY, false, "ContainersNotReady",
                        "containers with unready status: " + goList(unready), now);
        put(conditions, ready(pod, previous, unready, conditions, now));
        put(conditions, containersReady);
        // The pod is bound to this node: scheduled, even if the scheduler once found no node for it.
        put(conditions, condition(previous, PodCondition.POD_SCHEDULED, true, null, null, now));

        String phase = phase(pod, incomplete, appStatuses);
        Instant startTime = previous.startTime() != null ? previous.startTime() : now;
        PodStatus status = new PodStatus(phase, order(conditions), previous.message(), previous.reason(),
                previous.nominatedNodeName(), hostIP, hostIP == null ? List.of() : List.of(PodIP.of(hostIP)), podIP,
                podIP == null ? List.of() : List.of(PodIP.of(podIP)), startTime, initStatuses, appStatuses,
                previous.unknownFields());
        return new Outcome(status, wakeAt, notes);
    }

    /** Ready needs every container ready and every readiness gate's condition True, as upstream's GeneratePodReadyCondition. */
    private static PodCondition ready(Pod pod, PodStatus previous, List<String> unready, List<PodCondition> conditions, Instant now) {
        if (!unready.isEmpty()) {
            return condition(previous, PodCondition.READY, false, "ContainersNotReady",
                    "containers with unready status: " + goList(unready), now);
        }
        List<String> missing = new ArrayList<>();
        List<String> notTrue = new ArrayList<>();
        for (PodReadinessGate gate : pod.spec().readinessGates()) {
            Optional<PodCondition> gateCondition = conditions.stream().filter(c -> gate.conditionType().equals(c.type())).findFirst();
            if (gateCondition.isEmpty()) {
                missing.add(gate.conditionType());
            } else if (!gateCondition.get().isTrue()) {
                notTrue.add(gate.conditionType());
            }
        }
        if (missing.isEmpty() && notTrue.isEmpty()) {
            return condition(previous, PodCondition.READY, true, null, null, now);
        }
        List<String> messages = new ArrayList<>();
        if (!missing.isEmpty()) {
            messages.add("corresponding condition of pod readiness gate \"" + String.join("\", \"", missing) + "\" does not exist.");
        }
        if (!notTrue.isEmpty()) {
            messages.add("the status of pod readiness gate \"" + String.join("\", \"", notTrue) + "\" is not \"True\", but False");
        }
        return condition(previous, PodCondition.READY, false, "ReadinessGatesNotReady", String.join(", ", messages), now);
    }

    /** Upstream's getPhase for running pods: Running once a container runs or restarts; Failed/Succeeded when all exited for good. */
    private static String phase(Pod pod, List<String> incompleteInit, List<ContainerStatus> statuses) {
        if (!incompleteInit.isEmpty() || statuses.isEmpty()) {
            return PodStatus.PENDING;
        }
        int running = 0;
        int restarting = 0;
        int exited = 0;
        int failed = 0;
        for (ContainerStatus status : statuses) {
            if (status.state().running() != null) {
                running++;
            } else if (status.state().terminated() != null) {
                exited++;
                if (status.state().terminated().exitCode() == null || status.state().terminated().exitCode() != 0) {
                    failed++;
                }
            } else if (status.lastState() != null && status.lastState().terminated() != null) {
                restarting++;
            }
        }
        if (exited == statuses.size() && "Never".equals(pod.spec().restartPolicy())) {
            return failed > 0 ? PodStatus.FAILED : PodStatus.SUCCEEDED;
        }
        return running + restarting + exited > 0 ? PodStatus.RUNNING : PodStatus.PENDING;
    }

    private static boolean isCompleted(ContainerStatus status) {
        return status.state() != null && status.state().terminated() != null
                && Integer.valueOf(0).equals(status.state().terminated().exitCode());
    }

    /** A condition keeping its lastTransitionTime while its status stays the same. */
    private static PodCondition condition(PodStatus previous, String type, boolean value, String reason, String message, Instant now) {
        String status = value ? "True" : "False";
        Instant since = previous.condition(type).filter(c -> status.equals(c.status())).map(PodCondition::lastTransitionTime).orElse(now);
        return new PodCondition(type, status, null, since, reason, message, null);
    }

    private static void put(List<PodCondition> conditions, PodCondition condition) {
        conditions.removeIf(c -> c.type().equals(condition.type()));
        conditions.add(condition);
    }

    /** Upstream's order, so a status written twice is equal: the kubelet's conditions first, then any others. */
    private static List<PodCondition> order(List<PodCondition> conditions) {
        List<String> known = List.of(READY_TO_START, PodCondition.INITIALIZED, PodCondition.READY, PodCondition.CONTAINERS_READY,
                PodCondition.POD_SCHEDULED);
        List<PodCondition> ordered = new ArrayList<>();
        for (String type : known) {
            conditions.stream().filter(c -> type.equals(c.type())).findFirst().ifPresent(ordered::add);
        }
        conditions.stream().filter(c -> !known.contains(c.type())).forEach(ordered::add);
        return ordered;
    }

    private static Map<String, ContainerStatus> byName(List<ContainerStatus> statuses) {
        Map<String, ContainerStatus> map = new HashMap<>();
        for (ContainerStatus status : statuses) {
            map.put(status.name(), status);
        }
        return map;
    }

    /** Go's fmt of a string slice: {@code [a b]}. */
    private static String goList(List<String> names) {
        return "[" + String.join(" ", names) + "]";
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null) return b;
        if (b == null) return a;
        return a.isBefore(b) ? a : b;
    }
}
