package io.steersman.api.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Kubernetes' {@code metav1.Status}: the body of every error answer. kubectl prints
 * {@code details.causes[].field/message} for 422 and {@code message} for everything else.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Status(
        String apiVersion,
        String kind,
        ListMeta metadata,
        String status,
        String message,
        String reason,
        Details details,
        Integer code) {

    public static final String SUCCESS = "Success";
    public static final String FAILURE = "Failure";

    public static Status failure(int code, String reason, String message, Details details) {
        return new Status("v1", "Status", new ListMeta(null, null, null), FAILURE, message, reason, details, code);
    }

    public static Status success(Details details) {
        return new Status("v1", "Status", new ListMeta(null, null, null), SUCCESS, null, null, details, null);
    }

    /** What the failure is about. {@code kind} is the Kind for 422 and the resource plural otherwise, as upstream. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Details(String name, String group, String kind, String uid, List<Cause> causes, Integer retryAfterSeconds) {
        public Details {
            causes = Values.list(causes);
        }

        public Details(String name, String group, String kind) {
            this(name, group, kind, null, List.of(), null);
        }
    }

    /** One field error: {@code reason} is e.g. FieldValueInvalid or FieldValueRequired, {@code field} a JSON path. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Cause(String reason, String message, String field) {}
}
