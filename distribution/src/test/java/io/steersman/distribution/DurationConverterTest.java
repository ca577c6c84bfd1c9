package io.steersman.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {
    record Row(String text, Duration expected) {}

    static Stream<Row> durations() {
        return Stream.of(
                new Row("90s", Duration.ofSeconds(90)),
                new Row("5m", Duration.ofMinutes(5)),
                new Row("1h30m", Duration.ofMinutes(90)),
                new Row("2h", Duration.ofHours(2)),
                new Row("PT45S", Duration.ofSeconds(45)));
    }

    @ParameterizedTest
    @MethodSource("durations")
    void readsKubectlAndIsoDurations(Row row) {
        assertThat(new DurationConverter().convert(row.text())).isEqualTo(row.expected());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "5", "five minutes", "5x", "m"})
    void refusesWhatIsNotADuration(String text) {
        assertThatThrownBy(() -> new DurationConverter().convert(text))
                .isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("is not a duration");
    }
}
