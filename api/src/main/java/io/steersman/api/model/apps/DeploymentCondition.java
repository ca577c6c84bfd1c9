package io.steersman.api.model.apps;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.steersman.api.model.Unknown;
import java.time.Instant;
import java.util.Map;

/** {@code apps/v1.DeploymentCondition}: {@code type} is Available, Progressing or ReplicaFailure. {@code status} is True, False or Unknown. */
public record DeploymentCondition(
        String type,
        String status,
        Instant lastUpdateTime,
        Instant lastTransitionTime,
        String reason,
        String message,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    public static final String AVAILABLE = "Available";
    public static final String PROGRESSING = "Progressing";
    public static final String REPLICA_FAILURE = "ReplicaFailure";

    public DeploymentCondition {
        unknownFields = Unknown.copy(unknownFields);
    }

    public static DeploymentCondition of(String type, boolean status, String reason, String message, Instant now) {
        return new DeploymentCondition(type, status ? "True" : "False", now, now, reason, message, null);
    }

    public boolean isTrue() {
        return "True".equals(status);
    }
}
