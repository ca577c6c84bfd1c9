package io.steersman.controller.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.core.Pod;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpectationsTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final Expectations expectations = new Expectations();

    private static Pod pod(String name, boolean terminating) {
        ObjectMeta.Builder meta = ObjectMeta.builder().namespace("default").name(name);
        if (terminating) meta.deletionTimestamp(T0);
        return Pod.of(meta.build(), null);
    }

    @Test
    void nothingPendingIsSatisfied() {
        assertThat(expectations.satisfied("default/rs", List.of(), T0)).isTrue();
    }

    @Test
    void creationsWaitUntilTheCacheShowsThePods() {
        expectations.begin("default/rs", T0);
        expectations.created("default/rs", "rs-a");
        expectations.created("default/rs", "rs-b");
        assertThat(expectations.satisfied("default/rs", List.of(), T0)).as("stale cache: act again would double-create").isFalse();
        assertThat(expectations.satisfied("default/rs", List.of(pod("rs-a", false)), T0)).isFalse();
        assertThat(expectations.satisfied("default/rs", List.of(pod("rs-a", false), pod("rs-b", false)), T0)).isTrue();
        assertThat(expectations.satisfied("default/rs", List.of(), T0)).as("once satisfied, the record is gone").isTrue();
    }

    @Test
    void deletionsAreObservedWhenThePodIsGoneOrTerminating() {
        expectations.begin("default/rs", T0);
        expectations.deleting("default/rs", "rs-a");
        expectations.deleting("default/rs", "rs-b");
        List<Pod> stale = List.of(pod("rs-a", false), pod("rs-b", false));
        assertThat(expectations.satisfied("default/rs", stale, T0)).isFalse();
        assertThat(expectations.satisfied("default/rs", List.of(pod("rs-b", true)), T0)).isTrue();
    }

    @Test
    void aFailedDeleteIsNotWaitedFor() {
        expectations.begin("default/rs", T0);
        expectations.deleting("default/rs", "rs-a");
        expectations.deletionObserved("default/rs", "rs-a");
        assertThat(expectations.satisfied("default/rs", List.of(pod("rs-a", false)), T0)).isTrue();
    }

    @Test
    void pendingRecordsExpireAfterFiveMinutes() {
        expectations.begin("default/rs", T0);
        expectations.created("default/rs", "rs-a");
        assertThat(expectations.satisfied("default/rs", List.<Pod>of(), T0.plus(Duration.ofMinutes(5)).minusSeconds(1))).isFalse();
        assertThat(expectations.satisfied("default/rs", List.<Pod>of(), T0.plus(Duration.ofMinutes(5)))).isTrue();
    }

    @Test
    void recordsAreKeptPerReplicaSet() {
        expectations.begin("default/a", T0);
        expectations.created("default/a", "a-1");
        assertThat(expectations.satisfied("default/b", List.<Pod>of(), T0)).isTrue();
        assertThat(expectations.satisfied("default/a", List.<Pod>of(), T0)).isFalse();
        expectations.forget("default/a");
        assertThat(expectations.satisfied("default/a", List.<Pod>of(), T0)).isTrue();
    }
}
