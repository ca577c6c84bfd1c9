package io.steersman.api.model.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.steersman.api.model.ObjectMeta;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PersistentVolumeClaimsTest {

    private static PersistentVolumeClaim claim(Map<String, String> annotations, String storageClass, String volumeName, String phase) {
        PersistentVolumeClaimSpec spec = new PersistentVolumeClaimSpec(List.of("ReadWriteOnce"), null, null, volumeName, storageClass,
                null, null, null, null);
        return PersistentVolumeClaim.of(ObjectMeta.builder().name("data").annotations(annotations).build(), spec)
                .withStatus(PersistentVolumeClaimStatus.of(phase));
    }

    @Test
    void theBetaClassAnnotationOverridesTheSpecAndNoClassIsEmpty() {
        assertThat(PersistentVolumeClaims.storageClassName(claim(Map.of(), null, null, "Pending"))).isEmpty();
        assertThat(PersistentVolumeClaims.storageClassName(claim(Map.of(), "gold", null, "Pending"))).isEqualTo("gold");
        assertThat(PersistentVolumeClaims.storageClassName(claim(Map.of("volume.beta.kubernetes.io/storage-class", "old"), "gold", null,
                "Pending"))).isEqualTo("old");
    }

    @Test
    void boundMeansPhaseBoundOrVolumeNameWithBindCompleted() {
        assertThat(PersistentVolumeClaims.isBound(claim(Map.of(), null, "pv1", "Pending"))).as("volumeName alone").isFalse();
        assertThat(PersistentVolumeClaims.isBound(claim(Map.of("pv.kubernetes.io/bind-completed", "yes"), null, "pv1", "Pending"))).isTrue();
        assertThat(PersistentVolumeClaims.isBound(claim(Map.of(), null, null, "Bound"))).isTrue();
        assertThat(PersistentVolumeClaims.isBound(claim(Map.of(), null, null, "Lost"))).isFalse();
    }

    @Test
    void claimNamesAreThePodsClaimVolumesEachOnce() {
        Pod pod = Pod.of(ObjectMeta.named("default", "app"), PodSpec.of(List.of(Container.of("app", "nginx")))
                .withVolumes(List.of(Volume.ofClaim("a", "data"), Volume.emptyDir("scratch"), Volume.ofClaim("b", "logs"),
                        Volume.ofClaim("c", "data"))));
        assertThat(PersistentVolumeClaims.claimNames(pod)).containsExactly("data", "logs");
    }
}
