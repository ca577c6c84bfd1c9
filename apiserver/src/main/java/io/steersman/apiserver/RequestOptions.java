package io.steersman.apiserver;

import io.steersman.api.selector.FieldSelector;
import io.steersman.api.selector.Selector;
import io.steersman.api.selector.SelectorParseException;
import io.steersman.core.store.WriteOptions;
import java.util.List;

/** The query parameters of resource requests, parsed and checked as upstream does. */
final class RequestOptions {
    enum FieldValidation { STRICT, WARN, IGNORE }

    private RequestOptions() {}

    static Selector labelSelector(Exchange ex) {
        try {
            return Selector.parse(ex.query("labelSelector"));
        } catch (SelectorParseException e) {
            throw Errors.badRequest(e.getMessage());
        }
    }

    static FieldSelector fieldSelector(Exchange ex) {
        String value = ex.query("fieldSelector");
        if (value == null) {
            return FieldSelector.everything();
        }
        try {
            return FieldSelector.parse(value);
        } catch (SelectorParseException e) {
            throw Errors.badRequest(e.getMessage());
        }
    }

    static long nonNegative(Exchange ex, String name, String kind) {
        String value = ex.query(name);
        if (value == null) {
            return 0;
        }
        try {
            long parsed = Long.parseLong(value);
            if (parsed < 0) {
                throw Errors.invalidParameter(kind, name, parsed, "must be greater than or equal to 0");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw Errors.badRequest("invalid value for " + name + ": \"" + value + "\" is not an integer");
        }
    }

    static boolean dryRun(Exchange ex) {
        List<String> values = ex.queryValues("dryRun");
        for (String value : values) {
            if (!value.equals("All")) {
                throw Errors.invalidParameter("DryRun", "dryRun", value, "supported values: \"All\"");
            }
        }
        return !values.isEmpty();
    }

    static WriteOptions write(Exchange ex) {
        String manager = ex.query("fieldManager");
        if (manager != null && manager.length() > 128) {
            throw Errors.invalidParameter("PatchOptions", "fieldManager", manager, "must be at most 128 characters");
        }
        return new WriteOptions(dryRun(ex), manager);
    }

    /** {@code fieldValidation}: Strict, Warn (the default, as upstream) or Ignore. */
    static FieldValidation fieldValidation(Exchange ex) {
        String value = ex.query("fieldValidation");
        if (value == null) {
            return FieldValidation.WARN;
        }
        return switch (value) {
            case "Strict" -> FieldValidation.STRICT;
            case "Warn" -> FieldValidation.WARN;
            case "Ignore" -> FieldValidation.IGNORE;
            default -> throw Errors.badRequest("fieldValidation: Unsupported value: \"" + value
                    + "\": supported values: \"Ignore\", \"Warn\", \"Strict\"");
        };
    }
}
