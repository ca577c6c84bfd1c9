package io.steersman.api.model.core;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.steersman.api.model.Unknown;
import java.util.Map;

/** {@code v1.KeyToPath}: projects one key of a ConfigMap or Secret to a relative file path. */
public record KeyToPath(
        String key,
        String path,
        Integer mode,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    public KeyToPath {
        unknownFields = Unknown.copy(unknownFields);
    }
}
