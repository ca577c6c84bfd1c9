package io.steersman.apiserver;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Server-side field validation of unknown fields, as upstream's {@code fieldValidation}: Strict refuses
 * the request (400 {@code strict decoding error: unknown field "spec.foo"}), Warn answers one
 * {@code Warning} header per field, Ignore keeps silent. In every case but Strict the unknown fields
 * are kept, by the model's design.
 */
final class FieldValidation {
    private FieldValidation() {}

    static void check(Exchange ex, RequestOptions.FieldValidation validation, Object decoded) {
        if (validation == RequestOptions.FieldValidation.IGNORE) {
            return;
        }
        List<String> unknown = UnknownFields.of(decoded);
        if (unknown.isEmpty()) {
            return;
        }
        if (validation == RequestOptions.FieldValidation.STRICT) {
            throw Errors.badRequest("strict decoding error: "
                    + unknown.stream().map(f -> "unknown field \"" + f + "\"").collect(Collectors.joining(", ")));
        }
        unknown.forEach(f -> ex.warn("unknown field \"" + f + "\""));
    }
}
