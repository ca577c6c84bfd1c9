package io.steersman.api.resource;

import io.steersman.api.model.Status;

/**
 * One broken rule: the JSON path of the field ({@code spec.template.metadata.labels}), upstream's
 * error type and a message. {@link #message()} reads as kubectl prints it:
 * {@code Invalid value: -1: must be greater than or equal to 0}.
 */
public record FieldError(Type type, String field, String detail, Object badValue) {

    /** Upstream's field error types, with the reason and the words it prints for each. */
    public enum Type {
        INVALID("FieldValueInvalid", "Invalid value"),
        REQUIRED("FieldValueRequired", "Required value"),
        DUPLICATE("FieldValueDuplicate", "Duplicate value"),
        NOT_SUPPORTED("FieldValueNotSupported", "Unsupported value"),
        FORBIDDEN("FieldValueForbidden", "Forbidden"),
        TOO_LONG("FieldValueTooLong", "Too long"),
        UNKNOWN_FIELD("FieldValueUnknown", "Unknown field"),
        NOT_FOUND("FieldValueNotFound", "Not found"),
        TOO_MANY("FieldValueTooMany", "Too many");

        private final String reason;
        private final String words;

        Type(String reason, String words) {
            this.reason = reason;
            this.words = words;
        }

        public String reason() { return reason; }
        public String words() { return words; }
    }

    public static FieldError invalid(String field, Object value, String detail) {
        return new FieldError(Type.INVALID, field, detail, value);
    }

    public static FieldError required(String field, String detail) {
        return new FieldError(Type.REQUIRED, field, detail, null);
    }

    public static FieldError notSupported(String field, Object value, String detail) {
        return new FieldError(Type.NOT_SUPPORTED, field, detail, value);
    }

    public static FieldError forbidden(String field, String detail) {
        return new FieldError(Type.FORBIDDEN, field, detail, null);
    }

    public static FieldError duplicate(String field, Object value) {
        return new FieldError(Type.DUPLICATE, field, null, value);
    }

    public static FieldError notFound(String field, Object value) {
        return new FieldError(Type.NOT_FOUND, field, null, value);
    }

    /** As upstream's {@code field.TooMany}: {@code Too many: 1001: must have at most 1000 items}. */
    public static FieldError tooMany(String field, int actual, int max) {
        return new FieldError(Type.TOO_MANY, field, "must have at most " + max + " items", actual);
    }

    /** As upstream's {@code field.TooLong}: {@code Too long: may not be more than 262144 bytes}. */
    public static FieldError tooLong(String field, long maxBytes) {
        return new FieldError(Type.TOO_LONG, field, "may not be more than " + maxBytes + " bytes", null);
    }

    /** As upstream's {@code field.Error.ErrorBody()}. */
    public String message() {
        StringBuilder s = new StringBuilder(type.words());
        if (type == Type.INVALID || type == Type.DUPLICATE || type == Type.NOT_SUPPORTED || type == Type.NOT_FOUND
                || type == Type.TOO_MANY) {
            s.append(": ").append(badValue instanceof String str ? '"' + str + '"' : String.valueOf(badValue));
        }
        if (detail != null && !detail.isEmpty()) {
            s.append(": ").append(detail);
        }
        return s.toString();
    }

    /** As upstream's {@code field.Error.Error()}: {@code spec.replicas: Invalid value: -1: must be ...}. */
    @Override
    public String toString() {
        return field + ": " + message();
    }

    public Status.Cause toCause() {
        return new Status.Cause(type.reason(), message(), field);
    }
}
