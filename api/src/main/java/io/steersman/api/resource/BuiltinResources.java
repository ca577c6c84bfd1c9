package io.steersman.api.resource;

import io.steersman.api.defaults.Defaults;
import io.steersman.api.model.apps.ControllerRevision;
import io.steersman.api.model.apps.Deployment;
import io.steersman.api.model.apps.ReplicaSet;
import io.steersman.api.model.apps.StatefulSet;
import io.steersman.api.model.coordination.Lease;
import io.steersman.api.model.core.ConfigMap;
import io.steersman.api.model.core.Endpoints;
import io.steersman.api.model.core.Event;
import io.steersman.api.model.core.Namespace;
import io.steersman.api.model.core.Node;
import io.steersman.api.model.core.ObjectReference;
import io.steersman.api.model.core.PersistentVolume;
import io.steersman.api.model.core.PersistentVolumeClaim;
import io.steersman.api.model.core.Pod;
import io.steersman.api.model.core.PodIP;
import io.steersman.api.model.core.Secret;
import io.steersman.api.model.core.Service;
import io.steersman.api.model.core.ServiceAccount;
import io.steersman.api.model.discovery.EndpointSlice;
import io.steersman.api.model.storage.StorageClass;
import io.steersman.api.resource.ResourceType.ScaleSpec;
import io.steersman.api.resource.ResourceType.Subresource;
import io.steersman.api.validation.AppsValidation;
import io.steersman.api.validation.CoreValidation;
import io.steersman.api.validation.NetworkValidation;
import io.steersman.api.validation.PodValidation;
import io.steersman.api.validation.ServiceValidation;
import io.steersman.api.validation.StorageValidation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The kinds Kubernetes serves that Steersman has built in, with upstream's names, short names,
 * categories, scope, subresources and selectable fields (upstream's {@code GetAttrs}). Each kind is
 * described in one method below ({@link #pods()}, ...), where its defaulter and validator are plugged
 * in. The constants are immutable and shared; {@link #registry()} makes a fresh registry to which a
 * control plane adds its plugins' kinds.
 */
public final class BuiltinResources {

    // Declared first: the constants below use them while the class initialises.
    /** The {@code kubectl get all} category. */
    public static final String CATEGORY_ALL = "all";

    /** Where the scale subresource of the workload kinds reads and writes; the selector is a LabelSelector object. */
    private static final ScaleSpec WORKLOAD_SCALE = new ScaleSpec(".spec.replicas", ".status.replicas", ".spec.selector");

    // core/v1
    public static final ResourceType<Namespace> NAMESPACES = namespaces().build();
    public static final ResourceType<Node> NODES = nodes().build();
    public static final ResourceType<Pod> PODS = pods().build();
    public static final ResourceType<Service> SERVICES = services().build();
    public static final ResourceType<Endpoints> ENDPOINTS = endpoints().build();
    public static final ResourceType<ConfigMap> CONFIG_MAPS = configMaps().build();
    public static final ResourceType<Secret> SECRETS = secrets().build();
    public static final ResourceType<ServiceAccount> SERVICE_ACCOUNTS = serviceAccounts().build();
    public static final ResourceType<PersistentVolume> PERSISTENT_VOLUMES = persistentVolumes().build();
    public static final ResourceType<PersistentVolumeClaim> PERSISTENT_VOLUME_CLAIMS = persistentVolumeClaims().build();
    public static final ResourceType<Event> EVENTS = events().build();
    // apps/v1
    public static final ResourceType<Deployment> DEPLOYMENTS = deployments().build();
    public static final ResourceType<ReplicaSet> REPLICA_SETS = replicaSets().build();
    public static final ResourceType<StatefulSet> STATEFUL_SETS = statefulSets().build();
    public static final ResourceType<ControllerRevision> CONTROLLER_REVISIONS = controllerRevisions().build();
    // other groups
    public static final ResourceType<StorageClass> STORAGE_CLASSES = storageClasses().build();
    public static final ResourceType<EndpointSlice> ENDPOINT_SLICES = endpointSlices().build();
    public static final ResourceType<Lease> LEASES = leases().build();

    private static final List<ResourceType<?>> ALL = List.of(
            NAMESPACES, NODES, PODS, SERVICES, ENDPOINTS, CONFIG_MAPS, SECRETS, SERVICE_ACCOUNTS, PERSISTENT_VOLUMES,
            PERSISTENT_VOLUME_CLAIMS, EVENTS, DEPLOYMENTS, REPLICA_SETS, STATEFUL_SETS, CONTROLLER_REVISIONS,
            STORAGE_CLASSES, ENDPOINT_SLICES, LEASES);

    private BuiltinResources() {}

    /** Every built-in kind, core group first. */
    public static List<ResourceType<?>> all() {
        return ALL;
    }

    /** A new registry holding every built-in kind; plugins' kinds may be added to it. */
    public static ResourceRegistry registry() {
        return new ResourceRegistry().registerAll(ALL);
    }

    // ---- core/v1 ----------------------------------------------------------------------------

    static ResourceType.Builder<Namespace> namespaces() {
        return ResourceType.builder(Namespace.class).version("v1").kind("Namespace").plural("namespaces")
                .shortNames("ns").namespaced(false).subresources(Subresource.STATUS)
                .selectableFields(ns -> fields(
                        "status.phase", ns.status().phase(),
                        // Upstream keeps "name" too: "a bug, but we need to support it for backward compatibility".
                        "name", ns.name()))
                .defaulter(Defaults::namespace)
                .validator(CoreValidation::namespace);
    }

    static ResourceType.Builder<Node> nodes() {
        return ResourceType.builder(Node.class).version("v1").kind("Node").plural("nodes")
                .shortNames("no").namespaced(false).subresources(Subresource.STATUS)
                .selectableFields(node -> fields("spec.unschedulable", String.valueOf(Boolean.TRUE.equals(node.spec().unschedulable()))))
                .validator(CoreValidation::node);
    }

    static ResourceType.Builder<Pod> pods() {
        return ResourceType.builder(Pod.class).version("v1").kind("Pod").plural("pods")
                .shortNames("po").categories(CATEGORY_ALL).subresources(Subresource.STATUS)
                .selectableFields(pod -> fields(
                        "spec.nodeName", pod.spec().nodeName(),
                        "spec.restartPolicy", pod.spec().restartPolicy(),
                        "spec.schedulerName", pod.spec().schedulerName(),
                        "spec.serviceAccountName", pod.spec().serviceAccountName(),
                        "spec.hostNetwork", String.valueOf(Boolean.TRUE.equals(pod.spec().unknownFields().get("hostNetwork"))),
                        "status.phase", pod.status().phase(),
                        // Upstream reads the first of podIPs, not podIP.
                        "status.podIP", pod.status().podIPs().isEmpty() ? "" : firstIp(pod.status().podIPs()),
                        "status.nominatedNodeName", pod.status().nominatedNodeName()))
                .defaulter(Defaults::pod)
                .validator(PodValidation::pod);
    }

    static ResourceType.Builder<Service> services() {
        return ResourceType.builder(Service.class).version("v1").kind("Service").plural("services")
                .shortNames("svc").categories(CATEGORY_ALL).subresources(Subresource.STATUS)
                .selectableFields(svc -> fields("spec.clusterIP", svc.spec().clusterIP(), "spec.type", svc.spec().type()))
                .defaulter(Defaults::service)
                .validator(ServiceValidation::service);
    }

    static ResourceType.Builder<Endpoints> endpoints() {
        return ResourceType.builder(Endpoints.class).version("v1").kind("Endpoints").plural("endpoints")
                .singular("endpoints").shortNames("ep")
                .defaulter(Defaults::endpoints)
                .validator(NetworkValidation::endpoints);
    }

    static ResourceType.Builder<ConfigMap> configMaps() {
        return ResourceType.builder(ConfigMap.class).version("v1").kind("ConfigMap").plural("configmaps")
                .shortNames("cm")
                .validator(CoreValidation::configMap);
    }

    static ResourceType.Builder<Secret> secrets() {
        return ResourceType.builder(Secret.class).version("v1").kind("Secret").plural("secrets")
                .selectableFields(secret -> fields("type", secret.type()))
                .defaulter(Defaults::secret)
                .validator(CoreValidation::secret);
    }

    static ResourceType.Builder<ServiceAccount> serviceAccounts() {
        return ResourceType.builder(ServiceAccount.class).version("v1").kind("ServiceAccount").plural("serviceaccounts")
                .shortNames("sa")
                .validator(CoreValidation::serviceAccount);
    }

    static ResourceType.Builder<PersistentVolume> persistentVolumes() {
        return ResourceType.builder(PersistentVolume.class).version("v1").kind("PersistentVolume").plural("persistentvolumes")
                .shortNames("pv").namespaced(false).subresources(Subresource.STATUS)
                // Upstream: "This is a bug, but we need to support it for backward compatibility."
                .selectableFields(pv -> fields("name", pv.name()))
                .defaulter(Defaults::persistentVolume)
                .validator(StorageValidation::persistentVolume);
    }

    static ResourceType.Builder<PersistentVolumeClaim> persistentVolumeClaims() {
        return ResourceType.builder(PersistentVolumeClaim.class).version("v1").kind("PersistentVolumeClaim")
                .plural("persistentvolumeclaims").shortNames("pvc").subresources(Subresource.STATUS)
                .selectableFields(pvc -> fields("name", pvc.name()))
                .defaulter(Defaults::persistentVolumeClaim)
                .validator(StorageValidation::persistentVolumeClaim);
    }

    static ResourceType.Builder<Event> events() {
        return ResourceType.builder(Event.class).version("v1").kind("Event").plural("events")
                .shortNames("ev")
                .selectableFields(BuiltinResources::eventFields)
                .validator(CoreValidation::event);
    }

    // ---- apps/v1 ----------------------------------------------------------------------------

    static ResourceType.Builder<Deployment> deployments() {
        return ResourceType.builder(Deployment.class).group("apps").version("v1").kind("Deployment").plural("deployments")
                .shortNames("deploy").categories(CATEGORY_ALL).subresources(Subresource.STATUS, Subresource.SCALE)
                .scale(WORKLOAD_SCALE)
                .defaulter(Defaults::deployment)
                .validator(AppsValidation::deployment);
    }

    static ResourceType.Builder<ReplicaSet> replicaSets() {
        return ResourceType.builder(ReplicaSet.class).group("apps").version("v1").kind("ReplicaSet").plural("replicasets")
                .shortNames("rs").categories(CATEGORY_ALL).subresources(Subresource.STATUS, Subresource.SCALE)
                .scale(WORKLOAD_SCALE)
                .selectableFields(rs -> fields("status.replicas", String.valueOf(rs.status().replicasOrZero())))
                .defaulter(Defaults::replicaSet)
                .validator(AppsValidation::replicaSet);
    }

    static ResourceType.Builder<StatefulSet> statefulSets() {
        return ResourceType.builder(StatefulSet.class).group("apps").version("v1").kind("StatefulSet").plural("statefulsets")
                .shortNames("sts").categories(CATEGORY_ALL).subresources(Subresource.STATUS, Subresource.SCALE)
                .scale(WORKLOAD_SCALE)
                .defaulter(Defaults::statefulSet)
                .validator(AppsValidation::statefulSet);
    }

    static ResourceType.Builder<ControllerRevision> controllerRevisions() {
        return ResourceType.builder(ControllerRevision.class).group("apps").version("v1").kind("ControllerRevision")
                .plural("controllerrevisions")
                .validator(AppsValidation::controllerRevision);
    }

    // ---- other groups -----------------------------------------------------------------------

    static ResourceType.Builder<StorageClass> storageClasses() {
        return ResourceType.builder(StorageClass.class).group("storage.k8s.io").version("v1").kind("StorageClass")
                .plural("storageclasses").shortNames("sc").namespaced(false)
                .defaulter(Defaults::storageClass)
                .validator(StorageValidation::storageClass);
    }

    static ResourceType.Builder<EndpointSlice> endpointSlices() {
        return ResourceType.builder(EndpointSlice.class).group("discovery.k8s.io").version("v1").kind("EndpointSlice")
                .plural("endpointslices")
                .defaulter(Defaults::endpointSlice)
                .validator(NetworkValidation::endpointSlice);
    }

    static ResourceType.Builder<Lease> leases() {
        return ResourceType.builder(Lease.class).group("coordination.k8s.io").version("v1").kind("Lease")
                .plural("leases")
                .validator(CoreValidation::lease);
    }

    // ---- selectable fields ------------------------------------------------------------------

    private static Map<String, String> eventFields(Event event) {
        ObjectReference involved = event.involvedObject() == null
                ? new ObjectReference(null, null, null, null, null, null, null, null)
                : event.involvedObject();
        // As upstream: the source is source.component, or the reporting controller when that is empty.
        String source = event.source() == null ? null : event.source().component();
        if (source == null || source.isEmpty()) {
            source = event.reportingComponent();
        }
        return fields(
                "involvedObject.kind", involved.kind(),
                "involvedObject.namespace", involved.namespace(),
                "involvedObject.name", involved.name(),
                "involvedObject.uid", involved.uid(),
                "involvedObject.apiVersion", involved.apiVersion(),
                "involvedObject.resourceVersion", involved.resourceVersion(),
                "involvedObject.fieldPath", involved.fieldPath(),
                "reason", event.reason(),
                "reportingComponent", event.reportingComponent(),
                "source", source,
                "type", event.type());
    }

    private static String firstIp(List<PodIP> ips) {
        return ips.get(0).ip();
    }

    /** Pairs of field and value; a missing value reads as "", as Go's zero value does. */
    private static Map<String, String> fields(String... pairs) {
        Map<String, String> fields = new LinkedHashMap<>(pairs.length);
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1] == null ? "" : pairs[i + 1]);
        }
        return fields;
    }
}
