package io.steersman.controller.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.steersman.controller.deployment.PodRanking.Candidate;
import io.steersman.controller.deployment.PodRanking.Phase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PodRankingTest {
    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    /** A healthy, old, assigned, running, ready pod; rows change one thing at a time. */
    private static Candidate<String> pod(String name) {
        return new Candidate<>(name, "uid-" + name, true, Phase.RUNNING, true, NOW.minus(Duration.ofHours(10)), 0, 1, 0,
                NOW.minus(Duration.ofHours(11)));
    }

    private static Candidate<String> with(Candidate<String> p, java.util.function.UnaryOperator<Candidate<String>> f) {
        return f.apply(p);
    }

    record Row(String rule, Candidate<String> first, Candidate<String> second) {}

    static Stream<Row> rules() {
        Candidate<String> base = pod("b");
        return Stream.of(
                new Row("unassigned before assigned",
                        new Candidate<>("a", "uid-z", false, Phase.RUNNING, true, base.readyTime(), 0, 1, 0, base.created()), base),
                new Row("pending before unknown",
                        new Candidate<>("a", "uid-z", true, Phase.PENDING, false, null, 0, 1, 0, base.created()),
                        new Candidate<>("b", "uid-a", true, Phase.UNKNOWN, false, null, 0, 1, 0, base.created())),
                new Row("unknown before running",
                        new Candidate<>("a", "uid-z", true, Phase.UNKNOWN, false, null, 0, 1, 0, base.created()),
                        new Candidate<>("b", "uid-a", true, Phase.RUNNING, false, null, 0, 1, 0, base.created())),
                new Row("not ready before ready",
                        new Candidate<>("a", "uid-z", true, Phase.RUNNING, false, null, 0, 1, 0, base.created()), base),
                new Row("lower deletion cost first",
                        new Candidate<>("a", "uid-z", true, Phase.RUNNING, true, base.readyTime(), -5, 1, 0, base.created()), base),
                new Row("deletion cost beats co-location",
                        new Candidate<>("a", "uid-z", true, Phase.RUNNING, true, base.readyTime(), 1, 1, 0, base.created()),
                        new Candidate<>("b", "uid-a", true, Phase.RUNNING, true, base.readyTime(), 2, 5, 0, base.created())),
                new Row("more co-located first",
                        new Candidate<>("a", "uid-z", true, Phase.RUNNING, true, base.readyTime(), 0, 3, 0, base.created()), base),
                new Row("ready more recently (other log2 bucket) first",
                        new Candidate<>("a", "uid-z", true, Phase.RUNNING, true, NOW.minusSeconds(10), 0, 1, 0, base.created()), base),
                new Row("same log2 bucket of readiness: lower uid first, restarts ignored",
                        new Candidate<>("a", "uid-a", true, Phase.RUNNING, true, NOW.minusSeconds(40), 0, 1, 0, base.created()),
                        new Candidate<>("b", "uid-b", true, Phase.RUNNING, true, NOW.minusSeconds(41), 0, 1, 9, base.created())),
                new Row("zero ready time first",
                        new Candidate<>("a", "uid-z", true, Phase.RUNNING, true, null, 0, 1, 0, base.created()), base),
                new Row("more restarts first",
                        new Candidate<>("a", "uid-z", true, Phase.RUNNING, true, base.readyTime(), 0, 1, 3, base.created()), base),
                new Row("newer creation (other bucket) first",
                        new Candidate<>("a", "uid-z", true, Phase.RUNNING, true, base.readyTime(), 0, 1, 0, NOW.minusSeconds(5)), base),
                new Row("same creation bucket: lower uid first",
                        new Candidate<>("a", "uid-a", true, Phase.RUNNING, true, base.readyTime(), 0, 1, 0, NOW.minusSeconds(100)),
                        new Candidate<>("b", "uid-b", true, Phase.RUNNING, true, base.readyTime(), 0, 1, 0, NOW.minusSeconds(90))));
    }

    @ParameterizedTest
    @MethodSource("rules")
    void ranksAsUpstream(Row row) {
        assertThat(PodRanking.less(row.first(), row.second(), NOW)).as(row.rule()).isTrue();
        assertThat(PodRanking.less(row.second(), row.first(), NOW)).as(row.rule() + " (reversed)").isFalse();
    }

    @Test
    void identicalPodsAreNotOrdered() {
        assertThat(PodRanking.less(pod("a"), pod("a"), NOW)).isFalse();
    }

    record BucketRow(long ageNanos, long bucket) {}

    static Stream<BucketRow> buckets() {
        return Stream.of(new BucketRow(0, -1), new BucketRow(1, 0), new BucketRow(2, 1), new BucketRow(3, 1),
                new BucketRow(1024, 10), new BucketRow(1_000_000_000L, 29), new BucketRow(-5, -1));
    }

    @ParameterizedTest
    @MethodSource("buckets")
    void logarithmicBucketIsFloorOfLog2OfAge(BucketRow row) {
        assertThat(PodRanking.logBucket(NOW.minusNanos(row.ageNanos()), NOW)).isEqualTo(row.bucket());
    }

    record CostRow(String annotation, int cost) {}

    static Stream<CostRow> costs() {
        return Stream.of(new CostRow(null, 0), new CostRow("100", 100), new CostRow("-7", -7), new CostRow("x", 0),
                new CostRow("2147483648", 0), new CostRow("+3", 3));
    }

    @ParameterizedTest
    @MethodSource("costs")
    void readsDeletionCostAsInt32(CostRow row) {
        assertThat(PodRanking.deletionCost(row.annotation())).isEqualTo(row.cost());
    }

    @Test
    void victimsComeInRankOrderWhateverTheInputOrder() {
        List<Candidate<String>> pods = new ArrayList<>(List.of(
                new Candidate<>("unassigned", "u1", false, Phase.PENDING, false, null, 0, 0, 0, NOW.minusSeconds(1)),
                new Candidate<>("pending", "u2", true, Phase.PENDING, false, null, 0, 1, 0, NOW.minusSeconds(1)),
                new Candidate<>("not-ready", "u3", true, Phase.RUNNING, false, null, 0, 1, 0, NOW.minusSeconds(1)),
                new Candidate<>("cheap", "u4", true, Phase.RUNNING, true, NOW.minusSeconds(3600), -1, 1, 0, NOW.minusSeconds(7200)),
                new Candidate<>("recent", "u5", true, Phase.RUNNING, true, NOW.minusSeconds(2), 0, 1, 0, NOW.minusSeconds(7200)),
                new Candidate<>("old", "u6", true, Phase.RUNNING, true, NOW.minusSeconds(3600), 0, 1, 0, NOW.minusSeconds(7200))));
        List<String> expected = pods.stream().map(Candidate::pod).toList();
        for (long seed = 0; seed < 20; seed++) {
            Collections.shuffle(pods, new Random(seed));
            assertThat(PodRanking.victims(pods, 5, NOW)).as("seed " + seed).containsExactlyElementsOf(expected.subList(0, 5));
        }
    }

    @Test
    void deletingEveryPodSkipsTheSort() {
        List<Candidate<String>> pods = List.of(pod("z"), pod("a"));
        assertThat(PodRanking.victims(pods, 2, NOW)).containsExactly("z", "a");
    }
}
