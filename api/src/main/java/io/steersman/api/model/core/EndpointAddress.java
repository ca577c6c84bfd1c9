package io.steersman.api.model.core;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.steersman.api.model.Unknown;
import java.util.Map;

/** {@code v1.EndpointAddress}: one backend of a Service, usually a pod ({@code targetRef}). */
public record EndpointAddress(
        String ip,
        String hostname,
        String nodeName,
        ObjectReference targetRef,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    public EndpointAddress {
        unknownFields = Unknown.copy(unknownFields);
    }
}
