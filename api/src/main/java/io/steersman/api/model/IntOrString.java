package io.steersman.api.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * {@code intstr.IntOrString}: a number ({@code 1}) or a string ({@code "25%"}, a port name), written
 * back as it came.
 */
public record IntOrString(Integer intValue, String strValue) {

    public IntOrString {
        if ((intValue == null) == (strValue == null)) {
            throw new IllegalArgumentException("exactly one of intValue and strValue must be set");
        }
    }

    public static IntOrString of(int value) {
        return new IntOrString(value, null);
    }

    public static IntOrString of(String value) {
        return new IntOrString(null, value);
    }

    @JsonCreator
    static IntOrString fromJson(Object value) {
        if (value instanceof Integer i) {
            return of(i);
        }
        if (value instanceof Number n) {
            if (n.doubleValue() != Math.rint(n.doubleValue()) || Math.abs(n.doubleValue()) > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("must be an integer or a string, was " + n);
            }
            return of(n.intValue());
        }
        if (value instanceof String s) {
            return of(s);
        }
        throw new IllegalArgumentException("must be an integer or a string");
    }

    public boolean isInt() {
        return intValue != null;
    }

    @JsonValue
    Object toJson() {
        return isInt() ? intValue : strValue;
    }

    @Override
    public String toString() {
        return String.valueOf(toJson());
    }
}
