package io.steersman.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ManualClockTest {

    @Test
    void startsAtAFixedInstantAndMovesOnlyWhenTold() {
        ManualClock clock = new ManualClock();

        assertThat(clock.now()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
        assertThat(clock.advance(Duration.ofMinutes(10))).isEqualTo(Instant.parse("2025-01-01T00:10:00Z"));
        clock.set(Instant.parse("2025-06-01T12:00:00Z"));
        assertThat(clock.now()).isEqualTo(Instant.parse("2025-06-01T12:00:00Z"));
    }

    @Test
    void neverGoesBackwards() {
        ManualClock clock = new ManualClock();

        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only moves forward");
        assertThatThrownBy(() -> clock.set(Instant.parse("2024-12-31T23:59:59Z"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is before 2025-01-01T00:00:00Z");
    }
}
