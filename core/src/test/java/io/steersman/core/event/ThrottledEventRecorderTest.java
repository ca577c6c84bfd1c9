package io.steersman.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.steersman.api.controller.EventRecorder;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.core.Pod;
import io.steersman.api.model.core.PodSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ThrottledEventRecorderTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final AtomicReference<Instant> now = new AtomicReference<>(START);
    private final List<String> written = new ArrayList<>();
    private final EventRecorder sink = (involved, type, reason, format, args) -> written.add(reason);
    private final Pod pod = Pod.of(ObjectMeta.builder().namespace("default").name("web-1").build(), PodSpec.EMPTY);

    private ThrottledEventRecorder recorder(int qps, int burst, int queue) {
        return new ThrottledEventRecorder("node-1", sink, now::get, qps, burst, queue);
    }

    private void record(ThrottledEventRecorder recorder, int count) {
        int first = written.size() + recorder.queued() + (int) recorder.dropped();
        for (int i = first; i < first + count; i++) {
            recorder.normal(pod, "E" + i, "event %d", i);
        }
    }

    private void advance(Duration duration) {
        now.set(now.get().plus(duration));
    }

    /** Events recorded at once, then the clock moved on: how many are written, wait, and were dropped. */
    record Case(int qps, int burst, int queue, int recorded, Duration after, int written, int waiting, long dropped) {}

    static List<Case> cases() {
        return List.of(
                new Case(50, 100, 1000, 100, Duration.ZERO, 100, 0, 0),          // the burst goes out at once
                new Case(50, 100, 1000, 300, Duration.ZERO, 100, 200, 0),        // the rest waits
                new Case(50, 100, 1000, 300, Duration.ofMillis(19), 100, 200, 0), // less than one token refilled
                new Case(50, 100, 1000, 300, Duration.ofMillis(20), 101, 199, 0), // one token per 20 ms
                new Case(50, 100, 1000, 300, Duration.ofSeconds(1), 150, 150, 0),
                new Case(50, 100, 1000, 300, Duration.ofSeconds(4), 300, 0, 0),
                new Case(50, 100, 1000, 1500, Duration.ZERO, 100, 1000, 400),    // the queue holds 1,000, the rest is dropped
                new Case(50, 100, 1000, 1500, Duration.ofSeconds(20), 1100, 0, 400),
                new Case(10, 5, 0, 20, Duration.ofSeconds(1), 5, 0, 15),          // no queue: whatever finds no token is dropped
                new Case(0, 0, 0, 5000, Duration.ZERO, 5000, 0, 0));             // qps 0: no limit
    }

    @ParameterizedTest
    @MethodSource("cases")
    void writesTheBurstAtOnceAndTheQueueAsTokensRefill(Case c) {
        ThrottledEventRecorder recorder = recorder(c.qps(), c.burst(), c.queue());
        record(recorder, c.recorded());
        advance(c.after());
        recorder.flush();

        assertThat(written).hasSize(c.written());
        assertThat(recorder.queued()).isEqualTo(c.waiting());
        assertThat(recorder.dropped()).isEqualTo(c.dropped());
    }

    @Test
    void waitingEventsGoOutOldestFirstAndBeforeNewOnes() {
        ThrottledEventRecorder recorder = recorder(50, 2, 10);
        record(recorder, 5); // E0, E1 written; E2..E4 wait
        advance(Duration.ofMillis(20));
        record(recorder, 1); // one token: E2 goes out, E5 waits behind E3 and E4
        advance(Duration.ofMillis(80));
        recorder.flush();

        assertThat(written).containsExactly("E0", "E1", "E2", "E3", "E4", "E5");
    }

    @Test
    void flushSaysWhenTheNextWaitingEventCanGo() {
        ThrottledEventRecorder recorder = recorder(50, 100, 1000);
        assertThat(recorder.flush()).isEmpty();
        record(recorder, 102);

        assertThat(recorder.flush()).contains(START.plusMillis(20));
        advance(Duration.ofMillis(30)); // 1.5 tokens: one event out, half a token left
        assertThat(recorder.flush()).contains(START.plusMillis(40));
        advance(Duration.ofMillis(10));
        assertThat(recorder.flush()).isEmpty();
        assertThat(written).hasSize(102);
    }

    @Test
    void theBucketHoldsNoMoreThanTheBurst() {
        ThrottledEventRecorder recorder = recorder(50, 100, 1000);
        advance(Duration.ofHours(1));
        record(recorder, 150);

        assertThat(written).hasSize(100);
        assertThat(recorder.queued()).isEqualTo(50);
    }

    @Test
    void aFullQueueDropsNewEventsAndKeepsTheWaitingOnes() {
        ThrottledEventRecorder recorder = recorder(1, 1, 2);
        record(recorder, 4); // E0 written, E1 and E2 wait, E3 dropped
        advance(Duration.ofSeconds(10));
        recorder.flush();

        assertThat(written).containsExactly("E0", "E1", "E2");
        assertThat(recorder.dropped()).isEqualTo(1);
    }

    @Test
    void negativeNumbersOrNoBurstWithALimitAreRejected() {
        assertThatThrownBy(() -> recorder(-1, 100, 1000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> recorder(50, 100, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> recorder(50, 0, 1000)).isInstanceOf(IllegalArgumentException.class);
    }
}
