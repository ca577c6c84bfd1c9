package io.steersman.api.model;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * RFC 3339 as the API writes times: {@code metav1.Time} in whole seconds
 * ({@code 2024-05-01T10:00:00Z}) and {@code metav1.MicroTime} with six fraction digits
 * ({@code 2024-05-01T10:00:00.123456Z}, used by Events and Leases). Parsing accepts any RFC 3339
 * offset and fraction. Stateless and thread-safe.
 */
public final class Times {
    private Times() {}

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSXXX");

    /** The latest second formatted: the objects written in one second mostly carry that second. */
    private record Formatted(long epochSecond, String text) {}

    private static volatile Formatted latest = new Formatted(0, "1970-01-01T00:00:00Z");

    /** {@code metav1.Time}: UTC, truncated to the second. */
    public static String format(Instant instant) {
        long second = instant.getEpochSecond();
        Formatted last = latest;
        if (last.epochSecond() == second) {
            return last.text();
        }
        String text = SECONDS.format(Instant.ofEpochSecond(second).atOffset(ZoneOffset.UTC));
        latest = new Formatted(second, text);
        return text;
    }

    /** {@code metav1.MicroTime}: UTC, truncated to the microsecond, always six digits. */
    public static String formatMicro(Instant instant) {
        return MICROS.format(instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC));
    }

    /**
     * Parses an RFC 3339 time with any offset and fraction.
     *
     * @throws IllegalArgumentException naming the text that is not RFC 3339
     */
    public static Instant parse(String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("parsing time \"" + text + "\" as RFC 3339: " + e.getMessage(), e);
        }
    }
}
