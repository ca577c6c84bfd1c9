package io.steersman.api.model.core;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.steersman.api.model.Unknown;
import java.util.Map;

/** {@code v1.ContainerStatus}: what the node reports about one container of a pod. */
public record ContainerStatus(
        String name,
        ContainerState state,
        ContainerState lastState,
        Boolean ready,
        Integer restartCount,
        String image,
        String imageID,
        String containerID,
        Boolean started,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    public ContainerStatus {
        unknownFields = Unknown.copy(unknownFields);
    }

    public boolean isReady() {
        return Boolean.TRUE.equals(ready);
    }

    public int restartCountOrZero() {
        return restartCount == null ? 0 : restartCount;
    }
}
