package io.steersman.core.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.steersman.core.fake.MutableClock;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    record Step(int failures, Duration delay) {}

    static Stream<Step> backoff() {
        return Stream.of(
                new Step(1, Duration.ofMillis(5)),
                new Step(2, Duration.ofMillis(10)),
                new Step(3, Duration.ofMillis(20)),
                new Step(10, Duration.ofMillis(2560)),
                new Step(18, Duration.ofMillis(655_360)),
                new Step(19, Duration.ofSeconds(1000)), // 1310.72 s, capped
                new Step(200, Duration.ofSeconds(1000)));
    }

    @ParameterizedTest
    @MethodSource("backoff")
    void exponentialBackoffDoublesFromFiveMillisecondsToAThousandSeconds(Step step) {
        RateLimiter<String> limiter = new ItemExponentialFailureRateLimiter<>(Duration.ofMillis(5), Duration.ofSeconds(1000));
        Duration last = null;
        for (int i = 0; i < step.failures(); i++) {
            last = limiter.when("a");
        }
        assertThat(last).isEqualTo(step.delay());
        assertThat(limiter.numRequeues("a")).isEqualTo(step.failures());
    }

    @Test
    void backoffIsPerItemAndForgetResetsIt() {
        RateLimiter<String> limiter = new ItemExponentialFailureRateLimiter<>(Duration.ofMillis(5), Duration.ofSeconds(1000));
        limiter.when("a");
        limiter.when("a");

        assertThat(limiter.when("b")).isEqualTo(Duration.ofMillis(5));
        limiter.forget("a");
        assertThat(limiter.when("a")).isEqualTo(Duration.ofMillis(5));
    }

    @Test
    void bucketAllowsABurstThenTenPerSecondOnTheClock() {
        MutableClock clock = new MutableClock();
        RateLimiter<String> bucket = new BucketRateLimiter<>(clock, 10, 100);
        for (int i = 0; i < 100; i++) {
            assertThat(bucket.when("k" + i)).isZero();
        }
        assertThat(bucket.when("x")).isEqualTo(Duration.ofMillis(100));
        assertThat(bucket.when("y")).isEqualTo(Duration.ofMillis(200));

        clock.advance(Duration.ofSeconds(1)); // ten tokens refilled, two of them owed
        for (int i = 0; i < 8; i++) {
            assertThat(bucket.when("z" + i)).isZero();
        }
        assertThat(bucket.when("w")).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void defaultControllerLimiterTakesTheLongerOfBackoffAndBucket() {
        MutableClock clock = new MutableClock();
        RateLimiter<String> limiter = MaxOfRateLimiter.defaultControllerRateLimiter(clock);
        for (int i = 0; i < 100; i++) {
            limiter.when("k" + i); // drain the bucket: 5 ms each from backoff
        }
        assertThat(limiter.when("fresh")).as("bucket empty: 100 ms beats 5 ms").isEqualTo(Duration.ofMillis(100));
        assertThat(limiter.numRequeues("fresh")).isEqualTo(1);
    }
}
