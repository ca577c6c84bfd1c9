package io.steersman.controller.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.steersman.api.model.LabelSelector;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.OwnerReference;
import io.steersman.api.model.apps.ReplicaSet;
import io.steersman.api.model.apps.ReplicaSetSpec;
import io.steersman.api.model.core.Container;
import io.steersman.api.model.core.Pod;
import io.steersman.api.model.core.Pods;
import io.steersman.api.model.core.PodSpec;
import io.steersman.api.model.core.PodTemplateSpec;
import io.steersman.api.resource.BuiltinResources;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ReplicaSetBehaviourTest {
    private static final Map<String, String> LABELS = Map.of("app", "cache");

    private static ReplicaSet replicaSet(int replicas, Integer minReadySeconds) {
        PodTemplateSpec template = PodTemplateSpec.of(ObjectMeta.builder().labels(LABELS).build(),
                PodSpec.of(List.of(Container.of("main", "redis:7"))));
        return ReplicaSet.of(ObjectMeta.named(Cluster.NS, "cache"),
                new ReplicaSetSpec(replicas, minReadySeconds, LabelSelector.matchLabels(LABELS), template, null));
    }

    private static ReplicaSet get(Cluster cluster) {
        return cluster.client().get(ReplicaSet.class, Cluster.NS, "cache").orElseThrow();
    }

    private static List<Pod> pods(Cluster cluster) {
        return cluster.client().listControlledBy(Pod.class, get(cluster));
    }

    private static void scale(Cluster cluster, int replicas) {
        update(cluster, rs -> rs.withSpec(rs.spec().withReplicas(replicas)));
    }

    private static void update(Cluster cluster, UnaryOperator<ReplicaSet> change) {
        ReplicaSet current = cluster.store().get(BuiltinResources.REPLICA_SETS, Cluster.NS, "cache").orElseThrow();
        cluster.client().update(change.apply(current));
        cluster.settle();
    }

    private static Pod updatePod(Cluster cluster, Pod pod, UnaryOperator<ObjectMeta> change) {
        Pod current = cluster.store().get(BuiltinResources.PODS, Cluster.NS, pod.name()).orElseThrow();
        return cluster.client().update(current.withMetadata(change.apply(current.metadata())));
    }

    @Test
    void createsPodsFromTheTemplateAndReportsStatus() {
        try (Cluster cluster = new Cluster()) {
            cluster.client().create(replicaSet(3, null));
            cluster.settle();
            ReplicaSet rs = get(cluster);
            assertThat(pods(cluster)).hasSize(3).allSatisfy(pod -> {
                assertThat(pod.name()).startsWith("cache-");
                assertThat(pod.metadata().labels()).isEqualTo(LABELS);
                OwnerReference ref = pod.metadata().controllerRef().orElseThrow();
                assertThat(ref.uid()).isEqualTo(rs.uid());
                assertThat(ref.blockOwnerDeletion()).isTrue();
            });
            assertThat(rs.status().replicasOrZero()).isEqualTo(3);
            assertThat(rs.status().fullyLabeledReplicasOrZero()).isEqualTo(3);
            assertThat(rs.status().readyReplicasOrZero()).isEqualTo(3);
            assertThat(rs.status().availableReplicasOrZero()).isEqualTo(3);
            assertThat(rs.status().observedGenerationOrZero()).isEqualTo(rs.metadata().generationOrZero());
        }
    }

    @Test
    void availabilityWaitsForMinReadySecondsOnTheClock() {
        try (Cluster cluster = new Cluster()) {
            cluster.client().create(replicaSet(2, 10));
            cluster.settle();
            assertThat(get(cluster).status().readyReplicasOrZero()).isEqualTo(2);
            assertThat(get(cluster).status().availableReplicasOrZero()).isZero();
            cluster.advance(Duration.ofSeconds(10));
            assertThat(get(cluster).status().availableReplicasOrZero()).as("ready for exactly 10 s is not yet available").isZero();
            cluster.advance(Duration.ofSeconds(1));
            assertThat(get(cluster).status().availableReplicasOrZero()).isEqualTo(2);
        }
    }

    @Test
    void adoptsAMatchingOrphanAndDeletesTheNotReadyPodFirst() {
        try (Cluster cluster = new Cluster()) {
            cluster.client().create(replicaSet(3, null));
            cluster.settle();
            List<String> healthy = pods(cluster).stream().map(Pod::name).toList();
            cluster.client().create(Pod.of(ObjectMeta.builder().namespace(Cluster.NS).name("stray").labels(LABELS).build(),
                    PodSpec.of(List.of(Container.of("main", "redis:0.0.404")))));
            cluster.settle();
            assertThat(pods(cluster)).extracting(Pod::name).containsExactlyInAnyOrderElementsOf(healthy);
            assertThat(cluster.client().get(Pod.class, Cluster.NS, "stray")).isEmpty();
        }
    }

    @Test
    void releasesAPodThatStopsMatchingAndReplacesIt() {
        try (Cluster cluster = new Cluster()) {
            cluster.client().create(replicaSet(2, null));
            cluster.settle();
            Pod leaving = pods(cluster).get(0);
            updatePod(cluster, leaving, m -> m.withLabels(Map.of("app", "debug")));
            cluster.settle();
            Pod released = cluster.client().get(Pod.class, Cluster.NS, leaving.name()).orElseThrow();
            assertThat(released.metadata().ownerReferences()).isEmpty();
            assertThat(pods(cluster)).hasSize(2).extracting(Pod::name).doesNotContain(leaving.name());
        }
    }

    @Test
    void scaleDownKeepsThePodsWithTheHighestDeletionCost() {
        try (Cluster cluster = new Cluster()) {
            cluster.client().create(replicaSet(4, null));
            cluster.settle();
            List<Pod> all = pods(cluster);
            List<String> precious = List.of(all.get(1).name(), all.get(3).name());
            for (Pod pod : all) {
                if (precious.contains(pod.name())) {
                    updatePod(cluster, pod, m -> m.withAnnotation(Pods.DELETION_COST, "100"));
                }
            }
            cluster.settle();
            scale(cluster, 2);
            assertThat(pods(cluster)).extracting(Pod::name).containsExactlyInAnyOrderElementsOf(precious);
        }
    }

    @Test
    void scaleDownDeletesTheMostRecentlyReadyFirst() {
        try (Cluster cluster = new Cluster()) {
            cluster.client().create(replicaSet(2, null));
            cluster.settle();
            List<String> old = pods(cluster).stream().map(Pod::name).toList();
            cluster.advance(Duration.ofHours(1));
            scale(cluster, 4);
            cluster.advance(Duration.ofSeconds(1));
            scale(cluster, 2);
            assertThat(pods(cluster)).extracting(Pod::name).containsExactlyInAnyOrderElementsOf(old);
        }
    }

    @Test
    void createsManyPodsInSlowStartBatchesWithoutDoubling() {
        try (Cluster cluster = new Cluster()) {
            cluster.client().create(replicaSet(700, null));
            cluster.settle();
            assertThat(pods(cluster)).hasSize(700);
            assertThat(get(cluster).status().availableReplicasOrZero()).isEqualTo(700);
            scale(cluster, 0);
            assertThat(pods(cluster)).isEmpty();
        }
    }
}
