package io.steersman.api.resource;

import static org.assertj.core.api.Assertions.assertThat;

import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.apps.Deployment;
import io.steersman.api.model.apps.ReplicaSet;
import io.steersman.api.model.apps.ReplicaSetStatus;
import io.steersman.api.model.core.Event;
import io.steersman.api.model.core.EventSource;
import io.steersman.api.model.core.Namespace;
import io.steersman.api.model.core.NamespaceSpec;
import io.steersman.api.model.core.NamespaceStatus;
import io.steersman.api.model.core.ObjectReference;
import io.steersman.api.model.core.Pod;
import io.steersman.api.model.core.PodIP;
import io.steersman.api.model.core.PodSpec;
import io.steersman.api.model.core.PodStatus;
import io.steersman.api.resource.ResourceType.Subresource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BuiltinResourcesTest {
    private final ResourceRegistry registry = BuiltinResources.registry();

    /** What a user types, and the resource it must resolve to. */
    record Name(String typed, String qualifiedPlural) {}

    static Stream<Name> names() {
        return Stream.of(
                new Name("po", "pods"), new Name("pod", "pods"), new Name("pods", "pods"), new Name("Pod", "pods"),
                new Name("svc", "services"), new Name("ns", "namespaces"), new Name("no", "nodes"),
                new Name("cm", "configmaps"), new Name("sa", "serviceaccounts"), new Name("ep", "endpoints"),
                new Name("endpoints", "endpoints"), new Name("pv", "persistentvolumes"),
                new Name("pvc", "persistentvolumeclaims"), new Name("ev", "events"), new Name("secret", "secrets"),
                new Name("deploy", "deployments.apps"), new Name("deployment", "deployments.apps"),
                new Name("rs", "replicasets.apps"), new Name("sts", "statefulsets.apps"),
                new Name("controllerrevisions", "controllerrevisions.apps"),
                new Name("sc", "storageclasses.storage.k8s.io"), new Name("endpointslice", "endpointslices.discovery.k8s.io"),
                new Name("leases", "leases.coordination.k8s.io"));
    }

    @ParameterizedTest
    @MethodSource("names")
    void aNameAUserTypesResolvesToOneResource(Name row) {
        assertThat(registry.resolve(row.typed())).extracting(ResourceType::qualifiedPlural).containsExactly(row.qualifiedPlural());
    }

    @Test
    void kindsAreFoundByApiVersionAndKindAndByResource() {
        assertThat(registry.forKind("apps/v1", "Deployment")).containsSame(BuiltinResources.DEPLOYMENTS);
        assertThat(registry.forKind("v1", "Pod")).containsSame(BuiltinResources.PODS);
        assertThat(registry.forKind("v1", "Deployment")).isEmpty();
        assertThat(registry.forResource("", "v1", "persistentvolumeclaims")).containsSame(BuiltinResources.PERSISTENT_VOLUME_CLAIMS);
        assertThat(registry.forResource("storage.k8s.io", "v1", "storageclasses")).containsSame(BuiltinResources.STORAGE_CLASSES);
        assertThat(registry.forType(Deployment.class)).isSameAs(BuiltinResources.DEPLOYMENTS);
    }

    @Test
    void theAllCategoryHoldsTheWorkloadsAndServicesAsUpstream() {
        assertThat(registry.all()).filteredOn(type -> type.categories().contains("all"))
                .extracting(ResourceType::plural)
                .containsExactlyInAnyOrder("pods", "services", "deployments", "replicasets", "statefulsets");
    }

    @Test
    void subresourcesAreUpstreams() {
        assertThat(registry.all()).filteredOn(ResourceType::hasStatus).extracting(ResourceType::plural)
                .containsExactlyInAnyOrder("namespaces", "nodes", "pods", "services", "persistentvolumes",
                        "persistentvolumeclaims", "deployments", "replicasets", "statefulsets");
        assertThat(registry.all()).filteredOn(ResourceType::hasScale).extracting(ResourceType::plural)
                .containsExactlyInAnyOrder("deployments", "replicasets", "statefulsets");
        assertThat(BuiltinResources.STATEFUL_SETS.scale().specReplicasPath()).isEqualTo(".spec.replicas");
        assertThat(BuiltinResources.DEPLOYMENTS.subresources()).containsExactlyInAnyOrder(Subresource.STATUS, Subresource.SCALE);
    }

    @Test
    void clusterScopedKindsAreNotNamespaced() {
        assertThat(registry.all()).filteredOn(type -> !type.namespaced()).extracting(ResourceType::plural)
                .containsExactlyInAnyOrder("namespaces", "nodes", "persistentvolumes", "storageclasses");
    }

    @Test
    void everyKindHasAnApiVersionAndAJavaTypeWithThatKind() {
        assertThat(registry.all()).hasSize(18).allSatisfy(type -> {
            assertThat(type.javaType().getSimpleName()).isEqualTo(type.kind());
            assertThat(type.javaType().getField("API_VERSION").get(null)).isEqualTo(type.apiVersion());
        });
    }

    @Test
    void podsSelectTheFieldsUpstreamDoes() {
        Pod pod = Pod.of(ObjectMeta.named("default", "web-0"), PodSpec.EMPTY.withNodeName("node-1"))
                .withStatus(PodStatus.EMPTY.withPhase(PodStatus.RUNNING).withAddresses("10.0.0.1", "10.244.0.5"));

        assertThat(BuiltinResources.PODS.selectableFields(pod)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "metadata.name", "web-0",
                "metadata.namespace", "default",
                "spec.nodeName", "node-1",
                "spec.restartPolicy", "",
                "spec.schedulerName", "",
                "spec.serviceAccountName", "",
                "spec.hostNetwork", "false",
                "status.phase", "Running",
                "status.podIP", "10.244.0.5",
                "status.nominatedNodeName", ""));
        assertThat(pod.status().podIPs()).containsExactly(PodIP.of("10.244.0.5"));
    }

    @Test
    void eventsSelectTheirInvolvedObjectAndFallBackToTheReportingComponentForSource() {
        Event event = Event.of(ObjectMeta.named("default", "web.1"),
                new ObjectReference("apps/v1", "Deployment", "default", "web", "u1", "7", null, null),
                Event.NORMAL, "ScalingReplicaSet", "Scaled up", "deployment-controller", Instant.EPOCH);
        Event withoutSource = new Event(event.apiVersion(), event.kind(), event.metadata(), event.involvedObject(),
                event.reason(), event.message(), new EventSource(null, null, null), null, null, null, event.type(), null, null,
                null, null, "deployment-controller", null, null);

        Map<String, String> fields = BuiltinResources.EVENTS.selectableFields(event);

        assertThat(fields).containsEntry("involvedObject.kind", "Deployment")
                .containsEntry("involvedObject.name", "web")
                .containsEntry("involvedObject.uid", "u1")
                .containsEntry("involvedObject.apiVersion", "apps/v1")
                .containsEntry("involvedObject.resourceVersion", "7")
                .containsEntry("involvedObject.fieldPath", "")
                .containsEntry("reason", "ScalingReplicaSet")
                .containsEntry("reportingComponent", "deployment-controller")
                .containsEntry("source", "deployment-controller")
                .containsEntry("type", "Normal");
        assertThat(BuiltinResources.EVENTS.selectableFields(withoutSource)).containsEntry("source", "deployment-controller");
    }

    @Test
    void otherKindsSelectTheirOwnFields() {
        Namespace terminating = Namespace.of(ObjectMeta.named(null, "team-a"), NamespaceSpec.EMPTY)
                .withStatus(NamespaceStatus.of(NamespaceStatus.TERMINATING));
        ReplicaSet rs = ReplicaSet.of(ObjectMeta.named("default", "web-abc"), null)
                .withStatus(new ReplicaSetStatus(3, null, null, null, null, null, List.of(), null));

        assertThat(BuiltinResources.NAMESPACES.selectableFields(terminating)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "metadata.name", "team-a", "status.phase", "Terminating", "name", "team-a"));
        assertThat(BuiltinResources.REPLICA_SETS.selectableFields(rs)).containsEntry("status.replicas", "3");
    }

    @Test
    void eachCallMakesAFreshRegistryForPlugins() {
        assertThat(BuiltinResources.registry()).isNotSameAs(registry);
        assertThat(BuiltinResources.registry().all()).hasSameSizeAs(BuiltinResources.all());
    }
}
