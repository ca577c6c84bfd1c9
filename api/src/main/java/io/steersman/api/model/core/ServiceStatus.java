package io.steersman.api.model.core;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.steersman.api.model.Unknown;
import java.util.Map;

/** {@code v1.ServiceStatus}: only the load balancer's state, kept generic. */
public record ServiceStatus(
        LoadBalancerStatus loadBalancer,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    public static final ServiceStatus EMPTY = new ServiceStatus(null, null);

    public ServiceStatus {
        unknownFields = Unknown.copy(unknownFields);
    }
}
