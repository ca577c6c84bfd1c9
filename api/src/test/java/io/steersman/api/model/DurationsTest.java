package io.steersman.api.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Upstream's util/duration/duration_test.go. */
class DurationsTest {

    record Row(Duration d, String want) {}

    private static Duration s(long n) { return Duration.ofSeconds(n); }
    private static Duration m(long n) { return Duration.ofMinutes(n); }
    private static Duration h(long n) { return Duration.ofHours(n); }
    private static final Duration MS = Duration.ofMillis(1);

    static Stream<Row> human() {
        return Stream.of(
                new Row(s(1), "1s"), new Row(s(70), "70s"), new Row(s(190), "3m10s"), new Row(m(70), "70m"),
                new Row(h(47), "47h"), new Row(h(49), "2d1h"), new Row(h(8 * 24 + 2), "8d"), new Row(h(367 * 24), "367d"),
                new Row(h(365 * 2 * 24 + 25), "2y1d"), new Row(h(365 * 8 * 24 + 2), "8y"),
                // TestHumanDurationBoundaries
                new Row(s(-2), "<invalid>"), new Row(s(-2).plusNanos(1), "0s"), new Row(Duration.ZERO, "0s"),
                new Row(s(1).minus(MS), "0s"), new Row(m(2).minus(MS), "119s"), new Row(m(2), "2m"),
                new Row(m(2).plus(s(1)), "2m1s"), new Row(m(10).minus(MS), "9m59s"), new Row(m(10), "10m"),
                new Row(m(10).plus(s(1)), "10m"), new Row(h(3).minus(MS), "179m"), new Row(h(3), "3h"),
                new Row(h(3).plus(m(1)), "3h1m"), new Row(h(8).minus(MS), "7h59m"), new Row(h(8), "8h"),
                new Row(h(8).plus(m(59)), "8h"), new Row(h(48).minus(MS), "47h"), new Row(h(48), "2d"),
                new Row(h(49), "2d1h"), new Row(h(8 * 24).minus(MS), "7d23h"), new Row(h(8 * 24), "8d"),
                new Row(h(8 * 24 + 23), "8d"), new Row(h(2 * 365 * 24).minus(MS), "729d"), new Row(h(2 * 365 * 24), "2y"),
                new Row(h(2 * 365 * 24 + 23), "2y"), new Row(h(2 * 365 * 24 + 23).plus(m(59)), "2y"),
                new Row(h(2 * 365 * 24 + 24).minus(MS), "2y"), new Row(h(2 * 365 * 24 + 24), "2y1d"),
                new Row(h(3 * 365 * 24), "3y"), new Row(h(4 * 365 * 24), "4y"), new Row(h(5 * 365 * 24), "5y"),
                new Row(h(6 * 365 * 24), "6y"), new Row(h(7 * 365 * 24), "7y"), new Row(h(8 * 365 * 24).minus(MS), "7y364d"),
                new Row(h(8 * 365 * 24), "8y"), new Row(h(8 * 365 * 24 + 364 * 24), "8y"), new Row(h(9 * 365 * 24), "9y"));
    }

    @ParameterizedTest
    @MethodSource("human")
    void humanDuration(Row row) {
        assertThat(Durations.human(row.d())).isEqualTo(row.want());
    }

    static Stream<Row> shortHuman() {
        return Stream.of(
                new Row(s(-2), "<invalid>"), new Row(s(-2).plusNanos(1), "0s"), new Row(Duration.ZERO, "0s"),
                new Row(s(1).minus(MS), "0s"), new Row(s(1), "1s"), new Row(s(2).minus(MS), "1s"), new Row(m(1).minus(MS), "59s"),
                new Row(m(1), "1m"), new Row(m(2).minus(MS), "1m"), new Row(h(1).minus(MS), "59m"), new Row(h(1), "1h"),
                new Row(h(2).minus(MS), "1h"), new Row(h(24).minus(MS), "23h"), new Row(h(24), "1d"), new Row(h(48).minus(MS), "1d"),
                new Row(h(365 * 24).minus(MS), "364d"), new Row(h(365 * 24), "1y"), new Row(h(2 * 365 * 24).minus(MS), "1y"),
                new Row(h(2 * 365 * 24), "2y"));
    }

    @ParameterizedTest
    @MethodSource("shortHuman")
    void shortHumanDuration(Row row) {
        assertThat(Durations.shortHuman(row.d())).isEqualTo(row.want());
    }
}
