package io.steersman.api.model.core;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.steersman.api.model.Unknown;
import java.util.Map;

/** {@code v1.PodIP} and {@code v1.HostIP}: one address, {@code {"ip": "10.244.0.5"}}. */
public record PodIP(
        String ip,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    public PodIP {
        unknownFields = Unknown.copy(unknownFields);
    }

    public static PodIP of(String ip) {
        return new PodIP(ip, null);
    }
}
