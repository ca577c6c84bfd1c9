package io.steersman.api.model.core;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.steersman.api.model.Unknown;
import java.util.Map;

/** {@code v1.HostPathVolumeSource}: a path on the node; {@code type} is e.g. DirectoryOrCreate. */
public record HostPathVolumeSource(
        String path,
        String type,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    public HostPathVolumeSource {
        unknownFields = Unknown.copy(unknownFields);
    }
}
