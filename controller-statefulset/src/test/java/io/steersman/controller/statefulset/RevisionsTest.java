package io.steersman.controller.statefulset;

import static org.assertj.core.api.Assertions.assertThat;

import io.steersman.api.client.PatchType;
import io.steersman.api.codec.Codec;
import io.steersman.api.defaults.Defaults;
import io.steersman.api.model.IntOrString;
import io.steersman.api.model.apps.ControllerRevision;
import io.steersman.api.model.apps.StatefulSet;
import io.steersman.api.model.apps.StatefulSetSpec;
import io.steersman.api.model.apps.StatefulSetUpdateStrategy;
import io.steersman.api.model.core.Pod;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ControllerRevisions, RollingUpdate (order, partition), OnDelete, rollback and history cleanup. */
class RevisionsTest {

    private static String image(Pod pod) {
        return pod.spec().containers().get(0).image();
    }

    private static StatefulSet withStrategy(StatefulSet set, StatefulSetUpdateStrategy strategy, Integer historyLimit) {
        StatefulSetSpec s = set.spec();
        return set.withSpec(new StatefulSetSpec(s.replicas(), s.selector(), s.template(), s.volumeClaimTemplates(), s.serviceName(),
                s.podManagementPolicy(), strategy, historyLimit, s.minReadySeconds(), s.persistentVolumeClaimRetentionPolicy(),
                s.ordinals(), null));
    }

    @Test
    void aNewSetGetsRevisionOneHoldingItsTemplateAsAReplacePatch() {
        try (Cluster cluster = new Cluster()) {
            StatefulSet set = cluster.create(Cluster.set("web", 2, "nginx:1.25"));
            ControllerRevision revision = cluster.revisions("web").get(0);
            assertThat(cluster.revisions("web")).hasSize(1);
            String hash = revision.metadata().labels().get(History.HASH_LABEL);
            assertThat(revision.name()).isEqualTo("web-" + hash);
            assertThat(revision.revisionOrZero()).isEqualTo(1);
            assertThat(revision.metadata().labels()).containsEntry("app", "web");
            assertThat(revision.metadata().controllerRef().orElseThrow().uid()).isEqualTo(set.uid());
            assertThat(Codec.DEFAULT.toJsonString(revision.data())).contains("\"$patch\":\"replace\"").contains("nginx:1.25");
            StatefulSet stored = cluster.get("web");
            assertThat(stored.status().currentRevision()).isEqualTo(revision.name());
            assertThat(stored.status().updateRevision()).isEqualTo(revision.name());
            assertThat(stored.status().collisionCountOrZero()).isZero();
            assertThat(stored.status().observedGenerationOrZero()).isEqualTo(stored.metadata().generationOrZero());
            assertThat(cluster.pods("web")).allSatisfy(p -> assertThat(Identity.revision(p)).isEqualTo(revision.name()));
        }
    }

    @Test
    void rollingUpdateReplacesTheHighestOrdinalFirstWaitingForEachToBeReady() {
        try (Cluster cluster = new Cluster()) {
            cluster.create(Cluster.withPodAnnotation(Cluster.set("web", 3, "nginx:1.25"), Cluster.READY_AFTER, "10s"));
            for (int i = 0; i < 3; i++) {
                cluster.advance(Duration.ofSeconds(10));
            }
            assertThat(cluster.get("web").status().readyReplicasOrZero()).isEqualTo(3);
            String oldRevision = cluster.get("web").status().currentRevision();

            cluster.setImage("web", "nginx:1.26");
            StatefulSet set = cluster.get("web");
            assertThat(set.status().updateRevision()).isNotEqualTo(oldRevision);
            assertThat(set.status().currentRevision()).isEqualTo(oldRevision);
            assertThat(image(cluster.pod("web-2"))).isEqualTo("nginx:1.26");
            assertThat(image(cluster.pod("web-1"))).as("web-2 is not ready yet").isEqualTo("nginx:1.25");

            cluster.advance(Duration.ofSeconds(10));
            assertThat(image(cluster.pod("web-1"))).isEqualTo("nginx:1.26");
            assertThat(image(cluster.pod("web-0"))).isEqualTo("nginx:1.25");
            cluster.advance(Duration.ofSeconds(10));
            assertThat(image(cluster.pod("web-0"))).isEqualTo("nginx:1.26");
            cluster.advance(Duration.ofSeconds(10));

            set = cluster.get("web");
            assertThat(set.status().currentRevision()).isEqualTo(set.status().updateRevision());
            assertThat(set.status().currentReplicasOrZero()).isEqualTo(3);
            assertThat(set.status().updatedReplicasOrZero()).isEqualTo(3);
            assertThat(set.status().readyReplicasOrZero()).isEqualTo(3);
            assertThat(cluster.revisions("web")).extracting(ControllerRevision::revisionOrZero).containsExactly(1L, 2L);
        }
    }

    @Test
    void partitionKeepsLowerOrdinalsAtTheCurrentRevision() {
        try (Cluster cluster = new Cluster()) {
            cluster.create(withStrategy(Cluster.set("web", 3, "nginx:1.25"), StatefulSetUpdateStrategy.rollingUpdate(2), null));
            cluster.setImage("web", "nginx:1.26");
            assertThat(cluster.pods("web")).extracting(RevisionsTest::image).containsExactly("nginx:1.25", "nginx:1.25", "nginx:1.26");
            StatefulSet set = cluster.get("web");
            assertThat(set.status().updatedReplicasOrZero()).isEqualTo(1);
            assertThat(set.status().currentReplicasOrZero()).isEqualTo(2);
            assertThat(set.status().currentRevision()).isNotEqualTo(set.status().updateRevision());

            // A pod below the partition that is deleted comes back at the current (old) revision.
            cluster.client().delete(cluster.pod("web-0"));
            cluster.settle();
            assertThat(image(cluster.pod("web-0"))).isEqualTo("nginx:1.25");

            cluster.update("web", s -> withStrategy(s, StatefulSetUpdateStrategy.rollingUpdate(0), s.spec().revisionHistoryLimit()));
            assertThat(cluster.pods("web")).extracting(RevisionsTest::image).containsOnly("nginx:1.26");
            set = cluster.get("web");
            assertThat(set.status().currentRevision()).isEqualTo(set.status().updateRevision());
        }
    }

    @Test
    void onDeleteChangesAPodsRevisionOnlyWhenItIsDeleted() {
        try (Cluster cluster = new Cluster()) {
            StatefulSetUpdateStrategy onDelete = new StatefulSetUpdateStrategy(StatefulSetUpdateStrategy.ON_DELETE, null, null);
            cluster.create(withStrategy(Cluster.set("web", 2, "nginx:1.25"), onDelete, null));
            cluster.setImage("web", "nginx:1.26");
            assertThat(cluster.pods("web")).extracting(RevisionsTest::image).containsOnly("nginx:1.25");
            cluster.client().delete(cluster.pod("web-1"));
            cluster.settle();
            assertThat(cluster.pods("web")).extracting(RevisionsTest::image).containsExactly("nginx:1.25", "nginx:1.26");
            StatefulSet set = cluster.get("web");
            assertThat(set.status().updatedReplicasOrZero()).isEqualTo(1);
            assertThat(set.status().currentReplicasOrZero()).isEqualTo(1);
        }
    }

    @Test
    void rollbackWithTheRevisionsDataRenumbersTheOldRevisionInsteadOfCreatingOne() {
        try (Cluster cluster = new Cluster()) {
            cluster.create(Cluster.set("web", 2, "nginx:1.25"));
            cluster.setImage("web", "nginx:1.26");
            List<ControllerRevision> revisions = cluster.revisions("web");
            assertThat(revisions).hasSize(2);
            ControllerRevision first = revisions.get(0);

            // What kubectl rollout undo sends: the revision's data as a strategic merge patch.
            cluster.client().patch(StatefulSet.class, Cluster.NS, "web", PatchType.STRATEGIC_MERGE, Codec.DEFAULT.toJsonString(first.data()));
            cluster.settle();

            revisions = cluster.revisions("web");
            assertThat(revisions).hasSize(2);
            assertThat(revisions.get(1).name()).isEqualTo(first.name());
            assertThat(revisions.get(1).revisionOrZero()).isEqualTo(3);
            assertThat(cluster.pods("web")).extracting(RevisionsTest::image).containsOnly("nginx:1.25");
            StatefulSet set = cluster.get("web");
            assertThat(set.status().updateRevision()).isEqualTo(first.name());
            assertThat(set.status().currentRevision()).isEqualTo(first.name());
        }
    }

    @Test
    void revisionHistoryLimitDeletesTheOldestUnusedRevisions() {
        try (Cluster cluster = new Cluster()) {
            cluster.create(withStrategy(Cluster.set("web", 1, "nginx:1.25"), null, 1));
            for (String image : List.of("nginx:1.26", "nginx:1.27", "nginx:1.28")) {
                cluster.setImage("web", image);
            }
            List<ControllerRevision> revisions = cluster.revisions("web");
            assertThat(revisions).extracting(ControllerRevision::revisionOrZero).containsExactly(3L, 4L);
            assertThat(Codec.DEFAULT.toJsonString(revisions.get(1).data())).contains("nginx:1.28");
        }
    }

    @Test
    void aNameTakenByOtherDataRaisesTheCollisionCount() {
        try (Cluster cluster = new Cluster()) {
            StatefulSet set = Cluster.set("web", 1, "nginx:1.25");
            // The name the set's template (as the API server defaults it) would get with no collision.
            String taken = History.name("web", History.hash(History.patchOf(Defaults.statefulSet(set).spec().template()), 0));
            cluster.cp.apply(ControllerRevision.of(io.steersman.api.model.ObjectMeta.named(Cluster.NS, taken),
                    Map.of("spec", Map.of("template", Map.of("metadata", Map.of()))), 1));
            cluster.create(set);
            StatefulSet stored = cluster.get("web");
            assertThat(stored.status().collisionCountOrZero()).isEqualTo(1);
            assertThat(stored.status().updateRevision())
                    .isEqualTo(History.name("web", History.hash(History.patchOf(stored.spec().template()), 1)));
            assertThat(cluster.pod("web-0").metadata().labels()).containsEntry(Identity.REVISION_LABEL, stored.status().updateRevision());
        }
    }

    @Test
    void minReadySecondsHoldsBackAvailableReplicasAndTheNextOrdinal() {
        try (Cluster cluster = new Cluster()) {
            StatefulSet set = Cluster.set("web", 2, "nginx:1.25");
            StatefulSetSpec s = set.spec();
            cluster.create(set.withSpec(new StatefulSetSpec(2, s.selector(), s.template(), null, "web", null, null, null, 30, null, null, null)));
            assertThat(cluster.podNames("web")).containsExactly("web-0");
            assertThat(cluster.get("web").status().readyReplicasOrZero()).isEqualTo(1);
            assertThat(cluster.get("web").status().availableReplicasOrZero()).isZero();
            cluster.advance(Duration.ofSeconds(31));
            assertThat(cluster.podNames("web")).containsExactly("web-0", "web-1");
            assertThat(cluster.get("web").status().availableReplicasOrZero()).isEqualTo(1);
            cluster.advance(Duration.ofSeconds(31));
            assertThat(cluster.get("web").status().availableReplicasOrZero()).isEqualTo(2);
        }
    }

    /** Parallel, so that recreated pods start together (OrderedReady would still start them one by one). */
    private static StatefulSet fiveWithMaxUnavailableTwo() {
        StatefulSet set = Cluster.withPodAnnotation(Cluster.set("web", 5, "nginx:1.25"), Cluster.READY_AFTER, "10s");
        StatefulSetSpec s = set.spec();
        return set.withSpec(new StatefulSetSpec(5, s.selector(), s.template(), null, "web", StatefulSetSpec.PARALLEL,
                new StatefulSetUpdateStrategy(StatefulSetUpdateStrategy.ROLLING_UPDATE,
                        new StatefulSetUpdateStrategy.RollingUpdateStatefulSetStrategy(0, IntOrString.of(2), null), null),
                null, null, null, null, null));
    }

    private static List<String> images(Cluster cluster) {
        return cluster.pods("web").stream().map(RevisionsTest::image).toList();
    }

    @Test
    void withTheMaxUnavailableGateUpToMaxUnavailablePodsAreReplacedAtOnce() {
        try (Cluster cluster = new Cluster(Map.of(StatefulSetReconciler.MAX_UNAVAILABLE_GATE, "true"))) {
            cluster.create(fiveWithMaxUnavailableTwo());
            cluster.advance(Duration.ofSeconds(10));
            cluster.setImage("web", "nginx:1.26");
            assertThat(images(cluster)).containsExactly("nginx:1.25", "nginx:1.25", "nginx:1.25", "nginx:1.26", "nginx:1.26");
            cluster.advance(Duration.ofSeconds(10));
            assertThat(images(cluster)).containsExactly("nginx:1.25", "nginx:1.26", "nginx:1.26", "nginx:1.26", "nginx:1.26");
            cluster.advance(Duration.ofSeconds(10));
            assertThat(images(cluster)).containsOnly("nginx:1.26");
        }
    }

    @Test
    void withoutTheGateMaxUnavailableIsIgnoredAsUpstreamByDefault() {
        try (Cluster cluster = new Cluster()) {
            cluster.create(fiveWithMaxUnavailableTwo());
            cluster.advance(Duration.ofSeconds(10));
            cluster.setImage("web", "nginx:1.26");
            assertThat(images(cluster)).containsExactly("nginx:1.25", "nginx:1.25", "nginx:1.25", "nginx:1.25", "nginx:1.26");
        }
    }
}
