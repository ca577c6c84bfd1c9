package io.steersman.core.patch;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The merge keys of the built-in kinds, transcribed from upstream's Go struct tags
 * ({@code patchStrategy:"merge" patchMergeKey:"..."} and the {@code +listType}/{@code +listMapKey}/
 * {@code +structType=atomic}/{@code +mapType=atomic} markers in k8s.io/api core/v1, apps/v1,
 * batch/v1 and meta/v1 types.go). One schema per kind, keyed by {@code group/Kind}; paths are
 * dotted JSON field names, and a name after a merged list names a field of its elements.
 *
 * <p>A kind not listed here is a custom kind: upstream serves no strategic merge patch for it
 * (415), and server-side apply treats its maps as granular and its lists as atomic.
 */
final class MergeKeys {
    private MergeKeys() {}

    /** metav1.ObjectMeta. */
    static final PatchSchema OBJECT_META = new PatchSchema()
            .set("finalizers")                      // patchStrategy:"merge", +listType=set
            .merge("ownerReferences", "uid")        // patchMergeKey:"uid", +listMapKey=uid
            .atomic("managedFields");

    /** core/v1 EnvVar: the value sources are atomic structs. */
    private static final PatchSchema ENV_VAR = new PatchSchema()
            .atomic("valueFrom.configMapKeyRef")
            .atomic("valueFrom.secretKeyRef")
            .atomic("valueFrom.fieldRef")
            .atomic("valueFrom.resourceFieldRef");

    /** core/v1 Container (EphemeralContainer has the same tags). */
    static final PatchSchema CONTAINER = new PatchSchema()
            .merge("ports", "containerPort", "protocol")   // +listMapKey=containerPort, +listMapKey=protocol
            .merge("env", ENV_VAR, "name")
            .merge("volumeMounts", "mountPath")
            .merge("volumeDevices", "devicePath")
            .atomic("command")
            .atomic("args")
            .atomic("envFrom")
            .atomic("resizePolicy");

    /** core/v1 PodSpec. */
    static final PatchSchema POD_SPEC = new PatchSchema()
            .merge("volumes", "name")                       // patchStrategy:"merge,retainKeys"
            .merge("initContainers", CONTAINER, "name")
            .merge("containers", CONTAINER, "name")
            .merge("ephemeralContainers", CONTAINER, "name")
            .merge("imagePullSecrets", "name")
            .merge("hostAliases", "ip")
            .merge("topologySpreadConstraints", "topologyKey", "whenUnsatisfiable")
            .merge("schedulingGates", "name")
            .merge("resourceClaims", "name")                // patchStrategy:"merge,retainKeys"
            .atomic("tolerations")
            .atomic("readinessGates")
            .atomic("affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution")
            .atomic("affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution")
            .atomic("affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution")
            .atomic("affinity.podAffinity.preferredDuringSchedulingIgnoredDuringExecution")
            .atomic("affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution")
            .atomic("affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution")
            .atomic("dnsConfig.nameservers")
            .atomic("dnsConfig.searches")
            .atomic("dnsConfig.options");

    /** core/v1 PodStatus. */
    static final PatchSchema POD_STATUS = new PatchSchema()
            .merge("conditions", "type")
            .merge("podIPs", "ip")
            .merge("hostIPs", "ip")
            .merge("resourceClaimStatuses", "name")
            .atomic("containerStatuses")
            .atomic("initContainerStatuses")
            .atomic("ephemeralContainerStatuses");

    /** core/v1 PodTemplateSpec. */
    static final PatchSchema POD_TEMPLATE_SPEC = new PatchSchema()
            .include("metadata", OBJECT_META)
            .include("spec", POD_SPEC);

    /** core/v1 PersistentVolumeClaimSpec, also inside StatefulSet volumeClaimTemplates. */
    private static final PatchSchema PVC_SPEC = new PatchSchema()
            .atomic("accessModes")
            .atomic("selector")
            .atomic("dataSource")
            .atomic("dataSourceRef");

    /** A custom kind: only its metadata has a known schema (as a CRD's), the rest is maps and atomic lists. */
    static final PatchSchema CUSTOM = new PatchSchema().include("metadata", OBJECT_META);

    private static final Map<String, PatchSchema> KINDS = new HashMap<>();

    private static PatchSchema kind(String group, String kind) {
        PatchSchema schema = new PatchSchema().include("metadata", OBJECT_META);
        KINDS.put(group + "/" + kind, schema);
        return schema;
    }

    static {
        kind("", "Pod").include("spec", POD_SPEC).include("status", POD_STATUS);
        kind("", "PodTemplate").include("template", POD_TEMPLATE_SPEC);
        kind("", "ReplicationController").include("spec.template", POD_TEMPLATE_SPEC)
                .merge("status.conditions", "type");
        kind("", "Service")
                .merge("spec.ports", "port", "protocol")  // patchMergeKey:"port", +listMapKey=port, +listMapKey=protocol
                .atomic("spec.selector")                  // +mapType=atomic
                .atomic("spec.clusterIPs")
                .atomic("spec.ipFamilies")
                .atomic("spec.externalIPs")
                .atomic("spec.loadBalancerSourceRanges")
                .merge("status.conditions", "type")
                .atomic("status.loadBalancer.ingress");
        kind("", "PersistentVolumeClaim").include("spec", PVC_SPEC)
                .merge("status.conditions", "type")
                .atomic("status.accessModes");
        kind("", "PersistentVolume")
                .atomic("spec.accessModes")
                .atomic("spec.claimRef")                  // ObjectReference, +structType=atomic
                .atomic("spec.mountOptions")
                .atomic("spec.nodeAffinity.required");    // NodeSelector, +structType=atomic
        kind("", "ConfigMap");
        kind("", "Secret");
        kind("", "ServiceAccount")
                .merge("secrets", "name")
                .atomic("imagePullSecrets");
        kind("", "Namespace")
                .atomic("spec.finalizers")
                .merge("status.conditions", "type");
        kind("", "Node")
                .set("spec.podCIDRs")                     // patchStrategy:"merge", +listType=set
                .atomic("spec.taints")
                .merge("status.conditions", "type")
                .merge("status.addresses", "type")
                .atomic("status.images")
                .atomic("status.volumesInUse")
                .atomic("status.volumesAttached");
        kind("", "Event")
                .atomic("involvedObject")
                .atomic("related");
        kind("", "Endpoints").atomic("subsets");
        kind("discovery.k8s.io", "EndpointSlice")
                .atomic("endpoints")
                .atomic("ports");
        kind("storage.k8s.io", "StorageClass")
                .atomic("mountOptions")
                .atomic("allowedTopologies");
        kind("coordination.k8s.io", "Lease");
        kind("autoscaling", "Scale");
        kind("apps", "Deployment")
                .atomic("spec.selector")                  // LabelSelector, +structType=atomic
                .include("spec.template", POD_TEMPLATE_SPEC)
                .merge("status.conditions", "type");
        kind("apps", "ReplicaSet")
                .atomic("spec.selector")
                .include("spec.template", POD_TEMPLATE_SPEC)
                .merge("status.conditions", "type");
        kind("apps", "StatefulSet")
                .atomic("spec.selector")
                .include("spec.template", POD_TEMPLATE_SPEC)
                .atomic("spec.volumeClaimTemplates")      // +listType=atomic
                .merge("status.conditions", "type");
        kind("apps", "DaemonSet")
                .atomic("spec.selector")
                .include("spec.template", POD_TEMPLATE_SPEC)
                .merge("status.conditions", "type");
        kind("apps", "ControllerRevision").opaque("data");
        kind("batch", "Job")
                .atomic("spec.selector")
                .include("spec.template", POD_TEMPLATE_SPEC)
                .merge("status.conditions", "type");
        kind("batch", "CronJob")
                .atomic("spec.jobTemplate.spec.selector")
                .include("spec.jobTemplate.spec.template", POD_TEMPLATE_SPEC)
                .atomic("status.active");
    }

    /** The schema of a built-in kind; empty for a custom kind. */
    static Optional<PatchSchema> forKind(String group, String kind) {
        return Optional.ofNullable(KINDS.get((group == null ? "" : group) + "/" + kind));
    }
}
