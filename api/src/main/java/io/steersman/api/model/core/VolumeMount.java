package io.steersman.api.model.core;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.steersman.api.model.Unknown;
import java.util.Map;

/** {@code v1.VolumeMount}: where a volume of the pod appears in a container. */
public record VolumeMount(
        String name,
        String mountPath,
        Boolean readOnly,
        String subPath,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    public VolumeMount {
        unknownFields = Unknown.copy(unknownFields);
    }

    public static VolumeMount of(String name, String mountPath) {
        return new VolumeMount(name, mountPath, null, null, null);
    }
}
