package io.steersman.core.node;

import io.steersman.api.controller.PluginSettings;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.Quantity;
import io.steersman.api.model.Times;
import io.steersman.api.model.core.Node;
import io.steersman.api.model.core.NodeSpec;
import io.steersman.api.model.core.NodeStatus;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The state the node agent's controllers share: which nodes it simulates, their addresses, the pod
 * IP pool, the image catalog, and which pod holds which IP. One per control plane (a Guice
 * singleton). Settings are read once, at construction; a bad value fails the start with a message
 * naming the key. Thread-safe.
 */
@Singleton
final class SimulatedNodes {

    static final String COUNT = "steersman.node.count";
    static final String POD_CIDR = "steersman.node.pod-cidr";
    static final String IMAGES = "steersman.node.images";
    static final String SHUTDOWN_TIME = "steersman.node.shutdown-time";
    static final String DEFAULT_POD_CIDR = "10.244.0.0/16";
    static final String KUBELET_VERSION = "v1.32.0";

    private final List<String> names;
    private final String podCidr;
    private final PodIpAllocator ips;
    private final PodLifecycle lifecycle;
    private final Duration shutdownTime;
    private final Map<String, String> uidByPod = new ConcurrentHashMap<>();
    private final AtomicLong nextNode = new AtomicLong();

    @Inject
    SimulatedNodes(PluginSettings settings) {
        int count;
        try {
            count = settings.getInt(COUNT, 1);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(COUNT + ": \"" + settings.get(COUNT).orElse("") + "\" is not a number of nodes");
        }
        if (count < 0 || count > 5000) {
            throw new IllegalArgumentException(COUNT + ": must be between 0 and 5000, was " + count);
        }
        List<String> nodes = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            nodes.add("node-" + i);
        }
        this.names = List.copyOf(nodes);
        this.podCidr = settings.get(POD_CIDR, DEFAULT_POD_CIDR).strip();
        this.ips = new PodIpAllocator(podCidr);
        this.lifecycle = new PodLifecycle(ImageCatalog.withDefaults(settings.get(IMAGES, null)));
        String shutdown = settings.get(SHUTDOWN_TIME, "0s");
        this.shutdownTime = GoDuration.parse(shutdown).orElseThrow(() -> new IllegalArgumentException(
                SHUTDOWN_TIME + ": \"" + shutdown + "\" is not a duration such as 1s or 500ms"));
    }

    /** How long a pod's graceful shutdown takes when its annotations do not say (never longer than its grace period). */
    Duration shutdownTime() {
        return shutdownTime;
    }

    List<String> names() {
        return names;
    }

    boolean simulates(String nodeName) {
        return nodeName != null && names.contains(nodeName);
    }

    PodLifecycle lifecycle() {
        return lifecycle;
    }

    /** Round-robin over {@code candidates}, so pods spread evenly over the nodes. */
    String pick(List<String> candidates) {
        return candidates.get((int) Math.floorMod(nextNode.getAndIncrement(), (long) candidates.size()));
    }

    /**
     * The IP of the pod with {@code uid} at {@code key} (namespace/name): the one it reports when
     * that is free (a pod from before a restart), else a new one. Empty when the pool is exhausted.
     */
    java.util.Optional<String> podIp(String key, String uid, String reported) {
        String previous = uidByPod.put(key, uid);
        if (previous != null && !previous.equals(uid)) {
            ips.release(previous); // a new pod under an old name: the old one is gone
        }
        if (reported != null && ips.reserve(uid, reported)) {
            return java.util.Optional.of(reported);
        }
        return ips.allocate(uid);
    }

    /** Returns the IP of the pod at {@code key} to the pool. */
    void release(String key) {
        String uid = uidByPod.remove(key);
        if (uid != null) {
            ips.release(uid);
        }
    }

    String podCidr() {
        return podCidr;
    }

    /** kind's style: the first node is 172.18.0.2. */
    String internalIp(String nodeName) {
        int index = names.indexOf(nodeName);
        int offset = 2 + Math.max(0, index);
        return "172.18." + (offset / 256) + "." + (offset % 256);
    }

    /** The Node as this agent registers it, with its conditions dated {@code now}. */
    Node node(String name, Instant now) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("beta.kubernetes.io/arch", "amd64");
        labels.put("beta.kubernetes.io/os", "linux");
        labels.put("kubernetes.io/arch", "amd64");
        labels.put("kubernetes.io/hostname", name);
        labels.put("kubernetes.io/os", "linux");
        labels.put("node.steersman.io/simulated", "true");
        ObjectMeta metadata = ObjectMeta.builder().name(name).labels(labels)
                .annotations(Map.of("node.alpha.kubernetes.io/ttl", "0")).build();
        NodeSpec spec = new NodeSpec(podCidr, List.of(podCidr), "steersman://" + name, null, null, null);
        return Node.of(metadata, spec).withStatus(status(name, now));
    }

    /** The status of a healthy node: kwok's capacity (reported, not enforced), Ready, addresses, nodeInfo. */
    NodeStatus status(String name, Instant now) {
        Map<String, Quantity> capacity = Map.of("cpu", new Quantity("32"), "memory", new Quantity("256Gi"),
                "pods", new Quantity("110"), "ephemeral-storage", new Quantity("100Gi"));
        List<Map<String, Object>> conditions = List.of(
                condition("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available", now),
                condition("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure", now),
                condition("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available", now),
                condition("Ready", "True", "KubeletReady", "kubelet is posting ready status", now));
        List<Map<String, Object>> addresses = List.of(
                Map.of("type", "InternalIP", "address", internalIp(name)),
                Map.of("type", "Hostname", "address", name));
        String machine = UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
        Map<String, Object> nodeInfo = new LinkedHashMap<>();
        nodeInfo.put("architecture", "amd64");
        nodeInfo.put("bootID", machine);
        nodeInfo.put("containerRuntimeVersion", "containerd://1.7.24");
        nodeInfo.put("kernelVersion", "6.1.0-steersman");
        nodeInfo.put("kubeProxyVersion", KUBELET_VERSION);
        nodeInfo.put("kubeletVersion", KUBELET_VERSION);
        nodeInfo.put("machineID", machine.replace("-", ""));
        nodeInfo.put("operatingSystem", "linux");
        nodeInfo.put("osImage", "Steersman simulated node");
        nodeInfo.put("systemUUID", machine);
        Map<String, Object> daemonEndpoints = Map.of("kubeletEndpoint", Map.of("Port", 10250));
        return new NodeStatus(capacity, capacity, conditions, addresses, nodeInfo, Map.of("daemonEndpoints", daemonEndpoints));
    }

    private static Map<String, Object> condition(String type, String status, String reason, String message, Instant now) {
        Map<String, Object> condition = new LinkedHashMap<>();
        condition.put("type", type);
        condition.put("status", status);
        condition.put("lastHeartbeatTime", Times.format(now));
        condition.put("lastTransitionTime", Times.format(now));
        condition.put("reason", reason);
        condition.put("message", message);
        return condition;
    }
}
