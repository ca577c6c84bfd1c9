package io.steersman.controller.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.steersman.api.client.ApiException;
import io.steersman.api.model.LabelSelector;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.Status;
import io.steersman.api.model.apps.ReplicaSet;
import io.steersman.api.model.apps.ReplicaSetCondition;
import io.steersman.api.model.apps.ReplicaSetSpec;
import io.steersman.api.model.apps.ReplicaSetStatus;
import io.steersman.api.model.core.Pod;
import io.steersman.api.model.core.PodCondition;
import io.steersman.api.model.core.PodSpec;
import io.steersman.api.model.core.PodStatus;
import io.steersman.api.model.core.PodTemplateSpec;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplicaSetStatusTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:10:00Z");
    private static final Map<String, String> LABELS = Map.of("app", "web", "tier", "front");

    private static ReplicaSet rs(int minReadySeconds) {
        PodTemplateSpec template = PodTemplateSpec.of(ObjectMeta.builder().labels(LABELS).build(), PodSpec.EMPTY);
        return ReplicaSet.of(ObjectMeta.builder().namespace("default").name("web").generation(4L).build(),
                new ReplicaSetSpec(3, minReadySeconds, LabelSelector.matchLabels(Map.of("app", "web")), template, null));
    }

    private static Pod pod(Map<String, String> labels, Instant readySince) {
        PodStatus status = PodStatus.EMPTY.withPhase(PodStatus.RUNNING);
        if (readySince != null) {
            status = status.withCondition(PodCondition.of(PodCondition.READY, true, readySince));
        }
        return Pod.of(ObjectMeta.builder().namespace("default").name("p").labels(labels).build(), PodSpec.EMPTY).withStatus(status);
    }

    @Test
    void countsReplicasFullyLabeledReadyAndAvailableAfterMinReadySeconds() {
        List<Pod> pods = List.of(
                pod(LABELS, NOW.minusSeconds(60)),
                pod(Map.of("app", "web"), NOW.minusSeconds(5)),
                pod(LABELS, null));
        ReplicaSetStatus status = ReplicaSetReconciler.calculateStatus(rs(10), pods, null, 0, NOW);
        assertThat(status.replicasOrZero()).isEqualTo(3);
        assertThat(status.fullyLabeledReplicasOrZero()).isEqualTo(2);
        assertThat(status.readyReplicasOrZero()).isEqualTo(2);
        assertThat(status.availableReplicasOrZero()).isEqualTo(1);
        assertThat(status.observedGenerationOrZero()).isEqualTo(4);
        assertThat(status.conditions()).isEmpty();
    }

    @Test
    void aFailedCreateAddsReplicaFailureAndASuccessfulPassRemovesIt() {
        ApiException quota = new ApiException(new Status(null, null, null, "Failure", "pods \"web-x\" is forbidden: exceeded quota", "Forbidden", null, 403));
        ReplicaSet set = rs(0);
        ReplicaSetStatus failed = ReplicaSetReconciler.calculateStatus(set, List.of(), quota, -3, NOW);
        ReplicaSetCondition condition = failed.condition(ReplicaSetCondition.REPLICA_FAILURE).orElseThrow();
        assertThat(condition.status()).isEqualTo("True");
        assertThat(condition.reason()).isEqualTo("FailedCreate");
        assertThat(condition.message()).isEqualTo("pods \"web-x\" is forbidden: exceeded quota");

        ReplicaSetStatus deleteFailed = ReplicaSetReconciler.calculateStatus(set, List.of(), quota, 2, NOW);
        assertThat(deleteFailed.condition(ReplicaSetCondition.REPLICA_FAILURE).orElseThrow().reason()).isEqualTo("FailedDelete");

        ReplicaSetStatus recovered = ReplicaSetReconciler.calculateStatus(set.withStatus(failed), List.of(), null, 0, NOW);
        assertThat(recovered.condition(ReplicaSetCondition.REPLICA_FAILURE)).isEmpty();
    }
}
