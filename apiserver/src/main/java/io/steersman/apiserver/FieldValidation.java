package io.steersman.apiserver;

import io.steersman.api.resource.ResourceType;
import java.util.ArrayList;
import java.util.List;

/**
 * Server-side field validation, as upstream's {@code fieldValidation}, of the fields the kind does not
 * define and of the fields a body names twice: Strict refuses the request (400
 * {@code strict decoding error: duplicate field "metadata.name", unknown field "spec.foo"}), Warn
 * answers one {@code Warning} header per field, Ignore keeps silent. In every case but Strict the
 * unknown fields are kept, by the model's design, and of a field named twice the last value counts.
 */
final class FieldValidation {
    private FieldValidation() {}

    /** For a patched object: only unknown fields, reported without naming the kind. */
    static void check(Exchange ex, RequestOptions.FieldValidation validation, Object decoded) {
        check(ex, validation, decoded, List.of(), null);
    }

    /**
     * For a create or update body: {@code duplicates} are the paths the body named twice; a Strict
     * refusal names the kind as upstream's decoder does ({@code Pod in version "v1" cannot be handled as a Pod: ...}).
     */
    static void check(Exchange ex, RequestOptions.FieldValidation validation, Object decoded, List<String> duplicates,
            ResourceType<?> type) {
        if (validation == RequestOptions.FieldValidation.IGNORE) {
            return;
        }
        List<String> unknown = UnknownFields.of(decoded);
        if (duplicates.isEmpty() && unknown.isEmpty()) {
            return; // every well-formed body: nothing to build on the create path
        }
        List<String> problems = new ArrayList<>();
        duplicates.forEach(f -> problems.add("duplicate field \"" + f + "\""));
        unknown.forEach(f -> problems.add("unknown field \"" + f + "\""));
        if (validation == RequestOptions.FieldValidation.STRICT) {
            String prefix = type == null ? ""
                    : type.kind() + " in version \"" + type.version() + "\" cannot be handled as a " + type.kind() + ": ";
            throw Errors.badRequest(prefix + "strict decoding error: " + String.join(", ", problems));
        }
        problems.forEach(ex::warn);
    }
}
