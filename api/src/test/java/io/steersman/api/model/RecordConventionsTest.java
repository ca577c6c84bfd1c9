package io.steersman.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.steersman.api.model.apps.Deployment;
import io.steersman.api.model.apps.DeploymentCondition;
import io.steersman.api.model.apps.DeploymentSpec;
import io.steersman.api.model.apps.DeploymentStatus;
import io.steersman.api.model.apps.StatefulSetSpec;
import io.steersman.api.model.apps.StatefulSetUpdateStrategy;
import io.steersman.api.model.core.Container;
import io.steersman.api.model.core.Pod;
import io.steersman.api.model.core.PodCondition;
import io.steersman.api.model.core.PodSpec;
import io.steersman.api.model.core.PodStatus;
import io.steersman.api.model.core.PodTemplateSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordConventionsTest {
    private static final Instant T = Instant.parse("2026-11-26T00:33:08Z");

    @Test
    void factoriesFillApiVersionAndKind() {
        Pod pod = Pod.of(ObjectMeta.named("default", "p"), PodSpec.EMPTY);
        Deployment deployment = Deployment.of(ObjectMeta.named("default", "d"), DeploymentSpec.EMPTY);

        assertThat(pod.apiVersion()).isEqualTo("v1");
        assertThat(pod.kind()).isEqualTo("Pod");
        assertThat(deployment.apiVersion()).isEqualTo("apps/v1");
        assertThat(deployment.kind()).isEqualTo("Deployment");
    }

    @Test
    void absentMetadataSpecAndStatusReadAsSharedEmptyValues() {
        Pod pod = new Pod("v1", "Pod", null, null, null, null);

        assertThat(pod.metadata()).isSameAs(ObjectMeta.EMPTY);
        assertThat(pod.spec()).isSameAs(PodSpec.EMPTY);
        assertThat(pod.status()).isSameAs(PodStatus.EMPTY);
        assertThat(pod.status().conditions()).isEmpty();
        assertThat(PodTemplateSpec.EMPTY.metadata().labels()).isEmpty();
        assertThat(DeploymentSpec.EMPTY.template()).isSameAs(PodTemplateSpec.EMPTY);
    }

    @Test
    void collectionsAreCopiedAndCannotBeChanged() {
        List<Container> containers = new ArrayList<>(List.of(Container.of("a", "nginx:1.9.1")));
        PodSpec spec = PodSpec.of(containers);
        containers.add(Container.of("b", "redis:7"));

        assertThat(spec.containers()).hasSize(1);
        assertThatThrownBy(() -> spec.containers().add(Container.of("c", "x"))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void unknownFieldsAreDeepFrozenCopies() {
        Map<String, Object> nested = new HashMap<>(Map.of("k", "v"));
        Map<String, Object> unknown = new HashMap<>(Map.of("extra", nested));
        Container container = new Container("a", "nginx", null, null, null, null, null, null, null, null, null, null, unknown);
        nested.put("k", "changed");

        assertThat(container.unknownFields()).isEqualTo(Map.of("extra", Map.of("k", "v")));
        assertThat(Unknown.freezeOrNull(Map.of())).isEmpty();
        assertThat(Unknown.freezeOrNull(null)).isNull();
        assertThat(Unknown.copyAll(null)).isEmpty();
    }

    @Test
    void withersNarrowToTheRecordTypeAndLeaveTheOriginalAlone() {
        Pod pod = Pod.of(ObjectMeta.named("default", "p"), PodSpec.of(List.of(Container.of("a", "nginx:1.9.1"))));

        Pod scheduled = pod.withSpec(pod.spec().withNodeName("node-1"))
                .withStatus(PodStatus.EMPTY.withPhase(PodStatus.RUNNING))
                .withMetadata(pod.metadata().withLabel("app", "web"));

        assertThat(scheduled.spec().nodeName()).isEqualTo("node-1");
        assertThat(scheduled.status().phase()).isEqualTo("Running");
        assertThat(scheduled.metadata().labels()).containsEntry("app", "web");
        assertThat(pod.spec().nodeName()).isNull();
        assertThat(pod.status()).isSameAs(PodStatus.EMPTY);
    }

    @Test
    void aConditionOfTheSameTypeIsReplacedInPlaceAndANewOneAppended() {
        PodStatus status = PodStatus.EMPTY
                .withCondition(PodCondition.of(PodCondition.INITIALIZED, true, T))
                .withCondition(PodCondition.of(PodCondition.READY, false, T));

        PodStatus ready = status.withCondition(PodCondition.of(PodCondition.READY, true, T.plusSeconds(5)))
                .withCondition(PodCondition.of(PodCondition.POD_SCHEDULED, true, T));

        assertThat(ready.conditions()).extracting(PodCondition::type)
                .containsExactly(PodCondition.INITIALIZED, PodCondition.READY, PodCondition.POD_SCHEDULED);
        assertThat(ready.condition(PodCondition.READY)).hasValueSatisfying(c -> assertThat(c.isTrue()).isTrue());
        assertThat(status.condition(PodCondition.READY)).hasValueSatisfying(c -> assertThat(c.isTrue()).isFalse());
        assertThat(ready.condition("Missing")).isEmpty();
    }

    @Test
    void deploymentConditionsCanBeSetAndRemoved() {
        DeploymentStatus status = DeploymentStatus.EMPTY
                .withCondition(DeploymentCondition.of(DeploymentCondition.PROGRESSING, true, "NewReplicaSetCreated", "x", T))
                .withCondition(DeploymentCondition.of(DeploymentCondition.AVAILABLE, false, "MinimumReplicasUnavailable", "y", T));

        DeploymentStatus withoutProgress = status.withoutCondition(DeploymentCondition.PROGRESSING);

        assertThat(status.condition(DeploymentCondition.PROGRESSING)).hasValueSatisfying(c -> {
            assertThat(c.lastUpdateTime()).isEqualTo(T);
            assertThat(c.lastTransitionTime()).isEqualTo(T);
        });
        assertThat(withoutProgress.conditions()).extracting(DeploymentCondition::type).containsExactly("Available");
    }

    @Test
    void unsetNumbersReadAsUpstreamsDefaults() {
        assertThat(DeploymentSpec.EMPTY.replicasOrDefault()).isEqualTo(1);
        assertThat(DeploymentSpec.EMPTY.revisionHistoryLimitOrDefault()).isEqualTo(10);
        assertThat(DeploymentSpec.EMPTY.progressDeadlineSecondsOrDefault()).isEqualTo(600);
        assertThat(DeploymentSpec.EMPTY.isPaused()).isFalse();
        assertThat(StatefulSetSpec.EMPTY.ordinalStart()).isZero();
        assertThat(StatefulSetSpec.EMPTY.isParallel()).isFalse();
        assertThat(StatefulSetUpdateStrategy.rollingUpdate(2).partitionOrZero()).isEqualTo(2);
        assertThat(PodSpec.EMPTY.terminationGracePeriodSecondsOrDefault()).isEqualTo(30);
    }

    @Test
    void microTimeKeepsMicrosecondsAndReadsOffsets() {
        MicroTime time = MicroTime.parse("2026-11-26T01:33:08.1234567+01:00");

        assertThat(time.value()).isEqualTo(Instant.parse("2026-11-26T00:33:08.123456Z"));
        assertThat(time).hasToString("2026-11-26T00:33:08.123456Z");
        assertThat(MicroTime.of(T)).hasToString("2026-11-26T00:33:08.000000Z");
        assertThat(MicroTime.of(T).compareTo(time)).isNegative();
        assertThatThrownBy(() -> MicroTime.parse("yesterday")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("parsing time \"yesterday\" as RFC 3339");
    }
}
