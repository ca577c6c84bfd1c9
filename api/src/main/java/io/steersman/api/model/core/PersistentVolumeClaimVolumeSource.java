package io.steersman.api.model.core;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.steersman.api.model.Unknown;
import java.util.Map;

/** {@code v1.PersistentVolumeClaimVolumeSource}: a pod volume backed by a claim in the pod's namespace. */
public record PersistentVolumeClaimVolumeSource(
        String claimName,
        Boolean readOnly,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    public PersistentVolumeClaimVolumeSource {
        unknownFields = Unknown.copy(unknownFields);
    }
}
