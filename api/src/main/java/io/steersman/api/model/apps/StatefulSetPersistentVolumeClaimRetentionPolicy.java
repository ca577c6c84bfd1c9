package io.steersman.api.model.apps;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.steersman.api.model.Unknown;
import java.util.Map;

/** {@code apps/v1.StatefulSetPersistentVolumeClaimRetentionPolicy}: Retain (the default) or Delete, per case. */
public record StatefulSetPersistentVolumeClaimRetentionPolicy(
        String whenDeleted,
        String whenScaled,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    public static final String RETAIN = "Retain";
    public static final String DELETE = "Delete";

    public StatefulSetPersistentVolumeClaimRetentionPolicy {
        unknownFields = Unknown.copy(unknownFields);
    }
}
