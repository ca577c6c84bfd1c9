package io.steersman.api.codec;

import io.steersman.api.client.ApiException;
import io.steersman.api.model.Status;
import java.util.List;

/**
 * A document the codec cannot turn into an object. As upstream's API server answers a body it
 * cannot decode, this is {@code 400 BadRequest} (malformed JSON or YAML, a missing apiVersion or
 * kind, an unregistered kind, a value of the wrong type), or {@code 413 RequestEntityTooLarge} when
 * a size limit is exceeded. Upstream never answers these with 422 Invalid: that is for decoded
 * objects that break a kind's rules. When the problem is at a field, {@link #field()} is its path
 * ({@code spec.template.spec.containers[0].ports[0].containerPort}), the message starts with it,
 * and the status carries it as the one cause.
 */
public class DecodeException extends ApiException {
    private final String field;

    DecodeException(Status status, String field) {
        super(status);
        this.field = field;
    }

    static DecodeException badRequest(String message, String field) {
        Status.Details details = field == null ? null
                : new Status.Details(null, null, null, null, List.of(new Status.Cause("FieldValueInvalid", message, field)), null);
        return new DecodeException(Status.failure(400, "BadRequest", message, details), field);
    }

    static DecodeException tooLarge(String message) {
        return new DecodeException(Status.failure(413, "RequestEntityTooLarge", "Request entity too large: " + message, null), null);
    }

    /** The JSON path of the offending field, or null when the document as a whole is at fault. */
    public String field() {
        return field;
    }
}
