package io.steersman.api.model.autoscaling;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.steersman.api.model.Unknown;
import java.util.Map;

/** {@code autoscaling/v1.ScaleStatus}: observed replicas and the pods' label selector in string form ({@code app=nginx}). */
public record ScaleStatus(
        Integer replicas,
        String selector,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    public static final ScaleStatus EMPTY = new ScaleStatus(null, null, null);

    public ScaleStatus {
        unknownFields = Unknown.copy(unknownFields);
    }

    public static ScaleStatus of(int replicas, String selector) {
        return new ScaleStatus(replicas, selector, null);
    }
}
