package io.steersman.api.model;

import io.steersman.api.model.apps.DeploymentSpec;
import io.steersman.api.model.coordination.LeaseSpec;
import io.steersman.api.model.core.Container;
import io.steersman.api.model.core.ContainerStatus;
import io.steersman.api.model.core.NodeSpec;
import io.steersman.api.model.core.NodeStatus;
import io.steersman.api.model.core.PersistentVolumeClaimSpec;
import io.steersman.api.model.core.PersistentVolumeClaimStatus;
import io.steersman.api.model.core.PersistentVolumeSpec;
import io.steersman.api.model.core.PodSpec;
import io.steersman.api.model.core.PodStatus;
import io.steersman.api.model.core.ResourceRequirements;
import io.steersman.api.model.core.ServiceSpec;
import io.steersman.api.model.core.ServiceStatus;
import io.steersman.api.model.core.Volume;
import io.steersman.api.model.core.VolumeMount;
import io.steersman.api.model.discovery.Endpoint;
import java.util.Map;
import java.util.Set;

/**
 * Fields upstream's schema (Kubernetes 1.32) defines that the typed model keeps untyped, in its
 * {@code unknownFields}: {@code securityContext}, {@code tolerations}, {@code affinity} and the like.
 * The model keeps them whole either way; what this table decides is whether strict field validation
 * ({@code fieldValidation=Strict}, which kubectl asks for) reports a field as unknown. Only a field
 * that upstream does not define either is unknown, as a real API server would say.
 */
public final class UpstreamFields {
    private static final Set<String> VOLUME_SOURCES = Set.of("awsElasticBlockStore", "azureDisk", "azureFile",
            "cephfs", "cinder", "csi", "downwardAPI", "ephemeral", "fc", "flexVolume", "flocker", "gcePersistentDisk",
            "gitRepo", "glusterfs", "image", "iscsi", "nfs", "photonPersistentDisk", "portworxVolume", "projected",
            "quobyte", "rbd", "scaleIO", "storageos", "vsphereVolume");

    private static final Map<Class<?>, Set<String>> UNTYPED = Map.ofEntries(
            Map.entry(ObjectMeta.class, Set.of("selfLink")),
            Map.entry(DeploymentSpec.class, Set.of()),
            Map.entry(PodSpec.class, Set.of("activeDeadlineSeconds", "nodeSelector", "serviceAccount",
                    "automountServiceAccountToken", "hostNetwork", "hostPID", "hostIPC", "shareProcessNamespace",
                    "securityContext", "imagePullSecrets", "affinity", "tolerations", "hostAliases", "priorityClassName",
                    "priority", "dnsConfig", "runtimeClassName", "enableServiceLinks", "preemptionPolicy", "overhead",
                    "topologySpreadConstraints", "setHostnameAsFQDN", "os", "hostUsers", "schedulingGates",
                    "resourceClaims", "ephemeralContainers", "resources")),
            Map.entry(Container.class, Set.of("workingDir", "envFrom", "resizePolicy", "restartPolicy", "lifecycle",
                    "terminationMessagePath", "terminationMessagePolicy", "securityContext", "stdin", "stdinOnce",
                    "tty", "volumeDevices")),
            Map.entry(VolumeMount.class, Set.of("mountPropagation", "subPathExpr", "recursiveReadOnly")),
            Map.entry(ResourceRequirements.class, Set.of("claims")),
            Map.entry(Volume.class, VOLUME_SOURCES),
            Map.entry(PodStatus.class, Set.of("qosClass", "ephemeralContainerStatuses", "resize", "resourceClaimStatuses")),
            Map.entry(ContainerStatus.class, Set.of("allocatedResources", "resources", "volumeMounts", "user",
                    "allocatedResourcesStatus")),
            Map.entry(ServiceSpec.class, Set.of("externalIPs", "loadBalancerIP", "loadBalancerSourceRanges",
                    "externalTrafficPolicy", "healthCheckNodePort", "sessionAffinityConfig",
                    "allocateLoadBalancerNodePorts", "loadBalancerClass", "internalTrafficPolicy", "trafficDistribution")),
            Map.entry(ServiceStatus.class, Set.of("conditions")),
            Map.entry(PersistentVolumeClaimSpec.class, Set.of("volumeAttributesClassName")),
            Map.entry(PersistentVolumeClaimStatus.class, Set.of("allocatedResources", "allocatedResourceStatuses",
                    "currentVolumeAttributesClassName", "modifyVolumeStatus")),
            Map.entry(PersistentVolumeSpec.class, union(VOLUME_SOURCES, Set.of("volumeAttributesClassName"))),
            Map.entry(NodeSpec.class, Set.of("configSource", "externalID")),
            Map.entry(NodeStatus.class, Set.of("phase", "daemonEndpoints", "images", "volumesInUse", "volumesAttached",
                    "config", "runtimeHandlers", "features")),
            Map.entry(Endpoint.class, Set.of("deprecatedTopology", "hints")),
            Map.entry(LeaseSpec.class, Set.of("preferredHolder", "strategy")));

    private UpstreamFields() {}

    /** True when upstream's type for {@code recordType} defines {@code field} though the model does not type it. */
    public static boolean definesUntyped(Class<?> recordType, String field) {
        return UNTYPED.getOrDefault(recordType, Set.of()).contains(field);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.HashSet<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
