package io.steersman.api.model.core;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.steersman.api.model.Unknown;
import io.steersman.api.model.Values;
import java.util.List;
import java.util.Map;

/**
 * {@code v1.PodSpec}. Fields the model does not type (affinity, tolerations, securityContext,
 * nodeSelector, ...) are kept in {@link #unknownFields}.
 */
public record PodSpec(
        List<Volume> volumes,
        List<Container> initContainers,
        List<Container> containers,
        String restartPolicy,
        Long terminationGracePeriodSeconds,
        String dnsPolicy,
        String serviceAccountName,
        String nodeName,
        String hostname,
        String subdomain,
        String schedulerName,
        List<PodReadinessGate> readinessGates,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    public static final PodSpec EMPTY = new PodSpec(null, null, null, null, null, null, null, null, null, null, null, null, null);

    public PodSpec {
        volumes = Values.list(volumes);
        initContainers = Values.list(initContainers);
        containers = Values.list(containers);
        readinessGates = Values.list(readinessGates);
        unknownFields = Unknown.copy(unknownFields);
    }

    public static PodSpec of(List<Container> containers) {
        return EMPTY.withContainers(containers);
    }

    public PodSpec withContainers(List<Container> containers) {
        return new PodSpec(volumes, initContainers, containers, restartPolicy, terminationGracePeriodSeconds, dnsPolicy,
                serviceAccountName, nodeName, hostname, subdomain, schedulerName, readinessGates, unknownFields);
    }

    public PodSpec withInitContainers(List<Container> initContainers) {
        return new PodSpec(volumes, initContainers, containers, restartPolicy, terminationGracePeriodSeconds, dnsPolicy,
                serviceAccountName, nodeName, hostname, subdomain, schedulerName, readinessGates, unknownFields);
    }

    public PodSpec withReadinessGates(List<PodReadinessGate> readinessGates) {
        return new PodSpec(volumes, initContainers, containers, restartPolicy, terminationGracePeriodSeconds, dnsPolicy,
                serviceAccountName, nodeName, hostname, subdomain, schedulerName, readinessGates, unknownFields);
    }

    public PodSpec withVolumes(List<Volume> volumes) {
        return new PodSpec(volumes, initContainers, containers, restartPolicy, terminationGracePeriodSeconds, dnsPolicy,
                serviceAccountName, nodeName, hostname, subdomain, schedulerName, readinessGates, unknownFields);
    }

    public PodSpec withNodeName(String nodeName) {
        return new PodSpec(volumes, initContainers, containers, restartPolicy, terminationGracePeriodSeconds, dnsPolicy,
                serviceAccountName, nodeName, hostname, subdomain, schedulerName, readinessGates, unknownFields);
    }

    /** Hostname and subdomain together, as the StatefulSet controller sets them on its pods. */
    public PodSpec withHostname(String hostname, String subdomain) {
        return new PodSpec(volumes, initContainers, containers, restartPolicy, terminationGracePeriodSeconds, dnsPolicy,
                serviceAccountName, nodeName, hostname, subdomain, schedulerName, readinessGates, unknownFields);
    }

    public PodSpec withRestartPolicy(String restartPolicy) {
        return new PodSpec(volumes, initContainers, containers, restartPolicy, terminationGracePeriodSeconds, dnsPolicy,
                serviceAccountName, nodeName, hostname, subdomain, schedulerName, readinessGates, unknownFields);
    }

    /** {@code terminationGracePeriodSeconds}, or upstream's default 30. */
    public long terminationGracePeriodSecondsOrDefault() {
        return terminationGracePeriodSeconds == null ? 30 : terminationGracePeriodSeconds;
    }
}
