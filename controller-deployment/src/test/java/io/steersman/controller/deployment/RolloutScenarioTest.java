package io.steersman.controller.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.steersman.api.model.apps.Deployment;
import io.steersman.api.model.apps.DeploymentCondition;
import io.steersman.api.model.apps.ReplicaSet;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The scenario of the original notes: 3 replicas of nginx:1.9.1, maxSurge 1, maxUnavailable 1, a
 * rollout to nginx:1.91 (which does not exist), the progress deadline, then undo. Bounds are checked
 * at every pod write the store makes.
 */
class RolloutScenarioTest {

    /** {@code scaledTo} 4: the Deployment is scaled to 4 before the broken rollout. */
    record Row(int scaledTo, int maxPods, int minAvailable, int stalledOld, int stalledNew) {}

    static Stream<Row> rows() {
        // 3 replicas: new RS 1 (4 pods), old 3→2 (budget 4−2−1), new 2 (4 pods), then 4−2−2 = 0: stalled.
        // 4 replicas: new 1 (5 pods), old 4→3 (5−3−1), new 2 (5 pods), then 5−3−2 = 0: stalled.
        return Stream.of(new Row(3, 4, 2, 2, 2), new Row(4, 5, 3, 3, 2));
    }

    @ParameterizedTest
    @MethodSource("rows")
    void stalledRolloutKeepsMinimumAvailableTimesOutAndUndoRestoresTheOldTemplate(Row row) {
        try (Cluster cluster = new Cluster(); WriteObserver observer = new WriteObserver(cluster)) {
            cluster.create(Cluster.deployment("web", 3, "nginx:1.9.1", Cluster.rolling(1, 1)));
            if (row.scaledTo() != 3) {
                cluster.update("web", d -> d.withSpec(d.spec().withReplicas(row.scaledTo())));
                cluster.settle();
            }
            Deployment d = cluster.get("web");
            assertThat(d.status().availableReplicasOrZero()).isEqualTo(row.scaledTo());
            assertThat(d.metadata().annotations()).containsEntry(Revisions.REVISION, "1");
            observer.check(List.of(Checks.atMostPods("web", row.maxPods()), Checks.atLeastReady("web", row.minAvailable())));

            cluster.setImage("web", "nginx:1.91");
            cluster.settle();
            assertThat(cluster.replicaSets("web")).hasSize(2);
            ReplicaSet good = cluster.replicaSet("web", "nginx:1.9.1");
            ReplicaSet broken = cluster.replicaSet("web", "nginx:1.91");
            assertThat(good.spec().replicas()).as("old RS").isEqualTo(row.stalledOld());
            assertThat(broken.spec().replicas()).as("new RS").isEqualTo(row.stalledNew());
            assertThat(cluster.pods("web")).hasSize(row.maxPods());
            d = cluster.get("web");
            assertThat(d.metadata().annotations()).containsEntry(Revisions.REVISION, "2");
            assertThat(d.status().availableReplicasOrZero()).isEqualTo(row.minAvailable());
            assertThat(d.status().updatedReplicasOrZero()).isEqualTo(row.stalledNew());
            assertThat(d.status().condition(DeploymentCondition.AVAILABLE).orElseThrow().reason())
                    .isEqualTo(Progress.MINIMUM_REPLICAS_AVAILABLE);

            // The deadline passes strictly after 600 s without progress.
            cluster.advance(Duration.ofSeconds(599));
            assertThat(cluster.get("web").status().condition(DeploymentCondition.PROGRESSING).orElseThrow().isTrue()).isTrue();
            cluster.advance(Duration.ofSeconds(2));
            DeploymentCondition progressing = cluster.get("web").status().condition(DeploymentCondition.PROGRESSING).orElseThrow();
            assertThat(progressing.status()).isEqualTo("False");
            assertThat(progressing.reason()).isEqualTo("ProgressDeadlineExceeded");
            assertThat(progressing.message()).isEqualTo("ReplicaSet \"" + broken.name() + "\" has timed out progressing.");
            assertThat(observer.violations()).as("never more than replicas + maxSurge pods, never fewer than replicas - maxUnavailable ready").isEmpty();

            cluster.undo("web");
            cluster.settle();
            d = cluster.get("web");
            assertThat(d.metadata().annotations()).containsEntry(Revisions.REVISION, "3");
            assertThat(d.status().availableReplicasOrZero()).isEqualTo(row.scaledTo());
            assertThat(d.status().updatedReplicasOrZero()).isEqualTo(row.scaledTo());
            assertThat(d.status().condition(DeploymentCondition.PROGRESSING).orElseThrow().reason())
                    .isEqualTo(Progress.NEW_RS_AVAILABLE);
            assertThat(cluster.replicaSets("web")).hasSize(2);
            ReplicaSet restored = cluster.replicaSet("web", "nginx:1.9.1");
            assertThat(restored.name()).isEqualTo(good.name());
            assertThat(restored.spec().replicas()).isEqualTo(row.scaledTo());
            assertThat(restored.metadata().annotations()).containsEntry(Revisions.REVISION, "3")
                    .containsEntry(Revisions.REVISION_HISTORY, "1");
            assertThat(cluster.replicaSet("web", "nginx:1.91").spec().replicas()).isZero();
            assertThat(cluster.pods("web")).hasSize(row.scaledTo())
                    .allMatch(pod -> pod.spec().containers().get(0).image().equals("nginx:1.9.1"));
            assertThat(observer.violations()).isEmpty();
        }
    }

    @Test
    void scalingEventsNameTheReplicaSetAndBothSizes() {
        try (Cluster cluster = new Cluster()) {
            cluster.create(Cluster.deployment("web", 3, "nginx:1.9.1", Cluster.rolling(1, 1)));
            cluster.setImage("web", "nginx:1.91");
            cluster.settle();
            ReplicaSet good = cluster.replicaSet("web", "nginx:1.9.1");
            ReplicaSet broken = cluster.replicaSet("web", "nginx:1.91");
            assertThat(cluster.events("web", Sync.SCALING_REPLICA_SET)).contains(
                    "Scaled up replica set " + good.name() + " from 0 to 3",
                    "Scaled up replica set " + broken.name() + " from 0 to 1",
                    "Scaled down replica set " + good.name() + " from 3 to 2",
                    "Scaled up replica set " + broken.name() + " from 1 to 2");
        }
    }
}
