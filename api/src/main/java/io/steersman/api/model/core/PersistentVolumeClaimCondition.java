package io.steersman.api.model.core;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.steersman.api.model.Unknown;
import java.time.Instant;
import java.util.Map;

/** {@code v1.PersistentVolumeClaimCondition} (Resizing, FileSystemResizePending, ...). */
public record PersistentVolumeClaimCondition(
        String type,
        String status,
        Instant lastProbeTime,
        Instant lastTransitionTime,
        String reason,
        String message,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    public PersistentVolumeClaimCondition {
        unknownFields = Unknown.copy(unknownFields);
    }
}
