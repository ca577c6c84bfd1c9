package io.steersman.controller.statefulset;

import static org.assertj.core.api.Assertions.assertThat;

import io.steersman.api.model.apps.StatefulSet;
import io.steersman.api.model.apps.StatefulSetStatus;
import io.steersman.api.model.apps.StatefulSetUpdateStrategy;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ReplicaStatusTest {

    /** spec.replicas 3; the counts a pass computed; whether the update revision becomes current. */
    record Row(String strategy, int replicas, int ready, int updated, boolean promoted) {}

    static Stream<Row> rows() {
        return Stream.of(
                new Row(StatefulSetUpdateStrategy.ROLLING_UPDATE, 3, 3, 3, true),
                new Row(StatefulSetUpdateStrategy.ROLLING_UPDATE, 3, 2, 3, false),
                new Row(StatefulSetUpdateStrategy.ROLLING_UPDATE, 3, 3, 2, false),
                // A scale-down in progress: 4 pods exist though 3 are wanted.
                new Row(StatefulSetUpdateStrategy.ROLLING_UPDATE, 4, 3, 3, false),
                // Upstream never promotes with OnDelete (kubernetes#106055).
                new Row(StatefulSetUpdateStrategy.ON_DELETE, 3, 3, 3, false));
    }

    @ParameterizedTest
    @MethodSource("rows")
    void aCompletedRollingUpdateMakesTheUpdateRevisionCurrent(Row row) {
        StatefulSet set = Cluster.set("web", 3, "nginx:1.25");
        set = set.withSpec(set.spec().withUpdateStrategy(new StatefulSetUpdateStrategy(row.strategy(), null, null)));
        StatefulSetStatus status = new ReplicaStatus(row.replicas(), row.ready(), row.ready(), 3 - row.updated(), row.updated())
                .toStatus(set, "web-old", "web-new", 0);
        StatefulSetStatus completed = ReplicaStatus.completeRollingUpdate(set, status);
        assertThat(completed.currentRevision()).isEqualTo(row.promoted() ? "web-new" : "web-old");
        assertThat(completed.currentReplicasOrZero()).isEqualTo(row.promoted() ? row.updated() : 3 - row.updated());
    }
}
