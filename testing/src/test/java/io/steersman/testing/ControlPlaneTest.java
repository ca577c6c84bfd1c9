package io.steersman.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.steersman.api.model.core.Namespace;
import io.steersman.api.model.core.Node;
import io.steersman.api.model.core.Pod;
import io.steersman.api.model.core.PodCondition;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ControlPlaneTest {
    private static final String POD = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
              labels: {app: web}
            spec:
              containers:
              - name: nginx
                image: nginx:1.27
            """;

    private static Optional<String> ready(Pod pod) {
        if (pod.status() == null) {
            return Optional.empty();
        }
        return pod.status().conditions().stream().filter(c -> "Ready".equals(c.type())).map(PodCondition::status).findFirst();
    }

    @Test
    void startsInOneLineWithTheClusterNamespacesAndTheNodeAgent() {
        try (ControlPlane cp = ControlPlane.builder().start()) {
            cp.settle();

            assertThat(cp.list(Namespace.class, null)).extracting(Namespace::name)
                    .contains("default", "kube-system", "kube-public", "kube-node-lease");
            assertThat(cp.client().list(Node.class, null)).isNotEmpty();
            assertThat(cp.clock().now()).isEqualTo(ManualClock.START);
        }
    }

    @Test
    void anAppliedPodRunsOnTheSimulatedNode() {
        try (ControlPlane cp = ControlPlane.builder().start()) {
            List<?> applied = cp.apply(POD);
            cp.settle();

            assertThat(applied).hasSize(1);
            Pod pod = cp.get(Pod.class, "default", "web").orElseThrow();
            assertThat(pod.spec().nodeName()).isNotNull();
            assertThat(pod.status().phase()).isEqualTo("Running");
            assertThat(ready(pod)).contains("True");
        }
    }

    @Test
    void applyingAgainPatchesTheManifestsFieldsAndKeepsTheRest() {
        try (ControlPlane cp = ControlPlane.builder().start()) {
            cp.apply(POD);
            cp.settle();
            cp.apply(POD.replace("labels: {app: web}", "labels: {app: web, tier: front}"));
            cp.settle();

            Pod pod = cp.get(Pod.class, "default", "web").orElseThrow();
            assertThat(pod.metadata().labels()).containsEntry("tier", "front");
            assertThat(pod.status().phase()).as("status is not in the manifest: kept").isEqualTo("Running");
        }
    }

    @Test
    void aReadinessDelayPassesWhenTheManualClockMoves() {
        try (ControlPlane cp = ControlPlane.builder().start()) {
            cp.apply(POD.replace("  labels: {app: web}", "  labels: {app: web}\n  annotations: {steersman.io/ready-after: 30s}"));
            cp.settle();
            assertThat(ready(cp.get(Pod.class, "default", "web").orElseThrow())).isNotEqualTo(Optional.of("True"));

            cp.advance(Duration.ofSeconds(29));
            assertThat(ready(cp.get(Pod.class, "default", "web").orElseThrow())).isNotEqualTo(Optional.of("True"));

            cp.advance(Duration.ofSeconds(1));
            assertThat(ready(cp.get(Pod.class, "default", "web").orElseThrow())).contains("True");
        }
    }

    @Test
    void theRealTimeModeRunsWorkersAndStopsThemAll() {
        try (ControlPlane cp = ControlPlane.builder().systemClock().start()) {
            cp.apply(POD);
            cp.settle();

            assertThat(cp.get(Pod.class, "default", "web").orElseThrow().status().phase()).isEqualTo("Running");
            assertThat(liveThreads("controller-")).isNotEmpty();
        }
        assertThat(liveThreads("controller-")).isEmpty();
        assertThat(liveThreads("steersman-informer")).isEmpty();
    }

    private static List<String> liveThreads(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith(prefix)).toList();
    }
}
