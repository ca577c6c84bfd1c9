package io.steersman.storage;

import static io.steersman.storage.Cluster.claimYaml;
import static io.steersman.storage.Cluster.volumeYaml;
import static org.assertj.core.api.Assertions.assertThat;

import io.steersman.api.client.DeleteOptions;
import io.steersman.api.model.core.Namespace;
import io.steersman.api.model.core.PersistentVolume;
import io.steersman.api.model.core.Pod;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What happens to a volume when its claim goes (SEMANTICS D.3 syncVolume, D.5). */
class ReclaimTest {

    @Test
    void deletingTheClaimDeletesAProvisionedVolumeAndItsDirectory(@TempDir Path data) {
        try (Cluster cluster = new Cluster(Map.of("steersman.data-dir", data.toString()))) {
            cluster.apply(claimYaml("data", "1Gi", ""));
            String name = cluster.claim("data").spec().volumeName();
            Path dir = Path.of(cluster.volume(name).spec().hostPath().path());
            assertThat(dir).isDirectory();

            cluster.deleteClaim("data");

            assertThat(cluster.claimExists("data")).isFalse();
            assertThat(cluster.volumeExists(name)).isFalse();
            assertThat(dir).doesNotExist();
            assertThat(data.resolve("volumes")).isDirectory();
        }
    }

    @Test
    void retainKeepsTheVolumeReleasedWithItsOldClaimRef() {
        try (Cluster cluster = new Cluster(Map.of(DefaultStorageClass.SETTING, "false"))) {
            cluster.apply(volumeYaml("pv1", "1Gi", "accessModes: [ReadWriteOnce]\npersistentVolumeReclaimPolicy: Retain"));
            cluster.apply(claimYaml("data", "1Gi", "storageClassName: \"\""));
            String uid = cluster.claim("data").uid();

            cluster.deleteClaim("data");

            PersistentVolume volume = cluster.volume("pv1");
            assertThat(volume.status().phase()).isEqualTo("Released");
            assertThat(volume.spec().claimRef().uid()).isEqualTo(uid);

            // A new claim of the same name is not given the released volume.
            cluster.apply(claimYaml("data", "1Gi", "storageClassName: \"\""));
            assertThat(cluster.claim("data").status().phase()).isEqualTo("Pending");
            assertThat(cluster.volume("pv1").status().phase()).isEqualTo("Released");
        }
    }

    @Test
    void deleteOnAVolumeNoProvisionerMadeFails() {
        try (Cluster cluster = new Cluster(Map.of(DefaultStorageClass.SETTING, "false"))) {
            cluster.apply(volumeYaml("pv1", "1Gi", "accessModes: [ReadWriteOnce]\npersistentVolumeReclaimPolicy: Delete"));
            cluster.apply(claimYaml("data", "1Gi", "storageClassName: \"\""));

            cluster.deleteClaim("data");

            assertThat(cluster.volume("pv1").status().phase()).isEqualTo("Failed");
            assertThat(cluster.events("pv1", "VolumeFailedDelete"))
                    .containsExactly("error getting deleter volume plugin for volume \"pv1\": no deletable volume plugin matched");
        }
    }

    @Test
    void retainedVolumeIsAvailableAgainOnceAnAdminClearsItsClaimRef() {
        try (Cluster cluster = new Cluster(Map.of(DefaultStorageClass.SETTING, "false"))) {
            cluster.apply(volumeYaml("pv1", "1Gi", "accessModes: [ReadWriteOnce]"));
            cluster.apply(claimYaml("data", "1Gi", "storageClassName: \"\""));
            cluster.deleteClaim("data");
            assertThat(cluster.volume("pv1").status().phase()).isEqualTo("Released");

            PersistentVolume volume = cluster.volume("pv1");
            cluster.cp.client().update(volume.withSpec(volume.spec().withClaimRef(null)));
            cluster.cp.settle();
            assertThat(cluster.volume("pv1").status().phase()).isEqualTo("Available");

            cluster.apply(claimYaml("again", "1Gi", "storageClassName: \"\""));
            assertThat(cluster.claim("again").spec().volumeName()).isEqualTo("pv1");
        }
    }

    @Test
    void deletingTheNamespaceTakesItsClaimsAndTheirProvisionedVolumes() {
        try (Cluster cluster = new Cluster()) {
            cluster.apply("apiVersion: v1\nkind: Namespace\nmetadata: {name: team}\n");
            cluster.apply(claimYaml("data", "1Gi", "").replace("name: data", "name: data\n  namespace: team"));
            cluster.apply(Cluster.podYaml("app", "data").replace("name: app", "name: app\n  namespace: team"));
            assertThat(cluster.cp.get(Pod.class, "team", "app").orElseThrow().status().phase())
                    .isEqualTo("Running");
            assertThat(cluster.volumes()).hasSize(1);

            cluster.cp.client().delete(Namespace.class, null, "team",
                    DeleteOptions.defaults());
            cluster.cp.settle();

            assertThat(cluster.cp.get(Namespace.class, null, "team")).isEmpty();
            assertThat(cluster.volumes()).isEmpty();
        }
    }
}
