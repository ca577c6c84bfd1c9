package io.steersman.distribution;

import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Durations as kubectl writes them ({@code 90s}, {@code 5m}, {@code 1h30m}) or in ISO-8601 ({@code PT5M}). */
final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        String text = value.trim();
        try {
            if (text.toUpperCase(java.util.Locale.ROOT).startsWith("PT")) {
                return Duration.parse(text);
            }
            if (!text.matches("(\\d+h)?(\\d+m)?(\\d+s)?") || text.isEmpty()) {
                throw new IllegalArgumentException();
            }
            return Duration.parse("PT" + text.toUpperCase(java.util.Locale.ROOT));
        } catch (RuntimeException e) {
            throw new TypeConversionException("'" + value + "' is not a duration (examples: 90s, 5m, 1h30m)");
        }
    }
}
