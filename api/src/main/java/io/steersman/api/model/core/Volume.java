package io.steersman.api.model.core;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.steersman.api.model.Unknown;
import java.util.Map;

/**
 * {@code v1.Volume}: a name and one source. The sources controllers and the node agent look at are
 * typed; every other source (nfs, csi, projected, downwardAPI, ...) is kept in {@link #unknownFields}.
 */
public record Volume(
        String name,
        PersistentVolumeClaimVolumeSource persistentVolumeClaim,
        EmptyDirVolumeSource emptyDir,
        ConfigMapVolumeSource configMap,
        SecretVolumeSource secret,
        HostPathVolumeSource hostPath,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    public Volume {
        unknownFields = Unknown.copy(unknownFields);
    }

    /** The volume a StatefulSet adds for a claim template: {@code claimName} is the claim's name. */
    public static Volume ofClaim(String name, String claimName) {
        return new Volume(name, new PersistentVolumeClaimVolumeSource(claimName, null, null), null, null, null, null, null);
    }

    public static Volume emptyDir(String name) {
        return new Volume(name, null, EmptyDirVolumeSource.EMPTY, null, null, null, null);
    }

    public Volume withPersistentVolumeClaim(PersistentVolumeClaimVolumeSource source) {
        return new Volume(name, source, emptyDir, configMap, secret, hostPath, unknownFields);
    }
}
