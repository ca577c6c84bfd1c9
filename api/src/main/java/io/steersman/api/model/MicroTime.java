package io.steersman.api.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * {@code metav1.MicroTime}: an instant with microsecond precision, written as RFC 3339 with six
 * fractional digits ({@code 2026-11-26T00:33:08.123456Z}), as upstream writes an Event's
 * {@code eventTime} and a Lease's {@code renewTime}. Finer digits are dropped.
 */
public record MicroTime(Instant value) implements Comparable<MicroTime> {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSX").withZone(ZoneOffset.UTC);

    public MicroTime {
        if (value == null) {
            throw new IllegalArgumentException("a MicroTime needs an instant");
        }
        value = value.truncatedTo(ChronoUnit.MICROS);
    }

    public static MicroTime of(Instant value) {
        return new MicroTime(value);
    }

    /** Parses RFC 3339 with or without fractional seconds, with {@code Z} or a numeric offset. */
    @JsonCreator
    public static MicroTime parse(String text) {
        try {
            return new MicroTime(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an RFC 3339 time: \"" + text + "\"", e);
        }
    }

    @JsonValue
    @Override
    public String toString() {
        return FORMAT.format(value);
    }

    @Override
    public int compareTo(MicroTime other) {
        return value.compareTo(other.value);
    }
}
