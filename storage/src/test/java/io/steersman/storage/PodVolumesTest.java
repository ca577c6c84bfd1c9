package io.steersman.storage;

import static io.steersman.storage.Cluster.claimYaml;
import static io.steersman.storage.Cluster.podYaml;
import static io.steersman.storage.Cluster.volumeYaml;
import static org.assertj.core.api.Assertions.assertThat;

import io.steersman.api.model.core.Pod;
import io.steersman.api.model.core.PodCondition;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The node agent's side: a pod starts only once its claims are bound (upstream's VolumeBinding plugin). */
class PodVolumesTest {
    private final Cluster cluster = new Cluster(Map.of(DefaultStorageClass.SETTING, "false"));

    @AfterEach
    void close() {
        cluster.close();
    }

    @Test
    void podWithAnUnboundClaimIsUnschedulableUntilTheClaimBinds() {
        cluster.apply(claimYaml("data", "1Gi", "storageClassName: \"\""));
        cluster.apply(podYaml("app", "data"));

        String message = "0/1 nodes are available: pod has unbound immediate PersistentVolumeClaims. "
                + "preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.";
        assertUnschedulable(cluster.pod("app"), message);
        assertThat(cluster.events("app", "FailedScheduling")).containsExactly(message);

        cluster.apply(volumeYaml("pv1", "1Gi", "accessModes: [ReadWriteOnce]"));

        Pod pod = cluster.pod("app");
        assertThat(pod.spec().nodeName()).isEqualTo("node-1");
        assertThat(pod.status().phase()).isEqualTo("Running");
    }

    @Test
    void podWithAMissingClaimIsUnschedulableUntilTheClaimExistsAndBinds() {
        cluster.apply(podYaml("app", "data"));

        assertUnschedulable(cluster.pod("app"), "0/1 nodes are available: persistentvolumeclaim \"data\" not found. "
                + "preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.");

        cluster.apply(volumeYaml("pv1", "1Gi", "accessModes: [ReadWriteOnce]"));
        cluster.apply(claimYaml("data", "1Gi", "storageClassName: \"\""));

        assertThat(cluster.pod("app").status().phase()).isEqualTo("Running");
    }

    @Test
    void podWithABoundClaimRunsAtOnce() {
        cluster.apply(volumeYaml("pv1", "1Gi", "accessModes: [ReadWriteOnce]"));
        cluster.apply(claimYaml("data", "1Gi", "storageClassName: \"\""));
        cluster.apply(podYaml("app", "data"));

        assertThat(cluster.pod("app").status().phase()).isEqualTo("Running");
        assertThat(cluster.events("app", "FailedScheduling")).isEmpty();
    }

    private static void assertUnschedulable(Pod pod, String message) {
        assertThat(pod.spec().nodeName()).isNull();
        assertThat(pod.status().phase()).isEqualTo("Pending");
        PodCondition scheduled = pod.status().condition(PodCondition.POD_SCHEDULED).orElseThrow();
        assertThat(scheduled.status()).isEqualTo("False");
        assertThat(scheduled.reason()).isEqualTo("Unschedulable");
        assertThat(scheduled.message()).isEqualTo(message);
    }
}
