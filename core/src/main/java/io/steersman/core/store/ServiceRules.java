package io.steersman.core.store;

import io.steersman.api.model.core.Service;
import io.steersman.api.model.core.ServicePort;
import io.steersman.api.model.core.ServiceSpec;
import io.steersman.api.resource.FieldError;
import io.steersman.api.resource.ResourceType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The Service strategy and upstream's service allocators ({@code pkg/registry/core/service}):
 * a cluster IP from the service CIDR for every Service but headless and ExternalName ones, node
 * ports for NodePort and LoadBalancer Services, reserved in the write path so the create answer
 * carries them, freed when the Service is removed or changes to a type that has none. A requested
 * cluster IP or node port is honoured when free and in range, else refused with upstream's 422.
 * Single-stack IPv4. The allocations live in memory and are rebuilt from the stored Services when
 * the store starts ({@link #restore}). Thread-safe.
 */
final class ServiceRules implements KindRules<Service> {
    private static final String EXTERNAL_NAME = "ExternalName";
    private static final String IPV4 = "IPv4";

    private final ResourceType<Service> type;
    private final ServiceCidr cidr;
    private final AllocationBitmap ips;
    private final NodePortRange nodePortRange;
    private final AllocationBitmap nodePorts;

    ServiceRules(ResourceType<Service> type, ServiceCidr cidr, NodePortRange nodePortRange, RandomGenerator random) {
        this.type = type;
        this.cidr = cidr;
        this.ips = new AllocationBitmap(cidr.usable(), AllocationBitmap.staticBand(cidr.rangeSize(), 16, 16, 256), random);
        this.nodePortRange = nodePortRange;
        this.nodePorts = new AllocationBitmap(nodePortRange.size(), AllocationBitmap.staticBand(nodePortRange.size(), 16, 32, 128), random);
    }

    /** Marks what stored Services hold as taken (at start); a value held twice or out of range is skipped. */
    void restore(Service service) {
        ServiceSpec spec = service.spec();
        int index = needsClusterIp(spec) ? cidr.indexOf(spec.clusterIP()) : -1;
        if (index >= 0) {
            ips.allocate(index);
        }
        for (int port : nodePortsOf(spec)) {
            int at = nodePortRange.indexOf(port);
            if (at >= 0) {
                nodePorts.allocate(at);
            }
        }
    }

    /** Taken cluster IPs, for tests. */
    int allocatedIps() {
        return ips.used();
    }

    /** Taken node ports, for tests. */
    int allocatedNodePorts() {
        return nodePorts.used();
    }

    @Override
    public boolean tracksGeneration() {
        return false;
    }

    // ---------------------------------------------------------------------------------- create

    @Override
    public Reservation<Service> beginCreate(Service service, boolean dryRun) {
        ServiceSpec spec = service.spec();
        if (!Requests.isBlank(spec.clusterIP()) && spec.clusterIPs().isEmpty()) {
            // upstream's NormalizeClusterIPs: an old client sets only the singular field
            spec = withClusterIps(spec, spec.clusterIP(), List.of(spec.clusterIP()));
        }
        List<Runnable> undo = new ArrayList<>();
        try {
            spec = allocateClusterIp(service.name(), spec, dryRun, undo);
            spec = allocateNodePorts(service.name(), spec, null, dryRun, undo, new ArrayList<>());
        } catch (RuntimeException e) {
            undo.forEach(Runnable::run);
            throw e;
        }
        return new Reservation<>(service.withSpec(spec), () -> { }, () -> undo.forEach(Runnable::run));
    }

    /** Upstream's {@code initIPFamilyFields} (single stack) and {@code allocClusterIPs}. */
    private ServiceSpec allocateClusterIp(String name, ServiceSpec spec, boolean dryRun, List<Runnable> undo) {
        if (!needsClusterIp(spec)) {
            return spec;
        }
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < spec.clusterIPs().size(); i++) {
            String ip = spec.clusterIPs().get(i);
            if (i == 0 && ServiceSpec.CLUSTER_IP_NONE.equals(ip)) {
                break;
            }
            if (ip != null && ip.contains(":")) {
                errors.add(FieldError.invalid("spec.clusterIPs[" + i + "]", new GoStrings(spec.clusterIPs()), "IPv6 is not configured on this cluster"));
            }
        }
        boolean headless = isHeadless(spec);
        if (headless && spec.selector().isEmpty()) {
            return headlessWithoutSelectorFamilies(spec, null);
        }
        if (!headless) {
            if ("RequireDualStack".equals(spec.ipFamilyPolicy())) {
                errors.add(FieldError.invalid("spec.ipFamilyPolicy", spec.ipFamilyPolicy(), "this cluster is not configured for dual-stack services"));
            }
            for (int i = 0; i < spec.ipFamilies().size(); i++) {
                if (!IPV4.equals(spec.ipFamilies().get(i))) {
                    errors.add(FieldError.invalid("spec.ipFamilies[" + i + "]", spec.ipFamilies().get(i), "not configured on this cluster"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw StatusErrors.invalid(type, name, errors);
        }
        if (headless) {
            return spec;
        }
        String asked = spec.clusterIPs().isEmpty() ? "" : Requests.nullToEmpty(spec.clusterIPs().get(0));
        if (asked.isEmpty()) {
            String ip;
            if (dryRun) {
                // upstream's dry run does not look for a free address: it answers with the network's
                ip = ServiceCidr.format(cidr.network());
            } else {
                int index = ips.allocateNext();
                if (index < 0) {
                    throw StatusErrors.internal("failed to allocate a serviceIP: range is full");
                }
                undo.add(() -> ips.release(index));
                ip = cidr.ipAt(index);
            }
            return withClusterIps(spec, ip, List.of(ip));
        }
        if (ServiceCidr.parseIpv4(asked) < 0) {
            return spec;  // not an IPv4 address: validation says so
        }
        int index = cidr.indexOf(asked);
        if (index < 0) {
            throw notAllocated(name, spec, asked, "the provided IP (" + asked + ") is not in the valid range. The range of valid IPs is " + cidr);
        }
        if (!dryRun) {
            if (!ips.allocate(index)) {
                throw notAllocated(name, spec, asked, "provided IP is already allocated");
            }
            undo.add(() -> ips.release(index));
        }
        return withClusterIps(spec, asked, spec.clusterIPs());
    }

    /**
     * Upstream's special case of {@code initIPFamilyFields}: a headless Service without selector
     * defaults to RequireDualStack (or the policy it had) and, unless SingleStack, to both
     * families, the cluster's first, even on a single-stack cluster.
     */
    private static ServiceSpec headlessWithoutSelectorFamilies(ServiceSpec spec, String oldPolicy) {
        String policy = !Requests.isBlank(spec.ipFamilyPolicy()) ? spec.ipFamilyPolicy()
                : oldPolicy != null ? oldPolicy : "RequireDualStack";
        List<String> families = new ArrayList<>(spec.ipFamilies().isEmpty() ? List.of(IPV4) : spec.ipFamilies());
        if (families.size() < 2 && !"SingleStack".equals(policy)) {
            families.add(IPV4.equals(families.get(0)) ? "IPv6" : IPV4);
        }
        if (policy.equals(spec.ipFamilyPolicy()) && families.equals(spec.ipFamilies())) {
            return spec;
        }
        return new ServiceSpec(spec.type(), spec.selector(), spec.ports(), spec.clusterIP(), spec.clusterIPs(), families, policy,
                spec.sessionAffinity(), spec.publishNotReadyAddresses(), spec.externalName(), spec.unknownFields());
    }

    private RuntimeException notAllocated(String name, ServiceSpec spec, String ip, String why) {
        return StatusErrors.invalid(type, name, List.of(FieldError.invalid("spec.clusterIPs", new GoStrings(spec.clusterIPs()),
                "failed to allocate IP " + ip + ": " + why)));
    }

    /**
     * Upstream's {@code initNodePorts} (create, {@code old} null) and {@code updateNodePorts}: each
     * port of a NodePort or LoadBalancer Service gets the node port asked for, on create the one
     * another port with the same number asks for or got, else a free one; node ports {@code old}
     * held stay taken without being allocated again. Old node ports no longer used go to
     * {@code toRelease}.
     */
    private ServiceSpec allocateNodePorts(String name, ServiceSpec spec, ServiceSpec old, boolean dryRun,
            List<Runnable> undo, List<Integer> toRelease) {
        List<Integer> held = old == null ? List.of() : nodePortsOf(old);
        if (!needsNodePorts(spec)) {
            toRelease.addAll(held);
            return spec;
        }
        boolean allocateMissing = "NodePort".equals(spec.type())
                || !Boolean.FALSE.equals(spec.unknownFields().get("allocateLoadBalancerNodePorts"));
        Map<Integer, Integer> byServicePort = new HashMap<>();
        Set<Integer> taken = new HashSet<>();
        List<ServicePort> ports = new ArrayList<>(spec.ports());
        for (int i = 0; i < ports.size(); i++) {
            ServicePort port = ports.get(i);
            int asked = port.nodePort() == null ? 0 : port.nodePort();
            if (asked == 0 && !allocateMissing) {
                continue;
            }
            String field = "spec.ports[" + i + "].nodePort";
            int servicePort = port.port() == null ? 0 : port.port();
            int nodePort;
            if (old == null) {
                Integer same = byServicePort.get(servicePort);
                if (same == null) {
                    int requested = requestedNodePort(servicePort, spec.ports());
                    nodePort = requested != 0 ? take(name, requested, field, dryRun, undo) : next(dryRun, undo);
                    byServicePort.put(servicePort, nodePort);
                } else if (asked == 0 || asked == same) {
                    nodePort = same;
                } else {
                    nodePort = take(name, asked, field, dryRun, undo);
                }
            } else if (asked != 0) {
                nodePort = held.contains(asked) || !taken.add(asked) ? asked : take(name, asked, field, dryRun, undo);
            } else {
                nodePort = next(dryRun, undo);
            }
            ports.set(i, new ServicePort(port.name(), port.protocol(), port.appProtocol(), port.port(), port.targetPort(), nodePort,
                    port.unknownFields()));
        }
        ServiceSpec allocated = spec.withPorts(ports);
        List<Integer> kept = nodePortsOf(allocated);
        for (int port : held) {
            if (!kept.contains(port)) {
                toRelease.add(port);
            }
        }
        return allocated;
    }

    /** The node port a later port with the same number asks for (upstream's {@code findRequestedNodePort}). */
    private static int requestedNodePort(int servicePort, List<ServicePort> ports) {
        for (ServicePort port : ports) {
            if (port.port() != null && port.port() == servicePort && port.nodePort() != null && port.nodePort() != 0) {
                return port.nodePort();
            }
        }
        return 0;
    }

    private int next(boolean dryRun, List<Runnable> undo) {
        if (dryRun) {
            return nodePortRange.base();
        }
        int index = nodePorts.allocateNext();
        if (index < 0) {
            throw StatusErrors.internal("failed to allocate a nodePort: range is full");
        }
        undo.add(() -> nodePorts.release(index));
        return nodePortRange.portAt(index);
    }

    /** Takes {@code nodePort} as asked by the port at {@code field}; refused when out of range or taken. */
    private int take(String name, int nodePort, String field, boolean dryRun, List<Runnable> undo) {
        int index = nodePortRange.indexOf(nodePort);
        if (index < 0) {
            throw StatusErrors.invalid(type, name, List.of(FieldError.invalid(field, nodePort,
                    "provided port is not in the valid range. The range of valid ports is " + nodePortRange)));
        }
        if (!dryRun) {
            if (!nodePorts.allocate(index)) {
                throw StatusErrors.invalid(type, name, List.of(FieldError.invalid(field, nodePort, "provided port is already allocated")));
            }
            undo.add(() -> nodePorts.release(index));
        }
        return nodePort;
    }

    // ---------------------------------------------------------------------------------- update

    /**
     * Upstream's {@code patchAllocatedValues} and {@code NormalizeClusterIPs}: an update that leaves
     * out the allocated cluster IP or node ports (a PUT of the original manifest) keeps them.
     */
    @Override
    public Service prepareForUpdate(Service service, Service old) {
        ServiceSpec spec = service.spec();
        ServiceSpec was = old.spec();
        String clusterIp = spec.clusterIP();
        List<String> clusterIps = spec.clusterIPs();
        if (needsClusterIp(was) && needsClusterIp(spec)) {
            if (Requests.isBlank(clusterIp)) {
                clusterIp = was.clusterIP();
            }
            if (clusterIps.isEmpty()) {
                clusterIps = was.clusterIPs();
            }
        }
        if (!was.clusterIPs().isEmpty() && clusterIps.isEmpty() && java.util.Objects.equals(was.clusterIP(), clusterIp)) {
            clusterIps = was.clusterIPs();
        }
        if (!java.util.Objects.equals(was.clusterIP(), clusterIp) && clusterIps.equals(was.clusterIPs())) {
            clusterIps = Requests.isBlank(clusterIp) ? List.of() : List.of(clusterIp);
        }
        List<ServicePort> ports = spec.ports();
        if (needsNodePorts(was) && needsNodePorts(spec)) {
            Set<Integer> used = new HashSet<>(nodePortsOf(was));
            used.retainAll(nodePortsOf(spec));
            Map<String, Integer> byName = new HashMap<>();
            for (ServicePort port : was.ports()) {
                byName.put(Requests.nullToEmpty(port.name()), port.nodePort() == null ? 0 : port.nodePort());
            }
            List<ServicePort> patched = new ArrayList<>(ports);
            for (int i = 0; i < patched.size(); i++) {
                ServicePort port = patched.get(i);
                Integer oldValue = byName.get(Requests.nullToEmpty(port.name()));
                if ((port.nodePort() == null || port.nodePort() == 0) && oldValue != null && oldValue != 0 && !used.contains(oldValue)) {
                    patched.set(i, new ServicePort(port.name(), port.protocol(), port.appProtocol(), port.port(), port.targetPort(), oldValue,
                            port.unknownFields()));
                }
            }
            ports = patched;
        }
        ServiceSpec patched = withClusterIps(spec, clusterIp, clusterIps).withPorts(ports);
        if (needsClusterIp(patched) && isHeadless(patched) && patched.selector().isEmpty()) {
            patched = headlessWithoutSelectorFamilies(patched, was.ipFamilyPolicy());
        }
        return patched.equals(spec) ? service : service.withSpec(patched);
    }

    @Override
    public Reservation<Service> beginUpdate(Service service, Service old, boolean dryRun) {
        ServiceSpec spec = service.spec();
        ServiceSpec was = old.spec();
        List<Runnable> undo = new ArrayList<>();
        List<Integer> releasedPorts = new ArrayList<>();
        String releasedIp = null;
        try {
            if (!needsClusterIp(was) && needsClusterIp(spec)) {
                spec = allocateClusterIp(service.name(), spec, dryRun, undo);
            } else if (needsClusterIp(was) && !needsClusterIp(spec) && !isHeadless(was)) {
                releasedIp = was.clusterIP();
            }
            spec = allocateNodePorts(service.name(), spec, was, dryRun, undo, releasedPorts);
        } catch (RuntimeException e) {
            undo.forEach(Runnable::run);
            throw e;
        }
        if (dryRun) {
            return Reservation.none(service.withSpec(spec));
        }
        String ip = releasedIp;
        Runnable commit = () -> {
            releaseIp(ip);
            releasedPorts.forEach(this::releaseNodePort);
        };
        return new Reservation<>(spec.equals(service.spec()) ? service : service.withSpec(spec), commit, () -> undo.forEach(Runnable::run));
    }

    // ---------------------------------------------------------------------------------- delete

    @Override
    public void removed(Service service) {
        if (needsClusterIp(service.spec())) {
            releaseIp(service.spec().clusterIP());
        }
        nodePortsOf(service.spec()).forEach(this::releaseNodePort);
    }

    private void releaseIp(String ip) {
        int index = ip == null ? -1 : cidr.indexOf(ip);
        if (index >= 0) {
            ips.release(index);
        }
    }

    private void releaseNodePort(int port) {
        int index = nodePortRange.indexOf(port);
        if (index >= 0) {
            nodePorts.release(index);
        }
    }

    // ---------------------------------------------------------------------------------- helpers

    private static boolean needsClusterIp(ServiceSpec spec) {
        return !EXTERNAL_NAME.equals(spec.type());
    }

    private static boolean isHeadless(ServiceSpec spec) {
        return ServiceSpec.CLUSTER_IP_NONE.equals(spec.clusterIP())
                || !spec.clusterIPs().isEmpty() && ServiceSpec.CLUSTER_IP_NONE.equals(spec.clusterIPs().get(0));
    }

    private static boolean needsNodePorts(ServiceSpec spec) {
        return "NodePort".equals(spec.type()) || "LoadBalancer".equals(spec.type());
    }

    private static List<Integer> nodePortsOf(ServiceSpec spec) {
        List<Integer> ports = new ArrayList<>();
        for (ServicePort port : spec.ports()) {
            if (port.nodePort() != null && port.nodePort() != 0 && !ports.contains(port.nodePort())) {
                ports.add(port.nodePort());
            }
        }
        return ports;
    }

    private static ServiceSpec withClusterIps(ServiceSpec s, String clusterIp, List<String> clusterIps) {
        return new ServiceSpec(s.type(), s.selector(), s.ports(), clusterIp, clusterIps, s.ipFamilies(), s.ipFamilyPolicy(),
                s.sessionAffinity(), s.publishNotReadyAddresses(), s.externalName(), s.unknownFields());
    }

    /** A list of strings printed as upstream's field errors print a {@code []string}. */
    private record GoStrings(List<String> values) {
        @Override
        public String toString() {
            StringBuilder s = new StringBuilder("[]string{");
            for (int i = 0; i < values.size(); i++) {
                s.append(i == 0 ? "" : ", ").append('"').append(values.get(i)).append('"');
            }
            return s.append('}').toString();
        }
    }
}
