package io.steersman.api.model.core;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.steersman.api.model.Unknown;
import java.util.Map;

/**
 * {@code v1.EnvVar}. {@code valueFrom} (a field, resource, ConfigMap or Secret reference) is kept as
 * its JSON object, null when absent.
 */
public record EnvVar(
        String name,
        String value,
        @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> valueFrom,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    public EnvVar {
        valueFrom = Unknown.freezeOrNull(valueFrom);
        unknownFields = Unknown.copy(unknownFields);
    }

    public static EnvVar of(String name, String value) {
        return new EnvVar(name, value, null, null);
    }
}
