package io.steersman.core.node;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations written as Go and kubectl write them ({@code 30s}, {@code 1m30s}, {@code 500ms},
 * {@code 2h}), or a bare number of seconds ({@code 30}), as users type them into annotations.
 */
final class GoDuration {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");

    private GoDuration() {}

    /** Empty when {@code text} is not a non-negative duration. */
    static Optional<Duration> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.strip();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.chars().allMatch(Character::isDigit)) {
            return value.length() > 12 ? Optional.empty() : Optional.of(Duration.ofSeconds(Long.parseLong(value)));
        }
        Matcher matcher = PART.matcher(value);
        long nanos = 0;
        int end = 0;
        while (matcher.find()) {
            if (matcher.start() != end) {
                return Optional.empty();
            }
            end = matcher.end();
            double amount = Double.parseDouble(matcher.group(1));
            nanos += (long) (amount * unitNanos(matcher.group(2)));
        }
        return end == value.length() && end > 0 ? Optional.of(Duration.ofNanos(nanos)) : Optional.empty();
    }

    private static double unitNanos(String unit) {
        return switch (unit) {
            case "ns" -> 1;
            case "us", "µs" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "m" -> 60e9;
            default -> 3600e9;
        };
    }
}
