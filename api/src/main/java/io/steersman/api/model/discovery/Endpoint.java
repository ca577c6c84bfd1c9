package io.steersman.api.model.discovery;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.steersman.api.model.Unknown;
import io.steersman.api.model.Values;
import io.steersman.api.model.core.ObjectReference;
import java.util.List;
import java.util.Map;

/** {@code discovery/v1.Endpoint}: one backend's addresses and state. */
public record Endpoint(
        List<String> addresses,
        EndpointConditions conditions,
        String hostname,
        ObjectReference targetRef,
        String nodeName,
        String zone,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    public Endpoint {
        addresses = Values.list(addresses);
        unknownFields = Unknown.copy(unknownFields);
    }
}
