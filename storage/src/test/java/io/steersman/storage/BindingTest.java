package io.steersman.storage;

import static io.steersman.storage.Cluster.claimYaml;
import static io.steersman.storage.Cluster.volumeYaml;
import static org.assertj.core.api.Assertions.assertThat;

import io.steersman.api.model.Quantity;
import io.steersman.api.model.core.PersistentVolume;
import io.steersman.api.model.core.PersistentVolumeClaim;
import io.steersman.api.client.DeleteOptions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Static binding (SEMANTICS D.2, D.3): which volume a claim gets and what the binding writes. No default class here. */
class BindingTest {
    private final Cluster cluster = new Cluster(Map.of(DefaultStorageClass.SETTING, "false"));

    @AfterEach
    void close() {
        cluster.close();
    }

    @Test
    void claimBindsToAvailableVolumeWithEveryStepWritten() {
        cluster.apply(volumeYaml("pv1", "2Gi", "accessModes: [ReadWriteOnce]\nstorageClassName: manual"));
        assertThat(cluster.volume("pv1").status().phase()).isEqualTo("Available");

        cluster.apply(claimYaml("data", "1Gi", "storageClassName: manual"));

        PersistentVolumeClaim claim = cluster.claim("data");
        PersistentVolume volume = cluster.volume("pv1");
        assertThat(volume.spec().claimRef().name()).isEqualTo("data");
        assertThat(volume.spec().claimRef().namespace()).isEqualTo("default");
        assertThat(volume.spec().claimRef().uid()).isEqualTo(claim.uid());
        assertThat(volume.metadata().annotations()).containsEntry("pv.kubernetes.io/bound-by-controller", "yes");
        assertThat(volume.status().phase()).isEqualTo("Bound");
        assertThat(claim.spec().volumeName()).isEqualTo("pv1");
        assertThat(claim.metadata().annotations())
                .containsEntry("pv.kubernetes.io/bind-completed", "yes")
                .containsEntry("pv.kubernetes.io/bound-by-controller", "yes");
        assertThat(claim.status().phase()).isEqualTo("Bound");
        assertThat(claim.status().capacity()).containsEntry("storage", new Quantity("2Gi"));
        assertThat(claim.status().accessModes()).containsExactly("ReadWriteOnce");
    }

    @Test
    void claimGetsTheSmallestVolumeThatFits() {
        cluster.apply(volumeYaml("big", "10Gi", "accessModes: [ReadWriteOnce]"));
        cluster.apply(volumeYaml("small", "500Mi", "accessModes: [ReadWriteOnce]"));
        cluster.apply(volumeYaml("right", "1Gi", "accessModes: [ReadWriteOnce]"));
        cluster.apply(volumeYaml("bigger", "2Gi", "accessModes: [ReadWriteOnce]"));

        cluster.apply(claimYaml("data", "1Gi", "storageClassName: \"\""));

        assertThat(cluster.claim("data").spec().volumeName()).isEqualTo("right");
        assertThat(cluster.volume("big").status().phase()).isEqualTo("Available");
    }

    @Test
    void claimWithoutClassAndNoVolumeWaitsWithFailedBinding() {
        cluster.apply(volumeYaml("other", "1Gi", "accessModes: [ReadWriteOnce]\nstorageClassName: manual"));
        cluster.apply(claimYaml("data", "1Gi", ""));

        assertThat(cluster.claim("data").status().phase()).isEqualTo("Pending");
        assertThat(cluster.events("data", "FailedBinding"))
                .containsExactly("no persistent volumes available for this claim and no storage class is set");

        // A volume that fits, made later, is found.
        cluster.apply(volumeYaml("fits", "1Gi", "accessModes: [ReadWriteOnce]"));
        assertThat(cluster.claim("data").status().phase()).isEqualTo("Bound");
        assertThat(cluster.claim("data").spec().volumeName()).isEqualTo("fits");
    }

    @Test
    void selectorLimitsTheVolumesAClaimMayGet() {
        cluster.apply("""
                apiVersion: v1
                kind: PersistentVolume
                metadata: {name: fast, labels: {tier: fast}}
                spec: {capacity: {storage: 5Gi}, accessModes: [ReadWriteOnce], hostPath: {path: /tmp/fast}}
                """);
        cluster.apply(volumeYaml("slow", "1Gi", "accessModes: [ReadWriteOnce]"));
        cluster.apply(claimYaml("data", "1Gi", "storageClassName: \"\"\nselector: {matchLabels: {tier: fast}}"));

        assertThat(cluster.claim("data").spec().volumeName()).isEqualTo("fast");
    }

    @Test
    void volumePreBoundToAClaimIsTakenByItOnly() {
        cluster.apply(volumeYaml("reserved", "1Gi", "accessModes: [ReadWriteOnce]\nclaimRef: {namespace: default, name: mine}"));
        assertThat(cluster.volume("reserved").status().phase()).isEqualTo("Available");

        cluster.apply(claimYaml("other", "1Gi", "storageClassName: \"\""));
        assertThat(cluster.claim("other").status().phase()).isEqualTo("Pending");

        // Class and selector are not checked for a volume pre-bound to the claim, as upstream.
        cluster.apply(claimYaml("mine", "1Gi", "storageClassName: gold\nselector: {matchLabels: {x: y}}"));
        PersistentVolume volume = cluster.volume("reserved");
        assertThat(volume.spec().claimRef().uid()).isEqualTo(cluster.claim("mine").uid());
        assertThat(volume.metadata().annotations()).doesNotContainKey("pv.kubernetes.io/bound-by-controller");
        assertThat(cluster.claim("mine").status().phase()).isEqualTo("Bound");
    }

    @Test
    void claimNamingAVolumeBindsToIt() {
        cluster.apply(volumeYaml("big", "5Gi", "accessModes: [ReadWriteOnce, ReadOnlyMany]"));
        cluster.apply(volumeYaml("exact", "1Gi", "accessModes: [ReadWriteOnce]"));
        cluster.apply(claimYaml("data", "1Gi", "storageClassName: \"\"\nvolumeName: big"));

        PersistentVolumeClaim claim = cluster.claim("data");
        assertThat(claim.spec().volumeName()).isEqualTo("big");
        assertThat(claim.status().phase()).isEqualTo("Bound");
        // The user set volumeName: the claim is not marked as bound by the controller; the volume is.
        assertThat(claim.metadata().annotations()).doesNotContainKey("pv.kubernetes.io/bound-by-controller");
        assertThat(cluster.volume("big").metadata().annotations()).containsEntry("pv.kubernetes.io/bound-by-controller", "yes");
    }

    @Test
    void claimNamingAVolumeThatDoesNotFitWaitsWithVolumeMismatch() {
        cluster.apply(volumeYaml("tiny", "100Mi", "accessModes: [ReadWriteOnce]"));
        cluster.apply(claimYaml("data", "1Gi", "storageClassName: \"\"\nvolumeName: tiny"));

        assertThat(cluster.claim("data").status().phase()).isEqualTo("Pending");
        assertThat(cluster.events("data", "VolumeMismatch")).containsExactly("Cannot bind to requested volume \"tiny\": requested PV is too small");
        assertThat(cluster.volume("tiny").spec().claimRef()).isNull();
    }

    @Test
    void claimNamingAVolumeBoundElsewhereWaitsWithFailedBinding() {
        cluster.apply(volumeYaml("pv1", "1Gi", "accessModes: [ReadWriteOnce]"));
        cluster.apply(claimYaml("first", "1Gi", "storageClassName: \"\""));
        assertThat(cluster.claim("first").spec().volumeName()).isEqualTo("pv1");

        cluster.apply(claimYaml("second", "1Gi", "storageClassName: \"\"\nvolumeName: pv1"));

        assertThat(cluster.claim("second").status().phase()).isEqualTo("Pending");
        assertThat(cluster.events("second", "FailedBinding")).containsExactly("volume \"pv1\" already bound to a different claim.");
    }

    @Test
    void claimNamingAMissingVolumeBindsWhenItAppears() {
        cluster.apply(claimYaml("data", "1Gi", "storageClassName: \"\"\nvolumeName: later"));
        assertThat(cluster.claim("data").status().phase()).isEqualTo("Pending");

        cluster.apply(volumeYaml("later", "1Gi", "accessModes: [ReadWriteOnce]"));

        assertThat(cluster.claim("data").status().phase()).isEqualTo("Bound");
        assertThat(cluster.volume("later").status().phase()).isEqualTo("Bound");
    }

    @Test
    void boundClaimWhoseVolumeIsDeletedIsLost() {
        cluster.apply(volumeYaml("pv1", "1Gi", "accessModes: [ReadWriteOnce]"));
        cluster.apply(claimYaml("data", "1Gi", "storageClassName: \"\""));
        PersistentVolume volume = cluster.volume("pv1");
        // Remove the finalizer the pv-protection controller added, as an admin forcing it would.
        cluster.cp.client().update(volume.withMetadata(volume.metadata().withFinalizers(List.of())));
        cluster.cp.client().delete(PersistentVolume.class, null, "pv1", DeleteOptions.defaults());
        cluster.cp.settle();

        assertThat(cluster.claim("data").status().phase()).isEqualTo("Lost");
        assertThat(cluster.events("data", "ClaimLost"))
                .containsExactly("Bound claim has lost its PersistentVolume. Data on the volume is lost!");
    }

    @Test
    void boundClaimWhoseVolumeLostItsClaimRefIsBoundAgain() {
        cluster.apply(volumeYaml("pv1", "1Gi", "accessModes: [ReadWriteOnce]"));
        cluster.apply(claimYaml("data", "1Gi", "storageClassName: \"\""));
        PersistentVolume volume = cluster.volume("pv1");

        cluster.cp.client().update(volume.withSpec(volume.spec().withClaimRef(null)));
        cluster.cp.settle();

        assertThat(cluster.volume("pv1").spec().claimRef().uid()).isEqualTo(cluster.claim("data").uid());
        assertThat(cluster.volume("pv1").status().phase()).isEqualTo("Bound");
        assertThat(cluster.claim("data").status().phase()).isEqualTo("Bound");
    }

    @Test
    void volumeTheControllerBoundToAClaimThatWentElsewhereIsFreedAgain() {
        cluster.apply(volumeYaml("pv1", "1Gi", "accessModes: [ReadWriteOnce]"));
        cluster.apply(volumeYaml("pv2", "1Gi", "accessModes: [ReadWriteOnce]"));
        cluster.apply(claimYaml("data", "1Gi", "storageClassName: \"\""));
        PersistentVolumeClaim claim = cluster.claim("data");
        assertThat(claim.spec().volumeName()).isEqualTo("pv1");

        // As if a second binder had written pv2's claimRef in a race it then lost.
        PersistentVolume pv2 = cluster.volume("pv2");
        cluster.cp.client().update(pv2.withSpec(pv2.spec().withClaimRef(io.steersman.api.model.core.ObjectReference.to(claim)))
                .withMetadata(pv2.metadata().withAnnotation("pv.kubernetes.io/bound-by-controller", "yes")));
        cluster.cp.settle();

        assertThat(cluster.volume("pv2").spec().claimRef()).isNull();
        assertThat(cluster.volume("pv2").metadata().annotations()).doesNotContainKey("pv.kubernetes.io/bound-by-controller");
        assertThat(cluster.volume("pv2").status().phase()).isEqualTo("Available");
        assertThat(cluster.volume("pv1").status().phase()).isEqualTo("Bound");
    }
}
