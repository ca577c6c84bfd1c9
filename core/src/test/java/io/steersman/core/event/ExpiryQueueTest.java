package io.steersman.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExpiryQueueTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void entriesComeOutEarliestFirstAndOnlyOnceDue() {
        ExpiryQueue queue = new ExpiryQueue();
        queue.add(T0.plusSeconds(30), "ns", "late", "u2");
        queue.add(T0.plusSeconds(10), "ns", "early", "u1");
        queue.add(T0.plusSeconds(20), "ns", "middle", "u3");

        assertThat(queue.takeDue(T0.plusSeconds(9))).isEmpty();
        assertThat(queue.next()).isEqualTo(T0.plusSeconds(10));
        assertThat(queue.takeDue(T0.plusSeconds(20))).extracting(ExpiryQueue.Entry::name).containsExactly("early", "middle");
        assertThat(queue.size()).isEqualTo(1);
        assertThat(queue.takeDue(T0.plusSeconds(60))).extracting(ExpiryQueue.Entry::name).containsExactly("late");
        assertThat(queue.next()).isNull();
    }

    @Test
    void aSubMillisecondExpiryIsNeverDueBeforeItsTime() {
        ExpiryQueue queue = new ExpiryQueue();
        Instant expires = T0.plusNanos(1_500_000); // 1.5 ms

        queue.add(expires, "ns", "e", "u");

        assertThat(queue.takeDue(T0.plusMillis(1))).isEmpty();
        assertThat(queue.takeDue(expires)).isEmpty(); // the queue counts whole milliseconds, rounded up
        assertThat(queue.takeDue(T0.plusMillis(2))).hasSize(1);
    }
}
