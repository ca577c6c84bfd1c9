package io.steersman.api.model.discovery;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.steersman.api.model.Unknown;
import java.util.Map;

/** {@code discovery/v1.EndpointConditions}: ready, serving and terminating. */
public record EndpointConditions(
        Boolean ready,
        Boolean serving,
        Boolean terminating,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    public EndpointConditions {
        unknownFields = Unknown.copy(unknownFields);
    }

    public static EndpointConditions of(boolean ready, boolean serving, boolean terminating) {
        return new EndpointConditions(ready, serving, terminating, null);
    }
}
