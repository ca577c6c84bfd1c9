package io.steersman.api.model.core;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.steersman.api.model.Unknown;
import java.time.Instant;
import java.util.Map;

/** {@code v1.ContainerState}: at most one of waiting, running and terminated is set. */
public record ContainerState(
        Waiting waiting,
        Running running,
        Terminated terminated,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    public ContainerState {
        unknownFields = Unknown.copy(unknownFields);
    }

    /** Waiting with a reason such as ContainerCreating, ErrImagePull, ImagePullBackOff, CrashLoopBackOff. */
    public static ContainerState waiting(String reason, String message) {
        return new ContainerState(new Waiting(reason, message, null), null, null, null);
    }

    public static ContainerState running(Instant startedAt) {
        return new ContainerState(null, new Running(startedAt, null), null, null);
    }

    public static ContainerState terminated(int exitCode, String reason, Instant startedAt, Instant finishedAt) {
        return new ContainerState(null, null, new Terminated(exitCode, null, reason, null, startedAt, finishedAt, null, null), null);
    }

    /** {@code v1.ContainerStateWaiting}. */
    public record Waiting(
            String reason,
            String message,
            @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {
        public Waiting {
            unknownFields = Unknown.copy(unknownFields);
        }
    }

    /** {@code v1.ContainerStateRunning}. */
    public record Running(
            Instant startedAt,
            @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {
        public Running {
            unknownFields = Unknown.copy(unknownFields);
        }
    }

    /** {@code v1.ContainerStateTerminated}. */
    public record Terminated(
            Integer exitCode,
            Integer signal,
            String reason,
            String message,
            Instant startedAt,
            Instant finishedAt,
            String containerID,
            @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {
        public Terminated {
            unknownFields = Unknown.copy(unknownFields);
        }
    }
}
