package io.steersman.api.model.core;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.steersman.api.model.Quantity;
import io.steersman.api.model.Unknown;
import io.steersman.api.model.Values;
import java.util.List;
import java.util.Map;

/**
 * {@code v1.PersistentVolumeSpec}. The {@code hostPath} source is typed; {@code local}, {@code nfs},
 * {@code csi} and {@code nodeAffinity} are kept as their JSON objects, other sources in
 * {@link #unknownFields}. {@code persistentVolumeReclaimPolicy} is Retain, Delete or Recycle.
 */
public record PersistentVolumeSpec(
        Map<String, Quantity> capacity,
        List<String> accessModes,
        ObjectReference claimRef,
        String persistentVolumeReclaimPolicy,
        String storageClassName,
        List<String> mountOptions,
        String volumeMode,
        HostPathVolumeSource hostPath,
        @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> local,
        @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> nfs,
        @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> csi,
        @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> nodeAffinity,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    public static final PersistentVolumeSpec EMPTY =
            new PersistentVolumeSpec(null, null, null, null, null, null, null, null, null, null, null, null, null);

    public PersistentVolumeSpec {
        capacity = Values.map(capacity);
        accessModes = Values.list(accessModes);
        mountOptions = Values.list(mountOptions);
        local = Unknown.freezeOrNull(local);
        nfs = Unknown.freezeOrNull(nfs);
        csi = Unknown.freezeOrNull(csi);
        nodeAffinity = Unknown.freezeOrNull(nodeAffinity);
        unknownFields = Unknown.copy(unknownFields);
    }

    public PersistentVolumeSpec withClaimRef(ObjectReference claimRef) {
        return new PersistentVolumeSpec(capacity, accessModes, claimRef, persistentVolumeReclaimPolicy, storageClassName,
                mountOptions, volumeMode, hostPath, local, nfs, csi, nodeAffinity, unknownFields);
    }
}
