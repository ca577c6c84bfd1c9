package io.steersman.api.model.core;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.steersman.api.model.LabelSelector;
import io.steersman.api.model.Unknown;
import io.steersman.api.model.Values;
import java.util.List;
import java.util.Map;

/**
 * {@code v1.PersistentVolumeClaimSpec}. {@code volumeName} names the bound volume; {@code dataSource}
 * and {@code dataSourceRef} are kept as their JSON objects, null when absent.
 */
public record PersistentVolumeClaimSpec(
        List<String> accessModes,
        LabelSelector selector,
        ResourceRequirements resources,
        String volumeName,
        String storageClassName,
        String volumeMode,
        @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> dataSource,
        @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> dataSourceRef,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    public static final PersistentVolumeClaimSpec EMPTY = new PersistentVolumeClaimSpec(null, null, null, null, null, null, null, null, null);

    public PersistentVolumeClaimSpec {
        accessModes = Values.list(accessModes);
        dataSource = Unknown.freezeOrNull(dataSource);
        dataSourceRef = Unknown.freezeOrNull(dataSourceRef);
        unknownFields = Unknown.copy(unknownFields);
    }

    public PersistentVolumeClaimSpec withVolumeName(String volumeName) {
        return new PersistentVolumeClaimSpec(accessModes, selector, resources, volumeName, storageClassName, volumeMode,
                dataSource, dataSourceRef, unknownFields);
    }

    public PersistentVolumeClaimSpec withStorageClassName(String storageClassName) {
        return new PersistentVolumeClaimSpec(accessModes, selector, resources, volumeName, storageClassName, volumeMode,
                dataSource, dataSourceRef, unknownFields);
    }
}
