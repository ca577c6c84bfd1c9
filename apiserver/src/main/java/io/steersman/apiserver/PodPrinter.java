package io.steersman.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import io.steersman.api.codec.Codec;
import io.steersman.api.model.Durations;
import io.steersman.api.model.core.Pod;
import io.steersman.api.model.core.Pods;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Upstream's printPod: READY counts ready running containers, STATUS is the most telling reason
 * (a waiting container's {@code ImagePullBackOff}, {@code Init:0/1}, {@code Terminating}, ...),
 * RESTARTS adds {@code (5s ago)} after the last restart.
 */
final class PodPrinter {
    private PodPrinter() {}

    static List<Object> cells(JsonNode pod, Instant now) {
        JsonNode spec = pod.path("spec");
        JsonNode status = pod.path("status");
        int restarts = 0;
        int sidecarRestarts = 0;
        int total = spec.path("containers").size();
        int ready = 0;
        Instant lastRestart = null;
        Instant lastSidecarRestart = null;
        String phase = status.path("phase").asText("");
        String reason = status.path("reason").asText("").isEmpty() ? phase : status.path("reason").asText();
        for (JsonNode condition : status.path("conditions")) {
            if ("PodScheduled".equals(condition.path("type").asText()) && "SchedulingGated".equals(condition.path("reason").asText())) {
                reason = "SchedulingGated";
            }
        }
        Map<String, Boolean> sidecars = new HashMap<>();
        for (JsonNode init : spec.path("initContainers")) {
            boolean sidecar = "Always".equals(init.path("restartPolicy").asText());
            sidecars.put(init.path("name").asText(), sidecar);
            if (sidecar) {
                total++;
            }
        }
        boolean initializing = false;
        JsonNode initStatuses = status.path("initContainerStatuses");
        for (int i = 0; i < initStatuses.size(); i++) {
            JsonNode container = initStatuses.get(i);
            restarts += container.path("restartCount").asInt(0);
            Instant finished = Printer.time(container.path("lastState").path("terminated").path("finishedAt"));
            lastRestart = later(lastRestart, finished);
            boolean sidecar = sidecars.getOrDefault(container.path("name").asText(), false);
            if (sidecar) {
                sidecarRestarts += container.path("restartCount").asInt(0);
                lastSidecarRestart = later(lastSidecarRestart, finished);
            }
            JsonNode state = container.path("state");
            JsonNode terminated = state.path("terminated");
            JsonNode waiting = state.path("waiting");
            if (terminated.isObject() && terminated.path("exitCode").asInt(0) == 0) {
                continue;
            }
            if (sidecar && container.path("started").asBoolean(false)) {
                if (container.path("ready").asBoolean(false)) {
                    ready++;
                }
                continue;
            }
            if (terminated.isObject()) {
                String why = terminated.path("reason").asText("");
                if (why.isEmpty()) {
                    int signal = terminated.path("signal").asInt(0);
                    reason = signal != 0 ? "Init:Signal:" + signal : "Init:ExitCode:" + terminated.path("exitCode").asInt(0);
                } else {
                    reason = "Init:" + why;
                }
            } else if (waiting.isObject() && !waiting.path("reason").asText("").isEmpty()
                    && !"PodInitializing".equals(waiting.path("reason").asText())) {
                reason = "Init:" + waiting.path("reason").asText();
            } else {
                reason = "Init:" + i + "/" + spec.path("initContainers").size();
            }
            initializing = true;
            break;
        }
        if (!initializing || initializedConditionTrue(status)) {
            restarts = sidecarRestarts;
            lastRestart = lastSidecarRestart;
            boolean hasRunning = false;
            JsonNode statuses = status.path("containerStatuses");
            for (int i = statuses.size() - 1; i >= 0; i--) {
                JsonNode container = statuses.get(i);
                restarts += container.path("restartCount").asInt(0);
                lastRestart = later(lastRestart, Printer.time(container.path("lastState").path("terminated").path("finishedAt")));
                JsonNode state = container.path("state");
                JsonNode waiting = state.path("waiting");
                JsonNode terminated = state.path("terminated");
                if (waiting.isObject() && !waiting.path("reason").asText("").isEmpty()) {
                    reason = waiting.path("reason").asText();
                } else if (terminated.isObject() && !terminated.path("reason").asText("").isEmpty()) {
                    reason = terminated.path("reason").asText();
                } else if (terminated.isObject()) {
                    int signal = terminated.path("signal").asInt(0);
                    reason = signal != 0 ? "Signal:" + signal : "ExitCode:" + terminated.path("exitCode").asInt(0);
                } else if (container.path("ready").asBoolean(false) && state.path("running").isObject()) {
                    hasRunning = true;
                    ready++;
                }
            }
            if ("Completed".equals(reason) && hasRunning) {
                // Rare (a completed container next to a running one): decoding the pod here keeps one meaning of Ready.
                reason = Pods.isReady(Codec.DEFAULT.decode(pod, Pod.class)) ? "Running" : "NotReady";
            }
        }
        boolean deleting = pod.path("metadata").hasNonNull("deletionTimestamp");
        if (deleting && "NodeLost".equals(status.path("reason").asText())) {
            reason = "Unknown";
        } else if (deleting && !Pods.isTerminalPhase(phase)) {
            reason = "Terminating";
        }
        String restartText = Integer.toString(restarts);
        if (restarts != 0 && lastRestart != null) {
            restartText = restarts + " (" + Durations.human(Duration.between(lastRestart, now)) + " ago)";
        }
        return List.of(pod.path("metadata").path("name").asText(""), ready + "/" + total, reason, restartText,
                Printer.age(pod.path("metadata").path("creationTimestamp"), now),
                podIp(status), Printer.orNone(spec.path("nodeName").asText("")),
                Printer.orNone(status.path("nominatedNodeName").asText("")), readinessGates(spec, status));
    }

    private static Instant later(Instant current, Instant candidate) {
        return candidate != null && (current == null || candidate.isAfter(current)) ? candidate : current;
    }

    private static boolean initializedConditionTrue(JsonNode status) {
        return conditionTrue(status, "Initialized");
    }

    private static boolean conditionTrue(JsonNode status, String type) {
        for (JsonNode condition : status.path("conditions")) {
            if (type.equals(condition.path("type").asText())) {
                return "True".equals(condition.path("status").asText());
            }
        }
        return false;
    }

    private static String podIp(JsonNode status) {
        JsonNode ips = status.path("podIPs");
        String ip = ips.isArray() && !ips.isEmpty() ? ips.get(0).path("ip").asText("") : "";
        if (ip.isEmpty()) {
            ip = status.path("podIP").asText("");
        }
        return Printer.orNone(ip);
    }

    private static String readinessGates(JsonNode spec, JsonNode status) {
        JsonNode gates = spec.path("readinessGates");
        if (!gates.isArray() || gates.isEmpty()) {
            return "<none>";
        }
        int trueConditions = 0;
        for (JsonNode gate : gates) {
            String type = gate.path("conditionType").asText();
            for (JsonNode condition : status.path("conditions")) {
                if (type.equals(condition.path("type").asText())) {
                    if ("True".equals(condition.path("status").asText())) {
                        trueConditions++;
                    }
                    break;
                }
            }
        }
        return trueConditions + "/" + gates.size();
    }
}
