package io.steersman.api.model.core;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.steersman.api.model.Unknown;
import java.util.Map;

/** {@code v1.EndpointPort} (the same shape serves {@code discovery/v1.EndpointPort}). */
public record EndpointPort(
        String name,
        Integer port,
        String protocol,
        String appProtocol,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    public EndpointPort {
        unknownFields = Unknown.copy(unknownFields);
    }
}
