package io.steersman.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.steersman.api.client.DeleteOptions;
import io.steersman.api.client.DeleteOptions.PropagationPolicy;
import io.steersman.api.model.ApiObject;
import io.steersman.api.model.LabelSelector;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.OwnerReference;
import io.steersman.api.model.apps.Deployment;
import io.steersman.api.model.apps.DeploymentSpec;
import io.steersman.api.model.apps.ReplicaSet;
import io.steersman.api.model.apps.ReplicaSetSpec;
import io.steersman.api.model.core.ConfigMap;
import io.steersman.api.model.core.Container;
import io.steersman.api.model.core.Pod;
import io.steersman.api.model.core.PodSpec;
import io.steersman.api.model.core.PodTemplateSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GarbageCollectionTest {
    private static final Map<String, String> LABELS = Map.of("app", "web");
    private static final PodTemplateSpec TEMPLATE = PodTemplateSpec.of(ObjectMeta.builder().labels(LABELS).build(),
            PodSpec.of(List.of(Container.of("web", "nginx:1.25"))));

    private static ConfigMap configMap(String name, OwnerReference... owners) {
        return ConfigMap.of(ObjectMeta.builder().namespace("default").name(name).ownerReferences(List.of(owners)).build(), Map.of());
    }

    private static OwnerReference ownedBy(ApiObject owner) {
        return OwnerReference.controllerOf(owner);
    }

    private static OwnerReference ownedBy(ApiObject owner, boolean blockOwnerDeletion) {
        return new OwnerReference(owner.apiVersion(), owner.kind(), owner.name(), owner.uid(), null, blockOwnerDeletion, null);
    }

    /** A Deployment, a ReplicaSet it controls and two pods the ReplicaSet controls, as the controllers would make them. */
    private record Chain(Deployment deployment, ReplicaSet replicaSet, List<Pod> pods) {}

    private static Chain chain(ControlPlane cp) {
        Deployment deployment = cp.apply(Deployment.of(ObjectMeta.named("default", "web"),
                DeploymentSpec.of(2, LabelSelector.matchLabels(LABELS), TEMPLATE)));
        ReplicaSet replicaSet = cp.apply(ReplicaSet.of(ObjectMeta.builder().namespace("default").name("web-5d8f")
                .labels(LABELS).ownerReferences(List.of(ownedBy(deployment))).build(),
                ReplicaSetSpec.of(2, LabelSelector.matchLabels(LABELS), TEMPLATE)));
        List<Pod> pods = List.of("web-5d8f-a", "web-5d8f-b").stream()
                .map(name -> cp.apply(Pod.of(ObjectMeta.builder().namespace("default").name(name).labels(LABELS)
                        .ownerReferences(List.of(ownedBy(replicaSet))).build(), TEMPLATE.spec())))
                .toList();
        cp.settle();
        return new Chain(deployment, replicaSet, pods);
    }

    @Test
    void deletingADeploymentRemovesItsReplicaSetsAndPods() {
        try (ControlPlane cp = Clusters.start()) {
            chain(cp);
            assertThat(cp.list(Pod.class, "default")).hasSize(2).allSatisfy(p -> assertThat(p.status().phase()).isEqualTo("Running"));

            cp.client().delete(Deployment.class, "default", "web", DeleteOptions.defaults());
            cp.settle();

            assertThat(cp.list(Deployment.class, "default")).isEmpty();
            assertThat(cp.list(ReplicaSet.class, "default")).isEmpty();
            assertThat(cp.list(Pod.class, "default")).isEmpty();
        }
    }

    @Test
    void dependentsWithAnOwnerLeftAreKept() {
        try (ControlPlane cp = Clusters.start()) {
            ConfigMap first = cp.apply(configMap("first"));
            ConfigMap second = cp.apply(configMap("second"));
            cp.apply(configMap("shared", ownedBy(first, false), ownedBy(second, false)));
            cp.settle();

            cp.client().delete(ConfigMap.class, "default", "first", DeleteOptions.defaults());
            cp.settle();

            ConfigMap shared = cp.get(ConfigMap.class, "default", "shared").orElseThrow();
            assertThat(shared.metadata().ownerReferences()).extracting(OwnerReference::uid).containsExactly(second.uid());
        }
    }

    @Test
    void anOwnerOfTheSameNameButAnotherUidIsGone() {
        try (ControlPlane cp = Clusters.start()) {
            ConfigMap owner = cp.apply(configMap("owner"));
            cp.apply(configMap("dependent", ownedBy(owner)));
            cp.settle();
            assertThat(cp.get(ConfigMap.class, "default", "dependent")).isPresent();

            // The owner is replaced by a new object of the same name before the collector runs.
            cp.store().delete(cp.registry().forType(ConfigMap.class), "default", "owner", DeleteOptions.defaults(),
                    io.steersman.core.store.WriteOptions.DEFAULT);
            ConfigMap replacement = cp.apply(configMap("owner"));
            cp.settle();

            assertThat(replacement.uid()).isNotEqualTo(owner.uid());
            assertThat(cp.get(ConfigMap.class, "default", "owner")).isPresent();
            assertThat(cp.get(ConfigMap.class, "default", "dependent")).isEmpty();
        }
    }

    @Test
    void aDependentCreatedWithADanglingReferenceIsCollected() {
        try (ControlPlane cp = Clusters.start()) {
            ConfigMap owner = cp.apply(configMap("owner"));
            OwnerReference stale = new OwnerReference("v1", "ConfigMap", "owner", "not-" + owner.uid(), true, true, null);
            cp.apply(configMap("dependent", stale));
            cp.settle();
            assertThat(cp.get(ConfigMap.class, "default", "dependent")).isEmpty();
            assertThat(cp.get(ConfigMap.class, "default", "owner")).isPresent();
        }
    }

    @Test
    void foregroundDeletionRemovesTheOwnerAfterItsBlockingDependents() {
        try (ControlPlane cp = Clusters.start()) {
            ConfigMap owner = cp.apply(configMap("owner"));
            // A dependent that lingers while a finalizer of someone else's is on it.
            cp.apply(configMap("held", ownedBy(owner)).withMetadata(
                    configMap("held", ownedBy(owner)).metadata().withFinalizers(List.of("example.com/hold"))));
            cp.apply(configMap("free", ownedBy(owner)));
            cp.settle();

            cp.client().delete(ConfigMap.class, "default", "owner", DeleteOptions.propagation(PropagationPolicy.Foreground));
            cp.settle();

            ConfigMap waiting = cp.get(ConfigMap.class, "default", "owner").orElseThrow();
            assertThat(waiting.metadata().isBeingDeleted()).isTrue();
            assertThat(waiting.metadata().finalizers()).contains("foregroundDeletion");
            assertThat(cp.get(ConfigMap.class, "default", "free")).isEmpty();
            assertThat(cp.get(ConfigMap.class, "default", "held")).get().satisfies(h -> assertThat(h.metadata().isBeingDeleted()).isTrue());

            ConfigMap held = cp.get(ConfigMap.class, "default", "held").orElseThrow();
            cp.apply(held.withMetadata(held.metadata().withFinalizers(List.of())));
            cp.settle();

            assertThat(cp.get(ConfigMap.class, "default", "held")).isEmpty();
            assertThat(cp.get(ConfigMap.class, "default", "owner")).isEmpty();
        }
    }

    @Test
    void foregroundDeletionOfADeploymentGoesDownTheChain() {
        try (ControlPlane cp = Clusters.start()) {
            chain(cp);
            cp.client().delete(Deployment.class, "default", "web", DeleteOptions.propagation(PropagationPolicy.Foreground));
            cp.settle();

            assertThat(cp.list(Pod.class, "default")).isEmpty();
            assertThat(cp.list(ReplicaSet.class, "default")).isEmpty();
            assertThat(cp.list(Deployment.class, "default")).isEmpty();
        }
    }

    @Test
    void orphanDeletionKeepsTheDependentsWithoutTheReference() {
        try (ControlPlane cp = Clusters.start()) {
            Chain chain = chain(cp);
            cp.client().delete(ReplicaSet.class, "default", chain.replicaSet().name(), DeleteOptions.propagation(PropagationPolicy.Orphan));
            cp.settle();

            assertThat(cp.get(ReplicaSet.class, "default", chain.replicaSet().name())).isEmpty();
            assertThat(cp.list(Pod.class, "default")).hasSize(2)
                    .allSatisfy(p -> assertThat(p.metadata().ownerReferences()).isEmpty())
                    .allSatisfy(p -> assertThat(p.metadata().isBeingDeleted()).isFalse());
            assertThat(cp.get(Deployment.class, "default", "web")).as("its owner is not touched").isPresent();
        }
    }

    @Test
    void aForegroundOwnerWaitsForItsPodsToShutDown() {
        try (ControlPlane cp = Clusters.start()) {
            ReplicaSet replicaSet = cp.apply(ReplicaSet.of(ObjectMeta.builder().namespace("default").name("web").labels(LABELS).build(),
                    ReplicaSetSpec.of(1, LabelSelector.matchLabels(LABELS), TEMPLATE)));
            cp.apply(Pod.of(ObjectMeta.builder().namespace("default").name("web-a").labels(LABELS)
                    .annotations(Map.of("steersman.io/terminate-after", "15s"))
                    .ownerReferences(List.of(ownedBy(replicaSet))).build(), TEMPLATE.spec()));
            cp.settle();

            cp.client().delete(ReplicaSet.class, "default", "web", DeleteOptions.propagation(PropagationPolicy.Foreground));
            cp.settle();
            assertThat(cp.get(ReplicaSet.class, "default", "web")).as("waits for its pod").isPresent();
            assertThat(cp.get(Pod.class, "default", "web-a")).get().satisfies(p -> assertThat(p.metadata().isBeingDeleted()).isTrue());

            cp.advance(java.time.Duration.ofSeconds(15));
            assertThat(cp.get(Pod.class, "default", "web-a")).isEmpty();
            assertThat(cp.get(ReplicaSet.class, "default", "web")).isEmpty();
        }
    }
}
