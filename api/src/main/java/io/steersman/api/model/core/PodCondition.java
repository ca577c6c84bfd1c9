package io.steersman.api.model.core;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.steersman.api.model.Unknown;
import java.time.Instant;
import java.util.Map;

/**
 * {@code v1.PodCondition}: {@code type} is PodScheduled, Initialized, ContainersReady, Ready or a
 * readiness gate's type; {@code status} is True, False or Unknown.
 */
public record PodCondition(
        String type,
        String status,
        Instant lastProbeTime,
        Instant lastTransitionTime,
        String reason,
        String message,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    public static final String POD_SCHEDULED = "PodScheduled";
    public static final String INITIALIZED = "Initialized";
    public static final String CONTAINERS_READY = "ContainersReady";
    public static final String READY = "Ready";

    public PodCondition {
        unknownFields = Unknown.copy(unknownFields);
    }

    public static PodCondition of(String type, boolean status, Instant lastTransitionTime) {
        return new PodCondition(type, status ? "True" : "False", null, lastTransitionTime, null, null, null);
    }

    public boolean isTrue() {
        return "True".equals(status);
    }
}
