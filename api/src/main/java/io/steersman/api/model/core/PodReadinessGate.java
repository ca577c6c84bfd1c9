package io.steersman.api.model.core;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.steersman.api.model.Unknown;
import java.util.Map;

/** {@code v1.PodReadinessGate}: a condition type that must be True as well for the pod to be Ready. */
public record PodReadinessGate(
        String conditionType,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    public PodReadinessGate {
        unknownFields = Unknown.copy(unknownFields);
    }
}
