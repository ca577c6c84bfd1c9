package io.steersman.api.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * {@code metav1.MicroTime}: an instant with microsecond precision, written as RFC 3339 with six
 * fractional digits ({@code 2026-11-26T00:33:08.123456Z}), as upstream writes an Event's
 * {@code eventTime} and a Lease's {@code renewTime}. Finer digits are dropped.
 */
public record MicroTime(Instant value) implements Comparable<MicroTime> {

    public MicroTime {
        if (value == null) {
            throw new IllegalArgumentException("a MicroTime needs an instant");
        }
        value = value.truncatedTo(ChronoUnit.MICROS);
    }

    public static MicroTime of(Instant value) {
        return new MicroTime(value);
    }

    /**
     * Parses RFC 3339 with or without fractional seconds, with {@code Z} or a numeric offset.
     *
     * @throws IllegalArgumentException naming the text that is not RFC 3339
     */
    @JsonCreator
    public static MicroTime parse(String text) {
        return new MicroTime(Times.parse(text));
    }

    @JsonValue
    @Override
    public String toString() {
        return Times.formatMicro(value);
    }

    @Override
    public int compareTo(MicroTime other) {
        return value.compareTo(other.value);
    }
}
