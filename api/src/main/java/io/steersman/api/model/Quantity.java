package io.steersman.api.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * {@code resource.Quantity}: {@code 1Gi}, {@code 500Mi}, {@code 100m}, {@code 1e3}. Written back as
 * given; {@link io.steersman.api.model.Quantities} parses, compares and prints the canonical form.
 */
public record Quantity(String value) {

    @JsonCreator
    public static Quantity of(Object value) {
        if (value instanceof String s) {
            return new Quantity(s);
        }
        if (value instanceof Number n) {
            return new Quantity(n.toString());
        }
        throw new IllegalArgumentException("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
