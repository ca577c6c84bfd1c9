package io.steersman.api.model.core;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.steersman.api.model.Conditions;
import io.steersman.api.model.Unknown;
import io.steersman.api.model.Values;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code v1.PodStatus}. {@code phase} is Pending, Running, Succeeded, Failed or Unknown. Fields the
 * model does not type (qosClass, ephemeralContainerStatuses, ...) are kept in {@link #unknownFields}.
 */
public record PodStatus(
        String phase,
        List<PodCondition> conditions,
        String message,
        String reason,
        String nominatedNodeName,
        String hostIP,
        List<PodIP> hostIPs,
        String podIP,
        List<PodIP> podIPs,
        Instant startTime,
        List<ContainerStatus> initContainerStatuses,
        List<ContainerStatus> containerStatuses,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    public static final String PENDING = "Pending";
    public static final String RUNNING = "Running";
    public static final String SUCCEEDED = "Succeeded";
    public static final String FAILED = "Failed";
    public static final String UNKNOWN = "Unknown";

    public static final PodStatus EMPTY = new PodStatus(null, null, null, null, null, null, null, null, null, null, null, null, null);

    public PodStatus {
        conditions = Values.list(conditions);
        hostIPs = Values.list(hostIPs);
        podIPs = Values.list(podIPs);
        initContainerStatuses = Values.list(initContainerStatuses);
        containerStatuses = Values.list(containerStatuses);
        unknownFields = Unknown.copy(unknownFields);
    }

    public Optional<PodCondition> condition(String type) {
        return Conditions.find(conditions, type, PodCondition::type);
    }

    /** A copy with the condition of the same type replaced, or added at the end. */
    public PodStatus withCondition(PodCondition condition) {
        return withConditions(Conditions.put(conditions, condition, PodCondition::type));
    }

    public PodStatus withPhase(String phase) {
        return new PodStatus(phase, conditions, message, reason, nominatedNodeName, hostIP, hostIPs, podIP, podIPs,
                startTime, initContainerStatuses, containerStatuses, unknownFields);
    }

    public PodStatus withConditions(List<PodCondition> conditions) {
        return new PodStatus(phase, conditions, message, reason, nominatedNodeName, hostIP, hostIPs, podIP, podIPs,
                startTime, initContainerStatuses, containerStatuses, unknownFields);
    }

    public PodStatus withContainerStatuses(List<ContainerStatus> containerStatuses) {
        return new PodStatus(phase, conditions, message, reason, nominatedNodeName, hostIP, hostIPs, podIP, podIPs,
                startTime, initContainerStatuses, containerStatuses, unknownFields);
    }

    /** Pod and host addresses together, as the node sets them once the pod has a sandbox. */
    public PodStatus withAddresses(String hostIP, String podIP) {
        return new PodStatus(phase, conditions, message, reason, nominatedNodeName, hostIP,
                hostIP == null ? List.of() : List.of(PodIP.of(hostIP)), podIP,
                podIP == null ? List.of() : List.of(PodIP.of(podIP)), startTime, initContainerStatuses,
                containerStatuses, unknownFields);
    }

    public PodStatus withStartTime(Instant startTime) {
        return new PodStatus(phase, conditions, message, reason, nominatedNodeName, hostIP, hostIPs, podIP, podIPs,
                startTime, initContainerStatuses, containerStatuses, unknownFields);
    }

    public PodStatus withReason(String reason, String message) {
        return new PodStatus(phase, conditions, message, reason, nominatedNodeName, hostIP, hostIPs, podIP, podIPs,
                startTime, initContainerStatuses, containerStatuses, unknownFields);
    }
}
