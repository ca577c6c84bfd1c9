package io.steersman.api.model.apps;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.steersman.api.model.Unknown;
import java.time.Instant;
import java.util.Map;

/** {@code apps/v1.ReplicaSetCondition}: {@code type} is ReplicaFailure. {@code status} is True, False or Unknown. */
public record ReplicaSetCondition(
        String type,
        String status,
        Instant lastTransitionTime,
        String reason,
        String message,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    public static final String REPLICA_FAILURE = "ReplicaFailure";

    public ReplicaSetCondition {
        unknownFields = Unknown.copy(unknownFields);
    }

    public static ReplicaSetCondition of(String type, boolean status, String reason, String message, Instant now) {
        return new ReplicaSetCondition(type, status ? "True" : "False", now, reason, message, null);
    }

    public boolean isTrue() {
        return "True".equals(status);
    }
}
