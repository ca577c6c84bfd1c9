package io.steersman.api.client;

import io.steersman.api.model.Status;

/**
 * A request the API refused. Carries the {@link Status} the API server sends, so a failure inside
 * the JVM and one over HTTP read the same. Subclasses name the cases controllers handle.
 */
public class ApiException extends RuntimeException {
    private final transient Status status;

    public ApiException(Status status) {
        super(status.message());
        this.status = status;
    }

    public Status status() {
        return status;
    }

    public int code() {
        return status.code() == null ? 500 : status.code();
    }

    public String reason() {
        return status.reason();
    }

    public static ApiException of(Status status) {
        String reason = status.reason() == null ? "" : status.reason();
        return switch (reason) {
            case "NotFound" -> new NotFoundException(status);
            case "AlreadyExists" -> new AlreadyExistsException(status);
            case "Conflict" -> new ConflictException(status);
            case "Invalid" -> new InvalidException(status);
            case "Gone", "Expired" -> new GoneException(status);
            default -> new ApiException(status);
        };
    }
}
