package io.steersman.api.model.core;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.steersman.api.model.Unknown;
import java.util.Map;

/** {@code v1.ContainerPort}; {@code protocol} defaults to TCP upstream. */
public record ContainerPort(
        String name,
        Integer containerPort,
        String protocol,
        Integer hostPort,
        String hostIP,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    public ContainerPort {
        unknownFields = Unknown.copy(unknownFields);
    }

    public static ContainerPort of(String name, int containerPort) {
        return new ContainerPort(name, containerPort, null, null, null, null);
    }
}
