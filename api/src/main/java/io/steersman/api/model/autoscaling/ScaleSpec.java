package io.steersman.api.model.autoscaling;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.steersman.api.model.Unknown;
import java.util.Map;

/** {@code autoscaling/v1.ScaleSpec}: the desired replicas. */
public record ScaleSpec(
        Integer replicas,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    public static final ScaleSpec EMPTY = new ScaleSpec(null, null);

    public ScaleSpec {
        unknownFields = Unknown.copy(unknownFields);
    }

    public static ScaleSpec of(int replicas) {
        return new ScaleSpec(replicas, null);
    }
}
