package io.steersman.api.model.core;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.steersman.api.model.Unknown;
import io.steersman.api.model.Values;
import java.util.List;
import java.util.Map;

/** {@code v1.EndpointSubset}: addresses (ready or not) that share a set of ports. */
public record EndpointSubset(
        List<EndpointAddress> addresses,
        List<EndpointAddress> notReadyAddresses,
        List<EndpointPort> ports,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    public EndpointSubset {
        addresses = Values.list(addresses);
        notReadyAddresses = Values.list(notReadyAddresses);
        ports = Values.list(ports);
        unknownFields = Unknown.copy(unknownFields);
    }
}
