package io.steersman.api.model.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.steersman.api.model.ObjectMeta;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PodsTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** A pod in {@code phase}, Ready {@code ready} (null: no condition) since T0, maybe being deleted. */
    record Case(String phase, String ready, boolean deleting, int minReadySeconds, Instant now,
                boolean active, boolean terminating, boolean isReady, boolean available) {}

    static List<Case> cases() {
        return List.of(
                new Case("Running", "True", false, 0, T0, true, false, true, true),
                new Case("Running", "True", false, 10, T0.plusSeconds(10), true, false, true, false),
                new Case("Running", "True", false, 10, T0.plusSeconds(11), true, false, true, true),
                new Case("Running", "False", false, 0, T0, true, false, false, false),
                new Case("Pending", null, false, 0, T0, true, false, false, false),
                new Case("Running", "True", true, 0, T0, false, true, true, true),
                new Case("Succeeded", "False", false, 0, T0, false, false, false, false),
                new Case("Failed", "False", true, 0, T0, false, false, false, false));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void answersAsUpstreamPodutil(Case c) {
        Pod pod = pod(c.phase(), c.ready(), c.deleting());
        assertThat(Pods.isActive(pod)).isEqualTo(c.active());
        assertThat(Pods.isTerminating(pod)).isEqualTo(c.terminating());
        assertThat(Pods.isTerminal(pod)).isEqualTo(c.phase().equals("Succeeded") || c.phase().equals("Failed"));
        assertThat(Pods.isReady(pod)).isEqualTo(c.isReady());
        assertThat(Pods.readySince(pod)).isEqualTo(c.isReady() ? T0 : null);
        assertThat(Pods.isAvailable(pod, c.minReadySeconds(), c.now())).isEqualTo(c.available());
        assertThat(Pods.availableAt(pod, c.minReadySeconds())).isEqualTo(c.isReady() ? T0.plusSeconds(c.minReadySeconds()) : null);
    }

    @Test
    void maxRestartsIsTheHighestContainerRestartCount() {
        Pod pod = pod("Running", "True", false);
        ContainerStatus a = new ContainerStatus("a", null, null, true, 2, null, null, null, true, null);
        ContainerStatus b = new ContainerStatus("b", null, null, true, 5, null, null, null, true, null);
        ContainerStatus none = new ContainerStatus("c", null, null, true, null, null, null, null, true, null);
        Pod withStatuses = pod.withStatus(new PodStatus("Running", pod.status().conditions(), null, null, null, null, null, null,
                null, null, null, List.of(a, b, none), null));
        assertThat(Pods.maxRestarts(withStatuses)).isEqualTo(5);
        assertThat(Pods.maxRestarts(pod)).isZero();
    }

    private static Pod pod(String phase, String ready, boolean deleting) {
        ObjectMeta.Builder meta = ObjectMeta.builder().namespace("default").name("p");
        if (deleting) {
            meta.deletionTimestamp(T0.plusSeconds(30)).deletionGracePeriodSeconds(30L);
        }
        List<PodCondition> conditions = ready == null ? List.of()
                : List.of(new PodCondition(PodCondition.READY, ready, null, T0, null, null, null));
        PodStatus status = new PodStatus(phase, conditions, null, null, null, null, null, null, null, null, null, null, null);
        return Pod.of(meta.build(), PodSpec.EMPTY).withStatus(status);
    }
}
