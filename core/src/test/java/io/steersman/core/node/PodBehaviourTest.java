package io.steersman.core.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PodBehaviourTest {

    record Row(String text, Duration expected) {}

    static Stream<Row> durationsAreReadAsGoWritesThem() {
        return Stream.of(new Row("30s", Duration.ofSeconds(30)), new Row("1m30s", Duration.ofSeconds(90)),
                new Row("500ms", Duration.ofMillis(500)), new Row("2h", Duration.ofHours(2)),
                new Row("1.5s", Duration.ofMillis(1500)), new Row("45", Duration.ofSeconds(45)),
                new Row("0s", Duration.ZERO), new Row("soon", null), new Row("-5s", null), new Row("5 s", null),
                new Row("", null));
    }

    @ParameterizedTest
    @MethodSource
    void durationsAreReadAsGoWritesThem(Row row) {
        assertThat(GoDuration.parse(row.text()).orElse(null)).isEqualTo(row.expected());
    }

    @Test
    void aPodWithoutAnnotationsBehavesNormally() {
        PodBehaviour behaviour = PodBehaviour.of(Map.of());
        assertThat(behaviour.readyAfter()).isNull();
        assertThat(behaviour.neverReady()).isFalse();
        assertThat(behaviour.crashAfter()).isNull();
        assertThat(behaviour.terminateAfter()).isNull();
        assertThat(behaviour.problems()).isEmpty();
    }

    @Test
    void annotationsSetEachBehaviour() {
        PodBehaviour behaviour = PodBehaviour.of(Map.of(PodBehaviour.READY_AFTER, "30s", PodBehaviour.READINESS, "fail",
                PodBehaviour.CRASH, "true", PodBehaviour.TERMINATE_AFTER, "20s"));
        assertThat(behaviour.readyAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(behaviour.neverReady()).isTrue();
        assertThat(behaviour.crashAfter()).isZero();
        assertThat(behaviour.terminateAfter()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void crashAfterSetsWhenTheContainerCrashes() {
        assertThat(PodBehaviour.of(Map.of(PodBehaviour.CRASH_AFTER, "1m")).crashAfter()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void malformedValuesAreIgnoredAndReported() {
        PodBehaviour behaviour = PodBehaviour.of(Map.of(PodBehaviour.READY_AFTER, "later", PodBehaviour.CRASH, "maybe"));
        assertThat(behaviour.readyAfter()).isNull();
        assertThat(behaviour.crashAfter()).isNull();
        assertThat(behaviour.problems()).hasSize(2).anySatisfy(p -> assertThat(p).contains("steersman.io/ready-after: \"later\""));
    }

    record Backoff(int restartCount, Duration delay) {}

    static Stream<Backoff> crashLoopBackoffDoublesFromTenSecondsToFiveMinutes() {
        return Stream.of(new Backoff(0, Duration.ofSeconds(10)), new Backoff(1, Duration.ofSeconds(20)),
                new Backoff(2, Duration.ofSeconds(40)), new Backoff(3, Duration.ofSeconds(80)),
                new Backoff(4, Duration.ofSeconds(160)), new Backoff(5, Duration.ofSeconds(300)),
                new Backoff(40, Duration.ofSeconds(300)));
    }

    @ParameterizedTest
    @MethodSource
    void crashLoopBackoffDoublesFromTenSecondsToFiveMinutes(Backoff row) {
        assertThat(CrashLoopBackoff.delay(row.restartCount())).isEqualTo(row.delay());
    }
}
