package io.steersman.storage;

import static io.steersman.storage.Cluster.claimYaml;
import static io.steersman.storage.Cluster.podYaml;
import static org.assertj.core.api.Assertions.assertThat;

import io.steersman.api.client.DeleteOptions;
import io.steersman.api.model.core.PersistentVolume;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The kubernetes.io/pvc-protection and kubernetes.io/pv-protection finalizers. */
class ProtectionTest {
    private final Cluster cluster = new Cluster();

    @AfterEach
    void close() {
        cluster.close();
    }

    @Test
    void claimsAndVolumesCarryTheirProtectionFinalizers() {
        cluster.apply(claimYaml("data", "1Gi", ""));

        assertThat(cluster.claim("data").metadata().finalizers()).containsExactly("kubernetes.io/pvc-protection");
        assertThat(cluster.volume(cluster.claim("data").spec().volumeName()).metadata().finalizers())
                .containsExactly("kubernetes.io/pv-protection");
    }

    @Test
    void claimUsedByAPodIsRemovedOnlyOnceThePodIsGone() {
        cluster.apply(claimYaml("data", "1Gi", ""));
        cluster.apply(podYaml("app", "data"));
        String volume = cluster.claim("data").spec().volumeName();
        assertThat(cluster.pod("app").status().phase()).isEqualTo("Running");

        cluster.deleteClaim("data");

        assertThat(cluster.claim("data").metadata().isBeingDeleted()).isTrue();
        assertThat(cluster.claim("data").status().phase()).isEqualTo("Bound");
        assertThat(cluster.volume(volume).status().phase()).isEqualTo("Bound");

        cluster.deletePod("app");

        assertThat(cluster.claimExists("data")).isFalse();
        assertThat(cluster.volumeExists(volume)).isFalse();
    }

    @Test
    void boundVolumeIsRemovedOnlyOnceItsClaimLetsGo() {
        cluster.apply(claimYaml("data", "1Gi", ""));
        String name = cluster.claim("data").spec().volumeName();

        cluster.cp.client().delete(PersistentVolume.class, null, name, DeleteOptions.defaults());
        cluster.cp.settle();

        assertThat(cluster.volume(name).metadata().isBeingDeleted()).isTrue();
        assertThat(cluster.claim("data").status().phase()).isEqualTo("Bound");

        cluster.deleteClaim("data");

        assertThat(cluster.volumeExists(name)).isFalse();
    }
}
