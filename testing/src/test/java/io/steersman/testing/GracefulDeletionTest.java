package io.steersman.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.steersman.api.client.DeleteOptions;
import io.steersman.api.model.core.Event;
import io.steersman.api.model.core.Pod;
import io.steersman.api.model.core.PodCondition;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The kubelet's side of graceful deletion, on the store's grace periods. */
class GracefulDeletionTest {

    private static Pod stored(ControlPlane cp, String name) {
        return cp.get(Pod.class, "default", name).orElseThrow();
    }

    private static boolean ready(Pod pod) {
        return pod.status().condition(PodCondition.READY).map(PodCondition::isTrue).orElse(false);
    }

    private static long killingEvents(ControlPlane cp, String name) {
        return cp.list(Event.class, "default").stream()
                .filter(e -> name.equals(e.involvedObject().name()) && "Killing".equals(e.reason())).count();
    }

    @Test
    void gracefulShutdownTakesAsLongAsTheAnnotationSaysAndIsNotReadyMeanwhile() {
        try (ControlPlane cp = Clusters.start()) {
            Pod pod = Clusters.pod("default", "web", "nginx");
            cp.apply(pod.withMetadata(pod.metadata().withAnnotation("steersman.io/terminate-after", "20s")));
            cp.settle();
            assertThat(ready(stored(cp, "web"))).isTrue();

            cp.client().delete(Pod.class, "default", "web", DeleteOptions.defaults());
            cp.settle();
            Pod terminating = stored(cp, "web");
            assertThat(terminating.metadata().deletionTimestamp()).isEqualTo(cp.clock().now().plusSeconds(30));
            assertThat(terminating.metadata().deletionGracePeriodSeconds()).isEqualTo(30);
            assertThat(ready(terminating)).isFalse();
            assertThat(killingEvents(cp, "web")).isPositive();

            cp.advance(Duration.ofSeconds(19));
            assertThat(cp.get(Pod.class, "default", "web")).isPresent();
            cp.advance(Duration.ofSeconds(1));
            assertThat(cp.get(Pod.class, "default", "web")).isEmpty();
        }
    }

    @Test
    void shutdownNeverOutlastsTheGracePeriod() {
        try (ControlPlane cp = Clusters.start()) {
            Pod pod = Clusters.pod("default", "web", "nginx");
            cp.apply(pod.withMetadata(pod.metadata().withAnnotation("steersman.io/terminate-after", "10m")));
            cp.settle();
            cp.client().delete(Pod.class, "default", "web", new DeleteOptions(null, 5L, null, null));
            cp.settle();
            cp.advance(Duration.ofSeconds(4));
            assertThat(cp.get(Pod.class, "default", "web")).isPresent();
            cp.advance(Duration.ofSeconds(1));
            assertThat(cp.get(Pod.class, "default", "web")).isEmpty();
        }
    }

    @Test
    void theNodesShutdownTimeAppliesToPodsWithoutTheAnnotation() {
        try (ControlPlane cp = Clusters.start(java.util.Map.of("steersman.node.shutdown-time", "1s"))) {
            cp.apply(Clusters.pod("default", "web", "nginx"));
            Pod quick = Clusters.pod("default", "quick", "nginx");
            cp.apply(quick.withMetadata(quick.metadata().withAnnotation("steersman.io/terminate-after", "0s")));
            cp.settle();
            cp.client().delete(Pod.class, "default", "web", DeleteOptions.defaults());
            cp.client().delete(Pod.class, "default", "quick", DeleteOptions.defaults());
            cp.settle();
            assertThat(cp.get(Pod.class, "default", "quick")).isEmpty();
            assertThat(ready(stored(cp, "web"))).isFalse();

            cp.advance(Duration.ofMillis(999));
            assertThat(cp.get(Pod.class, "default", "web")).isPresent();
            cp.advance(Duration.ofMillis(1));
            assertThat(cp.get(Pod.class, "default", "web")).isEmpty();
        }
    }

    @Test
    void aMalformedShutdownTimeStopsTheStart() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Clusters.start(java.util.Map.of("steersman.node.shutdown-time", "soon")))
                .hasMessageContaining("steersman.node.shutdown-time: \"soon\" is not a duration");
    }
}
