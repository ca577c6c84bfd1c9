package io.steersman.api.model.core;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.steersman.api.model.Unknown;
import java.time.Instant;
import java.util.Map;

/** {@code v1.PersistentVolumeStatus}: {@code phase} is Pending, Available, Bound, Released or Failed. */
public record PersistentVolumeStatus(
        String phase,
        String message,
        String reason,
        Instant lastPhaseTransitionTime,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    public static final String PENDING = "Pending";
    public static final String AVAILABLE = "Available";
    public static final String BOUND = "Bound";
    public static final String RELEASED = "Released";
    public static final String FAILED = "Failed";
    public static final PersistentVolumeStatus EMPTY = new PersistentVolumeStatus(null, null, null, null, null);

    public PersistentVolumeStatus {
        unknownFields = Unknown.copy(unknownFields);
    }

    public static PersistentVolumeStatus of(String phase) {
        return new PersistentVolumeStatus(phase, null, null, null, null);
    }
}
