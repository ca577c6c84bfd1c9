package io.steersman.api.model.core;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.steersman.api.model.Quantity;
import io.steersman.api.model.Unknown;
import java.util.Map;

/** {@code v1.EmptyDirVolumeSource}; usually written {@code emptyDir: {}}, which round-trips as such. */
public record EmptyDirVolumeSource(
        String medium,
        Quantity sizeLimit,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    public static final EmptyDirVolumeSource EMPTY = new EmptyDirVolumeSource(null, null, null);

    public EmptyDirVolumeSource {
        unknownFields = Unknown.copy(unknownFields);
    }
}
