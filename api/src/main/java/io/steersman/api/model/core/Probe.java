package io.steersman.api.model.core;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.steersman.api.model.Unknown;
import java.util.Map;

/**
 * {@code v1.Probe}: the timing fields are typed; the handler ({@code httpGet}, {@code tcpSocket},
 * {@code exec}, {@code grpc}) is kept as its JSON object, null when absent.
 */
public record Probe(
        @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> httpGet,
        @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> tcpSocket,
        @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> exec,
        @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> grpc,
        Integer initialDelaySeconds,
        Integer timeoutSeconds,
        Integer periodSeconds,
        Integer successThreshold,
        Integer failureThreshold,
        Long terminationGracePeriodSeconds,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    public Probe {
        httpGet = Unknown.freezeOrNull(httpGet);
        tcpSocket = Unknown.freezeOrNull(tcpSocket);
        exec = Unknown.freezeOrNull(exec);
        grpc = Unknown.freezeOrNull(grpc);
        unknownFields = Unknown.copy(unknownFields);
    }

    /** {@code initialDelaySeconds}, or upstream's default 0. */
    public int initialDelaySecondsOrDefault() {
        return initialDelaySeconds == null ? 0 : initialDelaySeconds;
    }

    /** {@code periodSeconds}, or upstream's default 10. */
    public int periodSecondsOrDefault() {
        return periodSeconds == null ? 10 : periodSeconds;
    }

    /** {@code failureThreshold}, or upstream's default 3. */
    public int failureThresholdOrDefault() {
        return failureThreshold == null ? 3 : failureThreshold;
    }

    /** {@code successThreshold}, or upstream's default 1. */
    public int successThresholdOrDefault() {
        return successThreshold == null ? 1 : successThreshold;
    }
}
