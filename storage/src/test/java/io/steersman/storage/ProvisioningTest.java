package io.steersman.storage;

import static io.steersman.storage.Cluster.claimYaml;
import static io.steersman.storage.Cluster.podYaml;
import static org.assertj.core.api.Assertions.assertThat;

import io.steersman.api.model.Quantity;
import io.steersman.api.model.core.PersistentVolume;
import io.steersman.api.model.core.PersistentVolumeClaim;
import io.steersman.api.model.storage.StorageClass;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Default class, dynamic provisioning and binding modes (SEMANTICS D.2 end, D.4). */
class ProvisioningTest {

    @Test
    void newClusterHasTheDefaultClassStandard() {
        try (Cluster cluster = new Cluster()) {
            StorageClass standard = cluster.cp.get(StorageClass.class, null, "standard").orElseThrow();
            assertThat(standard.provisioner()).isEqualTo("steersman.io/hostpath");
            assertThat(standard.isDefaultClass()).isTrue();
            assertThat(standard.reclaimPolicy()).isEqualTo("Delete");
            assertThat(standard.volumeBindingMode()).isEqualTo("Immediate");
        }
    }

    @Test
    void defaultClassIsNotCreatedWhenTurnedOff() {
        try (Cluster cluster = new Cluster(Map.of(DefaultStorageClass.SETTING, "false"))) {
            assertThat(cluster.cp.list(StorageClass.class, null)).isEmpty();
        }
    }

    @Test
    void claimWithoutClassGetsTheDefaultAndAProvisionedVolume(@TempDir Path data) {
        try (Cluster cluster = new Cluster(Map.of("steersman.data-dir", data.toString()))) {
            cluster.apply(claimYaml("data", "3Gi", ""));

            PersistentVolumeClaim claim = cluster.claim("data");
            assertThat(claim.spec().storageClassName()).isEqualTo("standard");
            assertThat(claim.status().phase()).isEqualTo("Bound");
            assertThat(claim.metadata().annotations())
                    .containsEntry("volume.kubernetes.io/storage-provisioner", "steersman.io/hostpath")
                    .containsEntry("volume.beta.kubernetes.io/storage-provisioner", "steersman.io/hostpath");
            String name = "pvc-" + claim.uid();
            assertThat(claim.spec().volumeName()).isEqualTo(name);

            PersistentVolume volume = cluster.volume(name);
            assertThat(volume.status().phase()).isEqualTo("Bound");
            assertThat(volume.spec().capacity()).containsEntry("storage", new Quantity("3Gi"));
            assertThat(volume.spec().accessModes()).containsExactly("ReadWriteOnce");
            assertThat(volume.spec().persistentVolumeReclaimPolicy()).isEqualTo("Delete");
            assertThat(volume.spec().storageClassName()).isEqualTo("standard");
            assertThat(volume.metadata().annotations())
                    .containsEntry("pv.kubernetes.io/provisioned-by", "steersman.io/hostpath")
                    .containsEntry("pv.kubernetes.io/bound-by-controller", "yes");
            Path dir = data.resolve("volumes").resolve(name + "_default_data");
            assertThat(volume.spec().hostPath().path()).isEqualTo(dir.toString());
            assertThat(dir).isDirectory();
            assertThat(cluster.events("data", "ProvisioningSucceeded"))
                    .containsExactly("Successfully provisioned volume " + name + " using steersman.io/hostpath");
        }
    }

    @Test
    void provisionedVolumeTakesTheClassReclaimPolicyAndMountOptions() {
        try (Cluster cluster = new Cluster()) {
            cluster.apply("""
                    apiVersion: storage.k8s.io/v1
                    kind: StorageClass
                    metadata: {name: keep}
                    provisioner: steersman.io/hostpath
                    reclaimPolicy: Retain
                    mountOptions: [noatime]
                    """);
            cluster.apply(claimYaml("data", "1Gi", "storageClassName: keep\naccessModes: [ReadWriteMany]"));

            PersistentVolume volume = cluster.volume(cluster.claim("data").spec().volumeName());
            assertThat(volume.spec().persistentVolumeReclaimPolicy()).isEqualTo("Retain");
            assertThat(volume.spec().mountOptions()).containsExactly("noatime");
            assertThat(volume.spec().accessModes()).containsExactly("ReadWriteMany");
            // No data dir: the volume is simulated, nothing is made on disk.
            assertThat(volume.spec().hostPath().path()).startsWith("/var/lib/steersman/volumes/");
            assertThat(Files.exists(Path.of(volume.spec().hostPath().path()))).isFalse();
        }
    }

    @Test
    void staticVolumeOfTheClassIsUsedBeforeProvisioning() {
        try (Cluster cluster = new Cluster()) {
            cluster.apply(Cluster.volumeYaml("static", "5Gi", "accessModes: [ReadWriteOnce]\nstorageClassName: standard"));
            cluster.apply(claimYaml("data", "1Gi", "storageClassName: standard"));

            assertThat(cluster.claim("data").spec().volumeName()).isEqualTo("static");
            assertThat(cluster.volumes()).hasSize(1);
        }
    }

    @Test
    void waitForFirstConsumerProvisionsOnlyOnceAPodUsesTheClaim() {
        try (Cluster cluster = new Cluster()) {
            cluster.apply("""
                    apiVersion: storage.k8s.io/v1
                    kind: StorageClass
                    metadata: {name: lazy}
                    provisioner: steersman.io/hostpath
                    volumeBindingMode: WaitForFirstConsumer
                    """);
            cluster.apply(claimYaml("data", "1Gi", "storageClassName: lazy"));

            assertThat(cluster.claim("data").status().phase()).isEqualTo("Pending");
            assertThat(cluster.volumes()).isEmpty();
            assertThat(cluster.events("data", "WaitForFirstConsumer")).containsExactly("waiting for first consumer to be created before binding");

            cluster.apply(podYaml("app", "data"));

            assertThat(cluster.claim("data").status().phase()).isEqualTo("Bound");
            assertThat(cluster.claim("data").metadata().annotations()).containsEntry("volume.kubernetes.io/selected-node", "node-1");
            assertThat(cluster.volumes()).hasSize(1);
            assertThat(cluster.pod("app").spec().nodeName()).isEqualTo("node-1");
            assertThat(cluster.pod("app").status().phase()).isEqualTo("Running");
            assertThat(cluster.events("app", "FailedScheduling")).as("the pod waited for its claim without a verdict").isEmpty();
        }
    }

    @Test
    void claimOfAnExternalProvisionerWaitsForIt() {
        try (Cluster cluster = new Cluster()) {
            cluster.apply("""
                    apiVersion: storage.k8s.io/v1
                    kind: StorageClass
                    metadata: {name: ebs}
                    provisioner: ebs.csi.aws.com
                    """);
            cluster.apply(claimYaml("data", "1Gi", "storageClassName: ebs"));

            PersistentVolumeClaim claim = cluster.claim("data");
            assertThat(claim.status().phase()).isEqualTo("Pending");
            assertThat(claim.metadata().annotations())
                    .containsEntry("volume.kubernetes.io/storage-provisioner", "ebs.csi.aws.com")
                    .containsEntry("volume.beta.kubernetes.io/storage-provisioner", "ebs.csi.aws.com");
            assertThat(cluster.events("data", "ExternalProvisioning")).containsExactly(
                    "Waiting for a volume to be created either by the external provisioner 'ebs.csi.aws.com' or manually by the system "
                            + "administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.");
            assertThat(cluster.volumes()).isEmpty();

            // The external provisioner makes the volume, pre-bound to the claim; the binder finishes.
            cluster.apply("""
                    apiVersion: v1
                    kind: PersistentVolume
                    metadata:
                      name: pvc-%s
                      annotations: {pv.kubernetes.io/provisioned-by: ebs.csi.aws.com}
                    spec:
                      capacity: {storage: 1Gi}
                      accessModes: [ReadWriteOnce]
                      storageClassName: ebs
                      persistentVolumeReclaimPolicy: Delete
                      claimRef: {namespace: default, name: data, uid: %s}
                      csi: {driver: ebs.csi.aws.com, volumeHandle: vol-1}
                    """.formatted(claim.uid(), claim.uid()));
            assertThat(cluster.claim("data").status().phase()).isEqualTo("Bound");
        }
    }

    @Test
    void claimOfAMissingClassReportsProvisioningFailed() {
        try (Cluster cluster = new Cluster()) {
            cluster.apply(claimYaml("data", "1Gi", "storageClassName: nosuch"));

            assertThat(cluster.claim("data").status().phase()).isEqualTo("Pending");
            assertThat(cluster.events("data", "ProvisioningFailed")).containsExactly("storageclass.storage.k8s.io \"nosuch\" not found");
        }
    }

    @Test
    void claimMadeBeforeADefaultClassExistedGetsItRetroactively() {
        try (Cluster cluster = new Cluster(Map.of(DefaultStorageClass.SETTING, "false"))) {
            cluster.apply(claimYaml("data", "1Gi", ""));
            assertThat(cluster.claim("data").spec().storageClassName()).isNull();

            cluster.apply("""
                    apiVersion: storage.k8s.io/v1
                    kind: StorageClass
                    metadata:
                      name: late
                      annotations: {storageclass.kubernetes.io/is-default-class: "true"}
                    provisioner: steersman.io/hostpath
                    """);

            assertThat(cluster.claim("data").spec().storageClassName()).isEqualTo("late");
            assertThat(cluster.claim("data").status().phase()).isEqualTo("Bound");
        }
    }

    @Test
    void blockClaimIsRefusedByTheHostPathProvisioner() {
        try (Cluster cluster = new Cluster()) {
            cluster.apply(claimYaml("raw", "1Gi", "volumeMode: Block"));

            assertThat(cluster.claim("raw").status().phase()).isEqualTo("Pending");
            assertThat(cluster.volumes()).isEmpty();
            assertThat(cluster.events("raw", "ProvisioningFailed")).containsExactly(
                    "Failed to provision volume with StorageClass \"standard\": volumeMode Block is not supported by steersman.io/hostpath");
        }
    }
}
