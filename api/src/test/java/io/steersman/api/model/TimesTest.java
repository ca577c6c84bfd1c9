package io.steersman.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimesTest {

    @Test
    void timesAreWrittenInWholeSecondsInUtc() {
        assertThat(Times.format(Instant.parse("2024-05-01T10:00:00.987Z"))).isEqualTo("2024-05-01T10:00:00Z");
    }

    @Test
    void theSecondFormattedLastIsNeverAnswerForAnother() {
        assertThat(Times.format(Instant.parse("2024-05-01T10:00:01.100Z"))).isEqualTo("2024-05-01T10:00:01Z");
        assertThat(Times.format(Instant.parse("2024-05-01T10:00:01.900Z"))).isEqualTo("2024-05-01T10:00:01Z");
        assertThat(Times.format(Instant.parse("2024-05-01T10:00:02Z"))).isEqualTo("2024-05-01T10:00:02Z");
        assertThat(Times.format(Instant.parse("1969-12-31T23:59:59.500Z"))).isEqualTo("1969-12-31T23:59:59Z");
        assertThat(Times.format(Instant.EPOCH)).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(Times.format(Instant.parse("+12024-05-01T10:00:02Z"))).isEqualTo("+12024-05-01T10:00:02Z");
    }

    @Test
    void microTimesAlwaysCarrySixDigits() {
        assertThat(Times.formatMicro(Instant.parse("2024-05-01T10:00:00.1234567Z"))).isEqualTo("2024-05-01T10:00:00.123456Z");
        assertThat(Times.formatMicro(Instant.parse("2024-05-01T10:00:00Z"))).isEqualTo("2024-05-01T10:00:00.000000Z");
    }

    @Test
    void parsingAcceptsOffsetsAndFractions() {
        assertThat(Times.parse("2024-05-01T12:00:00+02:00")).isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
        assertThat(Times.parse("2024-05-01T10:00:00.5Z")).isEqualTo(Instant.parse("2024-05-01T10:00:00.5Z"));
        assertThatThrownBy(() -> Times.parse("yesterday")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("parsing time \"yesterday\" as RFC 3339");
    }
}
