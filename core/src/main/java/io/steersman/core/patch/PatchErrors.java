package io.steersman.core.patch;

import io.steersman.api.client.ApiException;
import io.steersman.api.client.ConflictException;
import io.steersman.api.client.InvalidException;
import io.steersman.api.model.Status;
import java.util.List;

/**
 * The errors the patch engines raise, with the codes, reasons and messages kube-apiserver uses for
 * the same failures (k8s.io/apiserver handlers/patch.go and apimachinery api/errors).
 */
final class PatchErrors {
    private PatchErrors() {}

    /** 400: the patch document cannot be read ({@code errors.NewBadRequest}). */
    static ApiException badRequest(String message) {
        return new ApiException(Status.failure(400, "BadRequest", message, null));
    }

    /**
     * 422 as {@code errors.NewGenericServerResponse(422, ...)}: upstream answers a JSON patch that
     * does not apply with this fixed message and no details; the reason is kept as the exception's
     * cause so logs can still say what went wrong.
     */
    static ApiException unprocessable(String detail) {
        ApiException e = new InvalidException(Status.failure(422, "Invalid",
                "the server rejected our request due to an error in our request", new Status.Details(null, null, null)));
        e.initCause(new IllegalArgumentException(detail));
        return e;
    }

    /** 413: more JSON patch operations than upstream allows. */
    static ApiException tooLarge(String message) {
        return new ApiException(Status.failure(413, "RequestEntityTooLarge", "Request entity too large: " + message, null));
    }

    /** 415: the patch type is not served for this kind (strategic merge patch on a custom kind). */
    static ApiException unsupportedMediaType(List<String> accepted) {
        return new ApiException(Status.failure(415, "UnsupportedMediaType",
                "the body of the request was in an unknown format - accepted media types include: "
                        + String.join(", ", accepted), null));
    }

    /**
     * 500 with no reason: what upstream answers for a strategic merge patch error that is not one of
     * its known format errors (a list element without its merge key, an unknown {@code $patch}).
     */
    static ApiException internal(String message) {
        return new ApiException(Status.failure(500, null, message, null));
    }

    /** 409 for server-side apply conflicts ({@code errors.NewApplyConflict}). */
    static ConflictException applyConflict(String message, List<Status.Cause> causes) {
        return new ConflictException(Status.failure(409, "Conflict", message,
                new Status.Details(null, null, null, null, causes, null)));
    }
}
