package io.steersman.api.model.core;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.steersman.api.model.Unknown;
import io.steersman.api.model.Values;
import java.util.List;
import java.util.Map;

/** {@code v1.LoadBalancerStatus}: ingress points, each kept as its JSON object ({@code ip}, {@code hostname}, ...). */
public record LoadBalancerStatus(
        List<Map<String, Object>> ingress,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    public LoadBalancerStatus {
        ingress = Unknown.copyAll(ingress);
        unknownFields = Unknown.copy(unknownFields);
    }
}
