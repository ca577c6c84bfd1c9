package io.steersman.api.model.core;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.steersman.api.model.Unknown;
import java.util.Map;

/** {@code v1.EventSource}: the component (and host) that reported an event. */
public record EventSource(
        String component,
        String host,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    public EventSource {
        unknownFields = Unknown.copy(unknownFields);
    }

    public static EventSource of(String component) {
        return new EventSource(component, null, null);
    }
}
