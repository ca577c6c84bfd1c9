package io.steersman.api.defaults;

import io.steersman.api.model.IntOrString;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.apps.Deployment;
import io.steersman.api.model.apps.DeploymentSpec;
import io.steersman.api.model.apps.DeploymentStrategy;
import io.steersman.api.model.apps.ReplicaSet;
import io.steersman.api.model.apps.ReplicaSetSpec;
import io.steersman.api.model.apps.StatefulSet;
import io.steersman.api.model.apps.StatefulSetPersistentVolumeClaimRetentionPolicy;
import io.steersman.api.model.apps.StatefulSetSpec;
import io.steersman.api.model.apps.StatefulSetUpdateStrategy;
import io.steersman.api.model.core.EndpointPort;
import io.steersman.api.model.core.EndpointSubset;
import io.steersman.api.model.core.Endpoints;
import io.steersman.api.model.core.Namespace;
import io.steersman.api.model.core.NamespaceStatus;
import io.steersman.api.model.core.PersistentVolume;
import io.steersman.api.model.core.PersistentVolumeClaim;
import io.steersman.api.model.core.PersistentVolumeClaimSpec;
import io.steersman.api.model.core.PersistentVolumeClaimStatus;
import io.steersman.api.model.core.PersistentVolumeSpec;
import io.steersman.api.model.core.PersistentVolumeStatus;
import io.steersman.api.model.core.Pod;
import io.steersman.api.model.core.PodSpec;
import io.steersman.api.model.core.Secret;
import io.steersman.api.model.core.Service;
import io.steersman.api.model.core.ServicePort;
import io.steersman.api.model.core.ServiceSpec;
import io.steersman.api.model.discovery.EndpointSlice;
import io.steersman.api.model.storage.StorageClass;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Upstream's defaults for the built-in kinds ({@code SetDefaults_*} of core/v1 and apps/v1, plus
 * what the registry sets on create for Namespaces and Services): one function per kind, each
 * returning a defaulted copy and leaving set fields alone. Idempotent: defaulting a defaulted
 * object changes nothing. Plug them in as a {@code ResourceType.Defaulter}. Stateless and
 * thread-safe.
 *
 * <p>Fields upstream defaults but the model keeps untyped (a container's terminationMessagePath
 * and terminationMessagePolicy, a pod's securityContext and enableServiceLinks, a Service's
 * traffic policies) are defaulted in the record's {@code unknownFields}; they are listed in
 * {@link io.steersman.api.model.UpstreamFields}, so strict field validation accepts them back.
 */
public final class Defaults {
    /** {@code v1.DefaultClientIPServiceAffinitySeconds}: three hours. */
    static final int DEFAULT_CLIENT_IP_AFFINITY_SECONDS = 10800;

    private Defaults() {}

    /** Replicas 1; RollingUpdate with maxSurge and maxUnavailable 25%; revisionHistoryLimit 10; progressDeadlineSeconds 600; the pod template's defaults. */
    public static Deployment deployment(Deployment d) {
        DeploymentSpec s = d.spec();
        DeploymentStrategy strategy = s.strategy();
        String type = strategy == null || PodDefaults.isEmpty(strategy.type()) ? DeploymentStrategy.ROLLING_UPDATE : strategy.type();
        DeploymentStrategy.RollingUpdateDeployment rollingUpdate = strategy == null ? null : strategy.rollingUpdate();
        if (type.equals(DeploymentStrategy.ROLLING_UPDATE)) {
            IntOrString maxUnavailable = rollingUpdate == null || rollingUpdate.maxUnavailable() == null
                    ? IntOrString.of("25%") : rollingUpdate.maxUnavailable();
            IntOrString maxSurge = rollingUpdate == null || rollingUpdate.maxSurge() == null ? IntOrString.of("25%") : rollingUpdate.maxSurge();
            rollingUpdate = new DeploymentStrategy.RollingUpdateDeployment(maxUnavailable, maxSurge,
                    rollingUpdate == null ? null : rollingUpdate.unknownFields());
        }
        DeploymentStrategy defaulted = new DeploymentStrategy(type, rollingUpdate, strategy == null ? null : strategy.unknownFields());
        DeploymentSpec spec = new DeploymentSpec(
                s.replicas() == null ? 1 : s.replicas(),
                s.selector(),
                PodDefaults.template(s.template()),
                defaulted,
                s.minReadySeconds(),
                s.revisionHistoryLimit() == null ? 10 : s.revisionHistoryLimit(),
                s.paused(),
                s.progressDeadlineSeconds() == null ? 600 : s.progressDeadlineSeconds(),
                s.unknownFields());
        return d.withSpec(spec);
    }

    /** Replicas 1; the pod template's defaults. */
    public static ReplicaSet replicaSet(ReplicaSet rs) {
        ReplicaSetSpec s = rs.spec();
        return rs.withSpec(new ReplicaSetSpec(s.replicas() == null ? 1 : s.replicas(), s.minReadySeconds(), s.selector(),
                PodDefaults.template(s.template()), s.unknownFields()));
    }

    /**
     * Replicas 1; podManagementPolicy OrderedReady; updateStrategy RollingUpdate with partition 0
     * (when the type was left out, or a rollingUpdate section is given); revisionHistoryLimit 10;
     * persistentVolumeClaimRetentionPolicy Retain/Retain; claim templates and pod template defaulted.
     */
    public static StatefulSet statefulSet(StatefulSet set) {
        StatefulSetSpec s = set.spec();
        StatefulSetUpdateStrategy strategy = s.updateStrategy();
        String type = strategy == null ? null : strategy.type();
        StatefulSetUpdateStrategy.RollingUpdateStatefulSetStrategy rollingUpdate = strategy == null ? null : strategy.rollingUpdate();
        if (PodDefaults.isEmpty(type)) {
            type = StatefulSetUpdateStrategy.ROLLING_UPDATE;
            if (rollingUpdate == null) {
                rollingUpdate = new StatefulSetUpdateStrategy.RollingUpdateStatefulSetStrategy(null, null, null);
            }
        }
        if (type.equals(StatefulSetUpdateStrategy.ROLLING_UPDATE) && rollingUpdate != null && rollingUpdate.partition() == null) {
            rollingUpdate = new StatefulSetUpdateStrategy.RollingUpdateStatefulSetStrategy(0, rollingUpdate.maxUnavailable(),
                    rollingUpdate.unknownFields());
        }
        StatefulSetPersistentVolumeClaimRetentionPolicy retention = s.persistentVolumeClaimRetentionPolicy();
        retention = new StatefulSetPersistentVolumeClaimRetentionPolicy(
                retention == null ? StatefulSetPersistentVolumeClaimRetentionPolicy.RETAIN
                        : PodDefaults.orDefault(retention.whenDeleted(), StatefulSetPersistentVolumeClaimRetentionPolicy.RETAIN),
                retention == null ? StatefulSetPersistentVolumeClaimRetentionPolicy.RETAIN
                        : PodDefaults.orDefault(retention.whenScaled(), StatefulSetPersistentVolumeClaimRetentionPolicy.RETAIN),
                retention == null ? null : retention.unknownFields());
        StatefulSetSpec spec = new StatefulSetSpec(
                s.replicas() == null ? 1 : s.replicas(),
                s.selector(),
                PodDefaults.template(s.template()),
                s.volumeClaimTemplates().stream().map(Defaults::persistentVolumeClaim).toList(),
                s.serviceName(),
                PodDefaults.orDefault(s.podManagementPolicy(), StatefulSetSpec.ORDERED_READY),
                new StatefulSetUpdateStrategy(type, rollingUpdate, strategy == null ? null : strategy.unknownFields()),
                s.revisionHistoryLimit() == null ? 10 : s.revisionHistoryLimit(),
                s.minReadySeconds(),
                retention,
                s.ordinals(),
                s.unknownFields());
        return set.withSpec(spec);
    }

    /**
     * The pod spec's defaults, requests from limits where only a limit is set, and
     * enableServiceLinks true ({@code SetDefaults_Pod}: Pods only, not pod templates).
     */
    public static Pod pod(Pod pod) {
        PodSpec spec = PodDefaults.spec(pod.spec());
        spec = PodDefaults.unchangedOr(pod.spec(), new PodSpec(spec.volumes(),
                PodDefaults.each(spec.initContainers(), PodDefaults::requestsFromLimits),
                PodDefaults.each(spec.containers(), PodDefaults::requestsFromLimits), spec.restartPolicy(),
                spec.terminationGracePeriodSeconds(), spec.dnsPolicy(), spec.serviceAccountName(), spec.nodeName(),
                spec.hostname(), spec.subdomain(), spec.schedulerName(), spec.readinessGates(),
                PodDefaults.withDefault(spec.unknownFields(), "enableServiceLinks", true)));
        return spec == pod.spec() ? pod : new Pod(pod.apiVersion(), pod.kind(), pod.metadata(), spec, pod.status(), pod.unknownFields());
    }

    /**
     * Type ClusterIP; sessionAffinity None; port protocol TCP and targetPort = port; and, as the
     * registry does on create for a cluster with one IPv4 family, ipFamilyPolicy SingleStack and
     * ipFamilies [IPv4] for every type but ExternalName and headless Services without a selector
     * (their families are the store's: RequireDualStack, [IPv4, IPv6], as upstream's allocator sets them). The cluster IP itself is allocated
     * elsewhere. In the spec's unknown fields (untyped in the model): sessionAffinityConfig
     * dropped for affinity None and a 10800 s ClientIP timeout for ClientIP;
     * externalTrafficPolicy Cluster when externally accessible (NodePort, LoadBalancer, or
     * ClusterIP with externalIPs); internalTrafficPolicy Cluster for ClusterIP, NodePort and
     * LoadBalancer; allocateLoadBalancerNodePorts true for LoadBalancer.
     */
    public static Service service(Service service) {
        ServiceSpec s = service.spec();
        String type = PodDefaults.orDefault(s.type(), "ClusterIP");
        String affinity = PodDefaults.orDefault(s.sessionAffinity(), "None");
        List<ServicePort> ports = new ArrayList<>();
        for (ServicePort p : s.ports()) {
            IntOrString target = p.targetPort();
            boolean unsetTarget = target == null || (target.isInt() && target.intValue() == 0) || (!target.isInt() && target.strValue().isEmpty());
            ports.add(new ServicePort(p.name(), PodDefaults.orDefault(p.protocol(), "TCP"), p.appProtocol(), p.port(),
                    unsetTarget && p.port() != null ? IntOrString.of(p.port()) : target, p.nodePort(), p.unknownFields()));
        }
        Map<String, Object> unknown = trafficDefaults(type, affinity, s.unknownFields());
        // upstream's registry leaves the families of a headless Service without selector to its
        // allocator, which makes it RequireDualStack (core's store does that)
        boolean headlessWithoutSelector = s.selector().isEmpty() && (ServiceSpec.CLUSTER_IP_NONE.equals(s.clusterIP())
                || !s.clusterIPs().isEmpty() && ServiceSpec.CLUSTER_IP_NONE.equals(s.clusterIPs().get(0)));
        boolean families = !type.equals("ExternalName") && !headlessWithoutSelector;
        ServiceSpec spec = new ServiceSpec(type, s.selector(), ports, s.clusterIP(), s.clusterIPs(),
                families && s.ipFamilies().isEmpty() ? List.of("IPv4") : s.ipFamilies(),
                families && PodDefaults.isEmpty(s.ipFamilyPolicy()) ? "SingleStack" : s.ipFamilyPolicy(),
                affinity, s.publishNotReadyAddresses(), s.externalName(), unknown);
        return service.withSpec(spec);
    }

    private static Map<String, Object> trafficDefaults(String type, String affinity, Map<String, Object> unknown) {
        if (affinity.equals("None") && unknown.containsKey("sessionAffinityConfig")) {
            // upstream drops a config that affinity None does not use
            unknown = new LinkedHashMap<>(unknown);
            unknown.remove("sessionAffinityConfig");
        }
        if (affinity.equals("ClientIP") && !hasClientIpTimeout(unknown.get("sessionAffinityConfig"))) {
            unknown = new LinkedHashMap<>(unknown);
            unknown.put("sessionAffinityConfig", Map.of("clientIP", Map.of("timeoutSeconds", DEFAULT_CLIENT_IP_AFFINITY_SECONDS)));
        }
        boolean nodePorts = type.equals("NodePort") || type.equals("LoadBalancer");
        boolean externallyAccessible = nodePorts
                || type.equals("ClusterIP") && unknown.get("externalIPs") instanceof List<?> ips && !ips.isEmpty();
        if (externallyAccessible && isEmptyValue(unknown.get("externalTrafficPolicy"))) {
            unknown = new LinkedHashMap<>(unknown);
            unknown.put("externalTrafficPolicy", "Cluster");
        }
        if (nodePorts || type.equals("ClusterIP")) {
            unknown = PodDefaults.withDefault(unknown, "internalTrafficPolicy", "Cluster");
        }
        if (type.equals("LoadBalancer")) {
            unknown = PodDefaults.withDefault(unknown, "allocateLoadBalancerNodePorts", true);
        }
        return unknown;
    }

    private static boolean hasClientIpTimeout(Object config) {
        return config instanceof Map<?, ?> c && c.get("clientIP") instanceof Map<?, ?> ip && ip.get("timeoutSeconds") != null;
    }

    private static boolean isEmptyValue(Object value) {
        return value == null || "".equals(value);
    }

    /** volumeMode Filesystem; status.phase Pending. */
    public static PersistentVolumeClaim persistentVolumeClaim(PersistentVolumeClaim claim) {
        PersistentVolumeClaimSpec s = claim.spec();
        PersistentVolumeClaimSpec spec = new PersistentVolumeClaimSpec(s.accessModes(), s.selector(), s.resources(), s.volumeName(),
                s.storageClassName(), PodDefaults.orDefault(s.volumeMode(), "Filesystem"), s.dataSource(), s.dataSourceRef(),
                s.unknownFields());
        PersistentVolumeClaimStatus st = claim.status();
        PersistentVolumeClaimStatus status = PodDefaults.isEmpty(st.phase())
                ? new PersistentVolumeClaimStatus(PersistentVolumeClaimStatus.PENDING, st.accessModes(), st.capacity(), st.conditions(),
                        st.unknownFields())
                : st;
        return new PersistentVolumeClaim(claim.apiVersion(), claim.kind(), claim.metadata(), spec, status, claim.unknownFields());
    }

    /** persistentVolumeReclaimPolicy Retain; volumeMode Filesystem; hostPath type ""; status.phase Pending. */
    public static PersistentVolume persistentVolume(PersistentVolume pv) {
        PersistentVolumeSpec s = pv.spec();
        PersistentVolumeSpec spec = new PersistentVolumeSpec(s.capacity(), s.accessModes(), s.claimRef(),
                PodDefaults.orDefault(s.persistentVolumeReclaimPolicy(), "Retain"), s.storageClassName(), s.mountOptions(),
                PodDefaults.orDefault(s.volumeMode(), "Filesystem"), PodDefaults.hostPath(s.hostPath()), s.local(), s.nfs(), s.csi(), s.nodeAffinity(),
                s.unknownFields());
        PersistentVolumeStatus st = pv.status();
        PersistentVolumeStatus status = PodDefaults.isEmpty(st.phase())
                ? new PersistentVolumeStatus(PersistentVolumeStatus.PENDING, st.message(), st.reason(), st.lastPhaseTransitionTime(),
                        st.unknownFields())
                : st;
        return pv.withSpec(spec).withStatus(status);
    }

    /**
     * The label {@code kubernetes.io/metadata.name} = name and status.phase Active. The
     * {@code kubernetes} spec finalizer is added on create by the store's namespace strategy, as
     * upstream's registry does, not here: defaulting also runs on updates.
     */
    public static Namespace namespace(Namespace ns) {
        ObjectMeta meta = ns.metadata();
        if (!PodDefaults.isEmpty(meta.name())) {
            meta = meta.withLabel("kubernetes.io/metadata.name", meta.name());
        }
        NamespaceStatus status = ns.status();
        if (PodDefaults.isEmpty(status.phase())) {
            status = new NamespaceStatus(NamespaceStatus.ACTIVE, status.conditions(), status.unknownFields());
        }
        return new Namespace(ns.apiVersion(), ns.kind(), meta, ns.spec(), status, ns.unknownFields());
    }

    /** type Opaque. */
    public static Secret secret(Secret secret) {
        if (!PodDefaults.isEmpty(secret.type())) {
            return secret;
        }
        return new Secret(secret.apiVersion(), secret.kind(), secret.metadata(), Secret.OPAQUE, secret.data(), secret.stringData(),
                secret.immutable(), secret.unknownFields());
    }

    /** reclaimPolicy Delete; volumeBindingMode Immediate. */
    public static StorageClass storageClass(StorageClass sc) {
        return new StorageClass(sc.apiVersion(), sc.kind(), sc.metadata(), sc.provisioner(), sc.parameters(),
                PodDefaults.orDefault(sc.reclaimPolicy(), "Delete"), sc.mountOptions(), sc.allowVolumeExpansion(),
                PodDefaults.orDefault(sc.volumeBindingMode(), StorageClass.IMMEDIATE), sc.allowedTopologies(), sc.unknownFields());
    }

    /** Port protocol TCP. */
    public static Endpoints endpoints(Endpoints endpoints) {
        List<EndpointSubset> subsets = endpoints.subsets().stream()
                .map(s -> new EndpointSubset(s.addresses(), s.notReadyAddresses(), s.ports().stream().map(p -> port(p, false)).toList(),
                        s.unknownFields()))
                .toList();
        return new Endpoints(endpoints.apiVersion(), endpoints.kind(), endpoints.metadata(), subsets, endpoints.unknownFields());
    }

    /** Port protocol TCP and port name "" (discovery/v1 {@code SetDefaults_EndpointPort}). */
    public static EndpointSlice endpointSlice(EndpointSlice slice) {
        return new EndpointSlice(slice.apiVersion(), slice.kind(), slice.metadata(), slice.addressType(), slice.endpoints(),
                slice.ports().stream().map(p -> port(p, true)).toList(), slice.unknownFields());
    }

    private static EndpointPort port(EndpointPort p, boolean emptyName) {
        String name = emptyName && p.name() == null ? "" : p.name();
        return new EndpointPort(name, p.port(), PodDefaults.orDefault(p.protocol(), "TCP"), p.appProtocol(), p.unknownFields());
    }

}
