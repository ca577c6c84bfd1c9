package io.steersman.storage;

import io.steersman.api.controller.PluginSettings;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.Quantity;
import io.steersman.api.model.core.HostPathVolumeSource;
import io.steersman.api.model.core.ObjectReference;
import io.steersman.api.model.core.PersistentVolume;
import io.steersman.api.model.core.PersistentVolumeClaim;
import io.steersman.api.model.core.PersistentVolumeSpec;
import io.steersman.api.model.storage.StorageClass;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Steersman's built-in provisioner, {@value #NAME}: a claim of a class with this provisioner gets a
 * hostPath volume {@code pvc-<claim uid>} of the size it asks for, as kind's and k3s's local-path
 * provisioner gives one. The directory is {@code <volume dir>/pvc-<uid>_<namespace>_<name>} (local-path's
 * naming), made when the volume is provisioned and removed with it. The volume dir is the setting
 * {@value #VOLUME_DIR}, else {@code <steersman.data-dir>/volumes} (the launcher sets its data dir);
 * with neither, as in an in-memory test cluster, the volumes are simulated: the path is
 * {@value #SIMULATED_ROOT}{@code /...} and nothing is made on disk. Stateless and thread-safe.
 */
final class HostPathProvisioner {
    static final String NAME = "steersman.io/hostpath";
    static final String VOLUME_DIR = "steersman.storage.volume-dir";
    static final String DATA_DIR = "steersman.data-dir";
    static final String SIMULATED_ROOT = "/var/lib/steersman/volumes";

    private final Optional<Path> root;

    @Inject
    HostPathProvisioner(PluginSettings settings) {
        Optional<String> dir = settings.get(VOLUME_DIR).or(() -> settings.get(DATA_DIR).map(d -> Path.of(d, "volumes").toString()));
        this.root = dir.filter(d -> !d.isBlank()).map(d -> Path.of(d).toAbsolutePath().normalize());
    }

    /** The name upstream gives a provisioned volume: {@code pvc-<claim uid>}. */
    static String volumeName(PersistentVolumeClaim claim) {
        return "pvc-" + claim.uid();
    }

    /** Why this provisioner cannot make a volume for the claim, if it cannot: a directory is no block device. */
    static Optional<String> refusal(PersistentVolumeClaim claim) {
        if ("Block".equals(claim.spec().volumeMode())) {
            return Optional.of("volumeMode Block is not supported by " + NAME);
        }
        return Optional.empty();
    }

    /**
     * Makes the volume's directory (when volumes are real) and returns the volume to create: bound
     * to the claim by the controller, annotated as provisioned by {@value #NAME}, with the class's
     * reclaim policy and mount options and the claim's size, access modes and volume mode.
     */
    PersistentVolume provision(PersistentVolumeClaim claim, StorageClass storageClass) {
        String dirName = volumeName(claim) + "_" + claim.namespace() + "_" + claim.name();
        Path path = root.map(r -> r.resolve(dirName)).orElse(Path.of(SIMULATED_ROOT, dirName));
        if (root.isPresent()) {
            try {
                Files.createDirectories(path);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the directory " + path + ": " + e.getMessage(), e);
            }
        }
        Quantity size = claim.spec().resources().requests().get("storage");
        ObjectMeta meta = ObjectMeta.builder()
                .name(volumeName(claim))
                .annotations(Map.of(Annotations.BOUND_BY_CONTROLLER, Annotations.YES, Annotations.PROVISIONED_BY, NAME))
                .build();
        PersistentVolumeSpec spec = new PersistentVolumeSpec(Map.of("storage", size), claim.spec().accessModes(),
                ObjectReference.to(claim), storageClass.reclaimPolicyOrDefault(), storageClass.name(), storageClass.mountOptions(),
                claim.spec().volumeMode(), new HostPathVolumeSource(path.toString(), "DirectoryOrCreate", null),
                null, null, null, null, null);
        return PersistentVolume.of(meta, spec);
    }

    /**
     * Removes a provisioned volume's directory with everything in it. Only a directory inside the
     * volume dir is touched: a simulated volume, or one whose path was changed to point elsewhere,
     * has nothing to remove here.
     */
    void delete(PersistentVolume volume) {
        if (root.isEmpty() || volume.spec().hostPath() == null || volume.spec().hostPath().path() == null) {
            return;
        }
        Path path = Path.of(volume.spec().hostPath().path()).toAbsolutePath().normalize();
        if (!path.startsWith(root.get()) || path.equals(root.get()) || !Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the directory " + path + ": " + e.getMessage(), e);
        }
    }
}
