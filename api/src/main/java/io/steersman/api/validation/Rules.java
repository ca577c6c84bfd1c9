package io.steersman.api.validation;

import io.steersman.api.resource.FieldError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** Upstream's small validation helpers (ValidateNonnegativeField, ValidateImmutableField, ...). */
final class Rules {
    private Rules() {}

    static final String IS_NEGATIVE = "must be greater than or equal to 0";
    static final String IS_NOT_POSITIVE = "must be greater than zero";
    static final String IMMUTABLE = "field is immutable";

    /** {@code ValidateNonnegativeField}; null (unset) is fine. */
    static List<FieldError> nonNegative(Number value, FieldPath path) {
        if (value != null && value.longValue() < 0) {
            return List.of(FieldError.invalid(path.toString(), value, IS_NEGATIVE));
        }
        return List.of();
    }

    /** {@code ValidatePositiveField}; null (unset) is fine. */
    static List<FieldError> positive(Number value, FieldPath path) {
        if (value != null && value.longValue() <= 0) {
            return List.of(FieldError.invalid(path.toString(), value, IS_NOT_POSITIVE));
        }
        return List.of();
    }

    /** {@code ValidateImmutableField}: {@code rendered} is how the bad value prints. */
    static List<FieldError> immutable(Object newValue, Object oldValue, Object rendered, FieldPath path) {
        if (!Objects.equals(newValue, oldValue)) {
            return List.of(FieldError.invalid(path.toString(), rendered, IMMUTABLE));
        }
        return List.of();
    }

    static List<FieldError> immutable(Object newValue, Object oldValue, FieldPath path) {
        return immutable(newValue, oldValue, newValue, path);
    }

    /** {@code field.NotSupported}: {@code Unsupported value: "x": supported values: "a", "b"}. */
    static FieldError notSupported(FieldPath path, Object value, String... supported) {
        String list = Arrays.stream(supported).map(GoValue::quote).collect(Collectors.joining(", "));
        return FieldError.notSupported(path.toString(), value, "supported values: " + list);
    }

    static FieldError required(FieldPath path) {
        return FieldError.required(path.toString(), "");
    }

    static FieldError required(FieldPath path, String detail) {
        return FieldError.required(path.toString(), detail);
    }

    static FieldError invalid(FieldPath path, Object value, String detail) {
        return FieldError.invalid(path.toString(), value, detail);
    }

    static FieldError forbidden(FieldPath path, String detail) {
        return FieldError.forbidden(path.toString(), detail);
    }

    /** One Invalid error per broken rule, as upstream turns a check's messages into field errors. */
    static List<FieldError> each(List<String> messages, FieldPath path, Object value) {
        List<FieldError> errors = new ArrayList<>(messages.size());
        for (String msg : messages) {
            errors.add(FieldError.invalid(path.toString(), value, msg));
        }
        return errors;
    }

    static List<FieldError> dns1123Label(String value, FieldPath path) {
        return each(Names.isDNS1123Label(value), path, value);
    }

    static List<FieldError> dns1123Subdomain(String value, FieldPath path) {
        return each(Names.isDNS1123Subdomain(value), path, value);
    }

    static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }
}
