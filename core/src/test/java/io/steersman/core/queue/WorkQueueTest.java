package io.steersman.core.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.steersman.api.controller.Clock;
import io.steersman.core.fake.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class WorkQueueTest {
    private final MutableClock clock = new MutableClock();
    private final WorkQueue<String> queue = new WorkQueue<>("test", clock, MaxOfRateLimiter.defaultControllerRateLimiter(clock));

    @Test
    void aBatchTakenAtOnceCountsEachKeysOwnWorkAndItsWaitInTheBatchAsLatency() {
        long[] nanos = {0};
        WorkQueue<String> ticked = new WorkQueue<>("ticked", clock, MaxOfRateLimiter.defaultControllerRateLimiter(clock), () -> nanos[0]);
        ticked.add("a");
        ticked.add("b");
        nanos[0] = 10; // both queued for 10 ns, then taken together
        List<String> batch = List.of(ticked.poll(), ticked.poll());
        for (String key : batch) {
            ticked.begin(key);
            nanos[0] += 100; // each takes 100 ns of work
            ticked.done(key);
        }

        QueueMetrics m = ticked.metrics();
        assertThat(m.processed()).isEqualTo(2);
        assertThat(m.totalWorkDuration()).isEqualTo(Duration.ofNanos(200));
        assertThat(m.maxWorkDuration()).isEqualTo(Duration.ofNanos(100));
        // a waited 10 ns; b waited 10 ns queued and 100 ns behind a in the batch
        assertThat(m.totalLatency()).isEqualTo(Duration.ofNanos(120));
        assertThat(m.maxLatency()).isEqualTo(Duration.ofNanos(110));
    }

    @Test
    void duplicatesCollapseWhileQueued() {
        queue.add("a");
        queue.add("a");
        queue.add("b");
        queue.add("a");

        assertThat(queue.len()).isEqualTo(2);
        assertThat(drain()).containsExactly("a", "b");
        assertThat(queue.metrics().adds()).isEqualTo(4);
    }

    @Test
    void keyAddedWhileProcessingIsHandedOutOnlyAfterDone() {
        queue.add("a");
        String taken = queue.poll();
        queue.add("a");

        assertThat(queue.poll()).as("a is still processing").isNull();
        queue.done(taken);
        assertThat(queue.poll()).isEqualTo("a");
    }

    @Test
    void keyNotAddedAgainIsGoneAfterDone() {
        queue.add("a");
        queue.done(queue.poll());

        assertThat(queue.poll()).isNull();
        assertThat(queue.isIdle()).isTrue();
    }

    @Test
    void addAfterWaitsForTheClock() {
        queue.addAfter("a", Duration.ofSeconds(10));

        assertThat(queue.poll()).isNull();
        clock.advance(Duration.ofSeconds(9));
        assertThat(queue.poll()).isNull();
        assertThat(queue.nextDue()).contains(clock.now().plusSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(queue.hasWorkNow()).isTrue();
        assertThat(queue.poll()).isEqualTo("a");
    }

    @Test
    void theSoonerOfTwoDelaysWins() {
        queue.addAfter("a", Duration.ofSeconds(10));
        queue.addAfter("a", Duration.ofSeconds(3));
        queue.addAfter("a", Duration.ofSeconds(7));

        clock.advance(Duration.ofSeconds(3));
        assertThat(queue.poll()).isEqualTo("a");
        queue.done("a");
        clock.advance(Duration.ofSeconds(10));
        assertThat(queue.poll()).as("the later timers were superseded").isNull();
    }

    @Test
    void aTimerFiringForAQueuedKeyCollapses() {
        queue.addAfter("a", Duration.ofSeconds(1));
        queue.add("a");
        clock.advance(Duration.ofSeconds(1));

        assertThat(drain()).containsExactly("a");
    }

    @Test
    void failuresBackOffFiveMillisecondsDoublingOnTheClock() {
        List<Duration> delays = new ArrayList<>();
        for (int attempt = 0; attempt < 5; attempt++) {
            queue.add("a");
            assertThat(queue.poll()).isEqualTo("a");
            queue.addRateLimited("a");
            queue.done("a");
            Duration waited = Duration.ZERO;
            while (queue.poll() == null) {
                clock.advance(Duration.ofMillis(1));
                waited = waited.plusMillis(1);
            }
            queue.done("a");
            delays.add(waited);
        }
        assertThat(delays).containsExactly(Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(20),
                Duration.ofMillis(40), Duration.ofMillis(80));
        assertThat(queue.numRequeues("a")).isEqualTo(5);
        assertThat(queue.metrics().retries()).isEqualTo(5);

        queue.forget("a");
        assertThat(queue.numRequeues("a")).isZero();
    }

    @Test
    void shutDownReleasesBlockedWorkers() throws Exception {
        WorkQueue<String> real = new WorkQueue<>("real", Clock.SYSTEM, MaxOfRateLimiter.defaultControllerRateLimiter(Clock.SYSTEM));
        AtomicReference<String> got = new AtomicReference<>("unset");
        CountDownLatch finished = new CountDownLatch(1);
        Thread worker = new Thread(() -> {
            try {
                got.set(real.get());
            } catch (InterruptedException e) {
                got.set("interrupted");
            }
            finished.countDown();
        });
        worker.start();
        real.shutDown();

        assertThat(finished.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(got.get()).isNull();
        real.add("late");
        assertThat(real.len()).as("adds after shutdown are ignored").isZero();
    }

    @Test
    void blockedWorkerWakesWhenADelayedKeyIsDue() throws Exception {
        WorkQueue<String> real = new WorkQueue<>("real", Clock.SYSTEM, MaxOfRateLimiter.defaultControllerRateLimiter(Clock.SYSTEM));
        real.addAfter("a", Duration.ofMillis(5));

        assertThat(real.get()).isEqualTo("a");
    }

    @Test
    void aKeyIsNeverProcessedByTwoWorkersAtOnce() throws Exception {
        WorkQueue<Integer> real = new WorkQueue<>("real", Clock.SYSTEM, MaxOfRateLimiter.defaultControllerRateLimiter(Clock.SYSTEM));
        Set<Integer> inFlight = ConcurrentHashMap.newKeySet();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger processed = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            Thread t = new Thread(() -> {
                try {
                    Integer key;
                    while ((key = real.get()) != null) {
                        if (!inFlight.add(key)) {
                            overlaps.incrementAndGet();
                        }
                        Thread.onSpinWait();
                        inFlight.remove(key);
                        processed.incrementAndGet();
                        real.done(key);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            workers.add(t);
            t.start();
        }
        for (int i = 0; i < 20_000; i++) {
            real.add(i % 3);
        }
        // Wait until everything added has been processed: the queue empties and nobody holds a key.
        while (!real.isIdle()) {
            Thread.onSpinWait();
        }
        real.shutDown();
        for (Thread t : workers) {
            t.join(10_000);
        }
        assertThat(overlaps.get()).isZero();
        assertThat(processed.get()).isPositive();
        assertThat(workers).noneMatch(Thread::isAlive);
    }

    private List<String> drain() {
        List<String> keys = new ArrayList<>();
        String key;
        while ((key = queue.poll()) != null) {
            keys.add(key);
            queue.done(key);
        }
        return keys;
    }
}
