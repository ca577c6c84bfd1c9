package io.steersman.api.model.apps;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.steersman.api.model.Unknown;
import java.util.Map;

/** {@code apps/v1.StatefulSetOrdinals}: the first ordinal ({@code start}, default 0). */
public record StatefulSetOrdinals(
        Integer start,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    public StatefulSetOrdinals {
        unknownFields = Unknown.copy(unknownFields);
    }
}
