package io.steersman.storage;

import static io.steersman.storage.Cluster.claimYaml;
import static io.steersman.storage.Cluster.podYaml;
import static org.assertj.core.api.Assertions.assertThat;

import io.steersman.api.client.DeleteOptions;
import io.steersman.api.model.core.PersistentVolume;
import io.steersman.api.model.core.PersistentVolumeClaim;
import io.steersman.api.model.core.Pod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The storage controllers with worker threads and the system clock, as the launcher runs them: the
 * binder, the provisioner, both protection controllers and the scheduler write the same claims and
 * volumes at once, lose races (409 Conflict) and retry, and still end where the manual-clock tests end.
 */
class RealTimeTest {
    private static final int CLAIMS = 12;

    @Test
    void manyClaimsAndPodsAtOnceAreProvisionedBoundRunAndCleanedUp(@TempDir Path data) throws Exception {
        try (Cluster cluster = new Cluster(Map.of("steersman.data-dir", data.toString()), true)) {
            StringBuilder manifest = new StringBuilder();
            for (int i = 0; i < CLAIMS; i++) {
                manifest.append(podYaml("app-" + i, "data-" + i)).append("---\n");
                manifest.append(claimYaml("data-" + i, "1Gi", "")).append("---\n");
            }
            cluster.apply(manifest.toString());

            assertThat(cluster.cp.list(PersistentVolumeClaim.class, Cluster.NS))
                    .hasSize(CLAIMS).allSatisfy(c -> assertThat(c.status().phase()).isEqualTo("Bound"));
            assertThat(cluster.cp.list(PersistentVolume.class, null))
                    .hasSize(CLAIMS).allSatisfy(v -> assertThat(v.status().phase()).isEqualTo("Bound"));
            assertThat(cluster.cp.list(Pod.class, Cluster.NS))
                    .hasSize(CLAIMS).allSatisfy(p -> assertThat(p.status().phase()).isEqualTo("Running"));
            assertThat(volumeDirs(data)).hasSize(CLAIMS);

            for (int i = 0; i < CLAIMS; i++) {
                cluster.cp.client().delete(PersistentVolumeClaim.class, Cluster.NS, "data-" + i, DeleteOptions.defaults());
                cluster.cp.client().delete(Pod.class, Cluster.NS, "app-" + i, DeleteOptions.defaults());
            }
            cluster.cp.settle();

            assertThat(cluster.cp.list(PersistentVolumeClaim.class, Cluster.NS)).isEmpty();
            assertThat(cluster.cp.list(PersistentVolume.class, null)).isEmpty();
            assertThat(volumeDirs(data)).isEmpty();
        }
    }

    private static java.util.List<Path> volumeDirs(Path data) throws java.io.IOException {
        try (Stream<Path> dirs = Files.list(data.resolve("volumes"))) {
            return dirs.toList();
        }
    }
}
