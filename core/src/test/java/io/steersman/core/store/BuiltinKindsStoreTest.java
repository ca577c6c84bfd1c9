package io.steersman.core.store;

import static io.steersman.api.resource.BuiltinResources.DEPLOYMENTS;
import static io.steersman.api.resource.BuiltinResources.NAMESPACES;
import static io.steersman.api.resource.BuiltinResources.PODS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.steersman.api.client.ApiException;
import io.steersman.api.client.ConflictException;
import io.steersman.api.client.DeleteOptions;
import io.steersman.api.client.NotFoundException;
import io.steersman.api.model.LabelSelector;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.apps.Deployment;
import io.steersman.api.model.apps.DeploymentSpec;
import io.steersman.api.model.apps.DeploymentStatus;
import io.steersman.api.model.core.Container;
import io.steersman.api.model.core.Namespace;
import io.steersman.api.model.core.NamespaceSpec;
import io.steersman.api.model.core.NamespaceStatus;
import io.steersman.api.model.core.Pod;
import io.steersman.api.model.core.PodSpec;
import io.steersman.api.model.core.PodStatus;
import io.steersman.api.model.core.PodTemplateSpec;
import io.steersman.api.resource.BuiltinResources;
import io.steersman.api.selector.FieldSelector;
import io.steersman.api.selector.Selector;
import io.steersman.core.backend.MemoryBackend;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The store with the built-in kinds: namespaces, pods and deployments follow their upstream strategies. */
class BuiltinKindsStoreTest {
    private final ManualClock clock = new ManualClock();
    private final MemoryBackend backend = new MemoryBackend();
    private final BackendStore store = new BackendStore(BuiltinResources.registry(), clock, backend);

    @AfterEach
    void close() {
        store.close();
        backend.close();
    }

    private Pod pod(String name, String nodeName, Long grace) {
        PodSpec spec = PodSpec.of(List.of(Container.of("web", "nginx:1.27")));
        if (nodeName != null) {
            spec = spec.withNodeName(nodeName);
        }
        if (grace != null) {
            spec = new PodSpec(spec.volumes(), spec.initContainers(), spec.containers(), spec.restartPolicy(), grace,
                    spec.dnsPolicy(), spec.serviceAccountName(), spec.nodeName(), spec.hostname(), spec.subdomain(),
                    spec.schedulerName(), spec.readinessGates(), spec.unknownFields());
        }
        return store.create(PODS, Pod.of(ObjectMeta.named("default", name), spec), WriteOptions.DEFAULT);
    }

    private Pod deletePod(String name, Long grace) {
        return store.delete(PODS, "default", name, new DeleteOptions(null, grace, null, null), WriteOptions.DEFAULT);
    }

    @Test
    void theSystemNamespacesExistFromTheStart() {
        List<Namespace> namespaces = store.list(NAMESPACES, ListOptions.all()).items();

        assertThat(namespaces).extracting(Namespace::name)
                .containsExactly("default", "kube-node-lease", "kube-public", "kube-system");
        Namespace defaults = namespaces.get(0);
        assertThat(defaults.status().phase()).isEqualTo(NamespaceStatus.ACTIVE);
        assertThat(defaults.spec().finalizers()).containsExactly("kubernetes");
        assertThat(defaults.metadata().labels()).containsEntry("kubernetes.io/metadata.name", "default");
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "kube-system", "kube-public"})
    void theImmortalNamespacesMayNotBeDeleted(String name) {
        assertThatThrownBy(() -> store.delete(NAMESPACES, null, name, DeleteOptions.defaults(), WriteOptions.DEFAULT))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(403);
                    assertThat(e.reason()).isEqualTo("Forbidden");
                    assertThat(e.status().message()).isEqualTo("namespaces \"" + name + "\" is forbidden: this namespace may not be deleted");
                    assertThat(e.status().details().kind()).isEqualTo("namespaces");
                });
        Namespace kept = store.get(NAMESPACES, null, name).orElseThrow();
        assertThat(kept.metadata().isBeingDeleted()).isFalse();
        assertThat(kept.status().phase()).isEqualTo(NamespaceStatus.ACTIVE);
    }

    @Test
    void kubeNodeLeaseIsNotImmortal() {
        Namespace terminating = store.delete(NAMESPACES, null, "kube-node-lease", DeleteOptions.defaults(), WriteOptions.DEFAULT);
        assertThat(terminating.status().phase()).isEqualTo(NamespaceStatus.TERMINATING);
    }

    @Test
    void aDeletedNamespaceTerminatesUntilItsSpecFinalizerIsRemoved() {
        store.create(NAMESPACES, Namespace.of(ObjectMeta.named(null, "team"), null), WriteOptions.DEFAULT);
        clock.advance(Duration.ofSeconds(3));

        Namespace terminating = store.delete(NAMESPACES, null, "team", DeleteOptions.defaults(), WriteOptions.DEFAULT);

        assertThat(terminating.status().phase()).isEqualTo(NamespaceStatus.TERMINATING);
        assertThat(terminating.metadata().deletionTimestamp()).isEqualTo(clock.now());
        assertThatThrownBy(() -> store.create(PODS, Pod.of(ObjectMeta.named("team", "p"), PodSpec.of(List.of(Container.of("web", "nginx:1.27")))), WriteOptions.DEFAULT))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().message()).isEqualTo(
                        "pods \"p\" is forbidden: unable to create new content in namespace team because it is being terminated"));
        assertThat(store.delete(NAMESPACES, null, "team", DeleteOptions.defaults(), WriteOptions.DEFAULT)).isEqualTo(terminating);

        store.update(NAMESPACES, terminating.withSpec(NamespaceSpec.EMPTY), WriteOptions.DEFAULT);

        assertThat(store.get(NAMESPACES, null, "team")).isEmpty();
    }

    @Test
    void aNamespaceWithOnlyMetadataFinalizersTerminatesUntilTheyGo() {
        Namespace team = store.create(NAMESPACES, Namespace.of(ObjectMeta.named(null, "team"), null), WriteOptions.DEFAULT);
        Namespace finalized = store.update(NAMESPACES, team.withSpec(NamespaceSpec.EMPTY)
                .withMetadata(team.metadata().withFinalizers(List.of("example.com/hold"))), WriteOptions.DEFAULT);

        Namespace terminating = store.delete(NAMESPACES, null, "team", DeleteOptions.defaults(), WriteOptions.DEFAULT);

        assertThat(terminating.status().phase()).isEqualTo(NamespaceStatus.TERMINATING);
        assertThat(terminating.metadata().isBeingDeleted()).isTrue();
        store.update(NAMESPACES, terminating.withMetadata(terminating.metadata().withFinalizers(List.of())), WriteOptions.DEFAULT);
        assertThat(store.get(NAMESPACES, null, "team")).isEmpty();
        assertThat(finalized.spec().finalizers()).isEmpty();
    }

    @Test
    void anEmptyNamespaceWithoutFinalizersIsRemovedAtOnce() {
        Namespace team = store.create(NAMESPACES, Namespace.of(ObjectMeta.named(null, "team"), null), WriteOptions.DEFAULT);
        store.update(NAMESPACES, team.withSpec(NamespaceSpec.EMPTY), WriteOptions.DEFAULT);

        store.delete(NAMESPACES, null, "team", DeleteOptions.defaults(), WriteOptions.DEFAULT);

        assertThat(store.get(NAMESPACES, null, "team")).isEmpty();
    }

    @Test
    void aNamespaceUpdateKeepsItsStatusAndItsNameLabel() {
        Namespace team = store.create(NAMESPACES, Namespace.of(ObjectMeta.named(null, "team"), null), WriteOptions.DEFAULT);
        Namespace relabelled = team.withMetadata(team.metadata().withLabels(Map.of("owner", "me")))
                .withStatus(NamespaceStatus.of(NamespaceStatus.TERMINATING));

        Namespace updated = store.update(NAMESPACES, relabelled, WriteOptions.DEFAULT);

        assertThat(updated.metadata().labels()).containsEntry("owner", "me").containsEntry("kubernetes.io/metadata.name", "team");
        assertThat(updated.status().phase()).isEqualTo(NamespaceStatus.ACTIVE);
    }

    @Test
    void podsAreStoredWithTheirCommonPartsSharedAndReadBackAsWritten() {
        Pod first = store.create(PODS, Pod.of(ObjectMeta.named("default", "a"), PodSpec.of(List.of(Container.of("web", "nginx:1.27")))),
                WriteOptions.DEFAULT);
        Pod second = store.create(PODS, Pod.of(ObjectMeta.named("default", "b"), PodSpec.of(List.of(Container.of("web", "nginx:1.27")))),
                WriteOptions.DEFAULT);

        assertThat(second.spec()).isSameAs(first.spec());
        assertThat(store.get(PODS, "default", "b")).contains(second);
        assertThat(second.spec().containers().get(0).image()).isEqualTo("nginx:1.27");
    }

    @Test
    void aNewPodIsPendingWithoutGeneration() {
        Pod created = pod("web", null, null);

        assertThat(created.status().phase()).isEqualTo(PodStatus.PENDING);
        // Pods have no metadata.generation before Kubernetes 1.33, even when their spec changes.
        assertThat(created.metadata().generation()).isNull();
        Pod changed = store.update(PODS, created.withSpec(created.spec().withContainers(List.of(created.spec().containers().get(0).withImage("nginx:1.28")))), WriteOptions.DEFAULT);
        assertThat(changed.metadata().generation()).isNull();
    }

    @Test
    void anUnscheduledPodIsRemovedAtOnce() {
        pod("web", null, null);

        deletePod("web", null);

        assertThat(store.get(PODS, "default", "web")).isEmpty();
    }

    @Test
    void aScheduledPodWaitsForTheNodeAgentToDeleteItWithGraceZero() {
        pod("web", "node-1", null);
        clock.advance(Duration.ofSeconds(2));

        Pod terminating = deletePod("web", null);

        assertThat(terminating.metadata().deletionTimestamp()).isEqualTo(clock.now().plusSeconds(30));
        assertThat(terminating.metadata().deletionGracePeriodSeconds()).isEqualTo(30L);
        assertThat(store.get(PODS, "default", "web")).contains(terminating);
        assertThat(deletePod("web", null)).isEqualTo(terminating);

        deletePod("web", 0L);

        assertThat(store.get(PODS, "default", "web")).isEmpty();
    }

    @Test
    void thePodsOwnGracePeriodIsTheDefaultAndADeleteMayShortenIt() {
        pod("web", "node-1", 10L);

        Pod terminating = deletePod("web", null);
        assertThat(terminating.metadata().deletionGracePeriodSeconds()).isEqualTo(10L);

        Pod shorter = deletePod("web", 4L);
        assertThat(shorter.metadata().deletionGracePeriodSeconds()).isEqualTo(4L);
        assertThat(shorter.metadata().deletionTimestamp()).isEqualTo(clock.now().plusSeconds(4));

        assertThat(deletePod("web", 8L)).isEqualTo(shorter);
    }

    @Test
    void aPodWithAFinalizerLingersAfterGraceZeroUntilTheFinalizerGoes() {
        Pod created = pod("web", "node-1", null);
        Pod held = store.update(PODS, created.withMetadata(created.metadata().withFinalizers(List.of("example.com/keep"))), WriteOptions.DEFAULT);

        Pod lingering = deletePod("web", 0L);
        assertThat(lingering.metadata().deletionGracePeriodSeconds()).isZero();

        store.update(PODS, lingering.withMetadata(lingering.metadata().withFinalizers(List.of())), WriteOptions.DEFAULT);
        assertThat(store.get(PODS, "default", "web")).isEmpty();
        assertThat(held.metadata().finalizers()).containsExactly("example.com/keep");
    }

    private Deployment deployment(String name, int replicas) {
        PodTemplateSpec template = PodTemplateSpec.of(ObjectMeta.builder().labels(Map.of("app", name)).build(),
                PodSpec.of(List.of(Container.of("web", "nginx:1.27"))));
        return Deployment.of(ObjectMeta.named("default", name),
                DeploymentSpec.of(replicas, LabelSelector.matchLabels(Map.of("app", name)), template));
    }

    @Test
    void aDeploymentKeepsSpecAndStatusApartAndCountsGenerations() {
        Deployment created = store.create(DEPLOYMENTS, deployment("web", 2), WriteOptions.DEFAULT);
        assertThat(created.metadata().generation()).isEqualTo(1L);

        Deployment scaled = store.update(DEPLOYMENTS, created.withSpec(created.spec().withReplicas(5)), WriteOptions.DEFAULT);
        assertThat(scaled.metadata().generation()).isEqualTo(2L);

        Deployment reported = store.updateStatus(DEPLOYMENTS,
                scaled.withStatus(DeploymentStatus.EMPTY.withObservedGeneration(2L)), WriteOptions.DEFAULT);
        assertThat(reported.metadata().generation()).isEqualTo(2L);
        assertThat(reported.status().observedGeneration()).isEqualTo(2L);

        assertThatThrownBy(() -> store.update(DEPLOYMENTS, scaled.withSpec(scaled.spec().withReplicas(1)), WriteOptions.DEFAULT))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.status().message()).isEqualTo(
                        "Operation cannot be fulfilled on deployments.apps \"web\": the object has been modified; "
                                + "please apply your changes to the latest version and try again"));
        assertThatThrownBy(() -> store.delete(DEPLOYMENTS, "default", "nope", DeleteOptions.defaults(), WriteOptions.DEFAULT))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.status().message())
                        .isEqualTo("deployments.apps \"nope\" not found"));
    }

    @Test
    void parsedSelectorsFilterListsAndWatchesOfPods() {
        pod("a", "node-1", null);
        pod("b", "node-2", null);
        Pod c = pod("c", null, null);
        store.update(PODS, c.withMetadata(c.metadata().withLabel("app", "web")), WriteOptions.DEFAULT);

        assertThat(store.list(PODS, new ListOptions("default", null, FieldSelector.parse("metadata.name=b"), 0, null, null)).items())
                .extracting(Pod::name).containsExactly("b");
        assertThat(store.list(PODS, new ListOptions(null, null, FieldSelector.parse("spec.nodeName=node-1"), 0, null, null)).items())
                .extracting(Pod::name).containsExactly("a");
        assertThat(store.list(PODS, new ListOptions(null, Selector.parse("app=web"), null, 0, null, null)).items())
                .extracting(Pod::name).containsExactly("c");

        RecordingListener<Pod> scheduled = new RecordingListener<>();
        WatchOptions onNode = new WatchOptions(null, null, FieldSelector.parse("spec.nodeName=node-2"), "", false);
        try (Watch ignored = store.watch(PODS, onNode, scheduled)) {
            assertThat(scheduled.next().object().name()).isEqualTo("b");
            Pod unscheduled = store.get(PODS, "default", "c").orElseThrow();
            store.update(PODS, unscheduled.withSpec(unscheduled.spec().withNodeName("node-2")), WriteOptions.DEFAULT);
            WatchEvent<Pod> bound = scheduled.next();
            assertThat(bound.type()).isEqualTo(WatchEvent.Type.ADDED);
            assertThat(bound.object().name()).isEqualTo("c");
        }
    }

    @Test
    void creatingInAMissingNamespaceIsNotFound() {
        assertThatThrownBy(() -> store.create(DEPLOYMENTS, deployment("web", 1).withMetadata(ObjectMeta.named("ghost", "web")), WriteOptions.DEFAULT))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.status().message())
                        .isEqualTo("namespaces \"ghost\" not found"));
    }
}
