package io.steersman.api.model.core;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.steersman.api.model.Unknown;
import io.steersman.api.model.Values;
import java.util.List;
import java.util.Map;

/** {@code v1.SecretVolumeSource}: a Secret's keys as files. */
public record SecretVolumeSource(
        String secretName,
        List<KeyToPath> items,
        Integer defaultMode,
        Boolean optional,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    public SecretVolumeSource {
        items = Values.list(items);
        unknownFields = Unknown.copy(unknownFields);
    }
}
