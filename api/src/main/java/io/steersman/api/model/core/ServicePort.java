package io.steersman.api.model.core;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.steersman.api.model.IntOrString;
import io.steersman.api.model.Unknown;
import java.util.Map;

/** {@code v1.ServicePort}; {@code targetPort} is a number or a container port's name. */
public record ServicePort(
        String name,
        String protocol,
        String appProtocol,
        Integer port,
        IntOrString targetPort,
        Integer nodePort,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    public ServicePort {
        unknownFields = Unknown.copy(unknownFields);
    }

    public static ServicePort of(String name, int port) {
        return new ServicePort(name, null, null, port, null, null, null);
    }
}
