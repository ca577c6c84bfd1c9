package io.steersman.controller.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.steersman.api.model.IntOrString;
import io.steersman.controller.deployment.RolloutMath.Fenceposts;
import io.steersman.controller.deployment.RolloutMath.Scaled;
import io.steersman.controller.deployment.RolloutMath.Share;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class RolloutMathTest {

    private static IntOrString v(String s) {
        if (s == null) return null;
        return s.endsWith("%") || !s.chars().allMatch(Character::isDigit) ? IntOrString.of(s) : IntOrString.of(Integer.parseInt(s));
    }

    record FencepostRow(String surge, String unavailable, int desired, int expectSurge, int expectUnavailable) {}

    static Stream<FencepostRow> fenceposts() {
        return Stream.of(
                // upstream TestResolveFenceposts
                new FencepostRow("0", "0", 0, 0, 1),
                new FencepostRow("39%", "39%", 10, 4, 3),
                new FencepostRow(null, "39%", 10, 0, 3),
                new FencepostRow("39%", null, 10, 4, 0),
                new FencepostRow(null, null, 10, 0, 1),
                // SEMANTICS B.4 worked values for the 25%/25% default
                new FencepostRow("25%", "25%", 1, 1, 0),
                new FencepostRow("25%", "25%", 3, 1, 0),
                new FencepostRow("25%", "25%", 4, 1, 1),
                new FencepostRow("25%", "25%", 10, 3, 2),
                new FencepostRow("25%", "25%", 100, 25, 25),
                new FencepostRow("0", "25%", 3, 0, 1),
                new FencepostRow("1", "1", 3, 1, 1),
                new FencepostRow("25%", "25%", 10000, 2500, 2500));
    }

    @ParameterizedTest
    @MethodSource("fenceposts")
    void resolvesFencepostsSurgeUpUnavailableDown(FencepostRow row) {
        assertThat(RolloutMath.resolveFenceposts(v(row.surge()), v(row.unavailable()), row.desired()))
                .isEqualTo(new Fenceposts(row.expectSurge(), row.expectUnavailable()));
    }

    @Test
    void rejectsStringsThatAreNotPercentages() {
        assertThatThrownBy(() -> RolloutMath.resolveFenceposts(IntOrString.of("oops"), v("39%"), 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a percentage");
        assertThatThrownBy(() -> RolloutMath.resolveFenceposts(v("55%"), IntOrString.of("urg"), 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    record MaxUnavailableRow(String name, boolean rolling, int replicas, String unavailable, int expected) {}

    static Stream<MaxUnavailableRow> maxUnavailable() {
        // upstream TestMaxUnavailable / TestMinAvailable
        return Stream.of(
                new MaxUnavailableRow("replicas greater than maxUnavailable", true, 10, "5", 5),
                new MaxUnavailableRow("replicas equal maxUnavailable", true, 10, "10", 10),
                new MaxUnavailableRow("replicas less than maxUnavailable", true, 5, "10", 5),
                new MaxUnavailableRow("replicas is 0", true, 0, "10", 0),
                new MaxUnavailableRow("recreate", false, 10, "5", 0),
                new MaxUnavailableRow("percent", true, 10, "60%", 6),
                new MaxUnavailableRow("100 percent of 5", true, 5, "100%", 5));
    }

    @ParameterizedTest
    @MethodSource("maxUnavailable")
    void maxUnavailableIsClampedToReplicas(MaxUnavailableRow row) {
        assertThat(RolloutMath.maxUnavailable(row.rolling(), IntOrString.of(0), v(row.unavailable()), row.replicas()))
                .as(row.name()).isEqualTo(row.expected());
        if (row.rolling() && row.replicas() > 0) {
            assertThat(row.replicas() - RolloutMath.maxUnavailable(true, IntOrString.of(0), v(row.unavailable()), row.replicas()))
                    .as("minAvailable " + row.name()).isEqualTo(row.replicas() - row.expected());
        }
    }

    record NewReplicasRow(String name, int replicas, int maxSurge, int current, int newReplicas, int expected) {}

    static Stream<NewReplicasRow> newReplicas() {
        return Stream.of(
                new NewReplicasRow("notes: first step of 3 replicas, surge 1", 3, 1, 3, 0, 1),
                new NewReplicasRow("notes: old scaled to 2, new grows to 2", 3, 1, 3, 1, 2),
                new NewReplicasRow("cannot exceed replicas + surge", 3, 1, 4, 2, 2),
                new NewReplicasRow("can not scale up - to newRSReplicas", 1, 1, 6, 5, 5),
                new NewReplicasRow("scale up - to depReplicas", 6, 1, 5, 5, 6),
                new NewReplicasRow("scale up to maxSurge limit", 10, 3, 10, 0, 3),
                new NewReplicasRow("25% of 10000", 10000, 2500, 10000, 0, 2500));
    }

    @ParameterizedTest
    @MethodSource("newReplicas")
    void newReplicaSetGrowsWithinSurge(NewReplicasRow row) {
        assertThat(RolloutMath.newReplicaSetReplicasRolling(row.replicas(), row.maxSurge(), row.current(), row.newReplicas()))
                .as(row.name()).isEqualTo(row.expected());
    }

    record FractionRow(String name, int deploymentReplicas, int statusReplicas, int maxSurge, int rsReplicas,
            Integer annotation, int expected) {}

    static Stream<FractionRow> fractions() {
        // upstream TestGetReplicaSetFraction
        return Stream.of(
                new FractionRow("empty deployment always scales to 0", 0, 0, 0, 10, null, -10),
                new FractionRow("missing annotation and no status: no scale", 10, 0, 0, 5, null, 0),
                new FractionRow("annotation 0 and no status: no scale", 10, 0, 0, 5, 0, 0),
                new FractionRow("missing annotation: status.replicas", 120, 100, 0, 50, null, 10),
                new FractionRow("annotation 0: status.replicas", 120, 100, 0, 50, 0, 10),
                new FractionRow("scale up by 1/5", 120, 0, 0, 50, 100, 10),
                new FractionRow("scale up with maxSurge", 120, 0, 10, 50, 110, 9),
                new FractionRow("scale down by 1/6", 10, 0, 0, 6, 12, -1),
                new FractionRow("scale down with maxSurge", 100, 0, 10, 50, 130, -8),
                new FractionRow("e2e old RS 8 of 13 to 33", 30, 13, 3, 8, 13, 12),
                new FractionRow("e2e new RS 5 of 13 to 33", 30, 13, 3, 5, 13, 8));
    }

    @ParameterizedTest
    @MethodSource("fractions")
    void replicaSetFractionAsUpstream(FractionRow row) {
        assertThat(RolloutMath.replicaSetFraction(row.rsReplicas(), row.deploymentReplicas(), row.maxSurge(),
                row.annotation(), row.statusReplicas())).as(row.name()).isEqualTo(row.expected());
    }

    record ProportionRow(String name, int rsReplicas, int fraction, int toAdd, int added, int expected) {}

    static Stream<ProportionRow> proportions() {
        return Stream.of(
                new ProportionRow("rs at zero never grows", 0, 5, 10, 0, 0),
                new ProportionRow("nothing to add", 5, 5, 0, 0, 0),
                new ProportionRow("all added", 5, 5, 10, 10, 0),
                new ProportionRow("scale up bounded by remaining", 8, 12, 20, 0, 12),
                new ProportionRow("scale up capped", 5, 8, 20, 12, 8),
                new ProportionRow("scale up capped below fraction", 5, 9, 20, 12, 8),
                new ProportionRow("scale down bounded", 10, -6, -5, 0, -5),
                new ProportionRow("scale down by fraction", 10, -3, -5, 0, -3));
    }

    @ParameterizedTest
    @MethodSource("proportions")
    void proportionIsBoundedByWhatRemains(ProportionRow row) {
        assertThat(RolloutMath.proportion(row.rsReplicas(), row.fraction(), row.toAdd(), row.added()))
                .as(row.name()).isEqualTo(row.expected());
    }

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    record ScaleRow(String name, int replicas, int maxSurge, int statusReplicas, List<Share> active, List<Scaled> expected) {}

    static Stream<ScaleRow> scales() {
        Share old8 = new Share("old", T0, 8, 13);
        Share new5 = new Share("new", T0.plusSeconds(60), 5, 13);
        return Stream.of(
                // upstream e2e "deployment should support proportional scaling"
                new ScaleRow("e2e 10 to 30 (surge 3)", 30, 3, 13, List.of(new5, old8),
                        List.of(new Scaled("old", 20), new Scaled("new", 13))),
                // upstream TestScale "proportional scaling: 5 -> 10" and "5 -> 3" (surge 0, max-replicas 5)
                new ScaleRow("proportional 5 to 10", 10, 0, 5, List.of(
                        new Share("foo-v1", T0, 3, 5), new Share("foo-v2", T0.plusSeconds(1), 2, 5)),
                        List.of(new Scaled("foo-v1", 6), new Scaled("foo-v2", 4))),
                new ScaleRow("proportional 5 to 3", 3, 0, 5, List.of(
                        new Share("foo-v1", T0, 3, 5), new Share("foo-v2", T0.plusSeconds(1), 2, 5)),
                        List.of(new Scaled("foo-v1", 2), new Scaled("foo-v2", 1))),
                new ScaleRow("leftover goes to the largest", 10, 0, 3, List.of(
                        new Share("a", T0, 1, 3), new Share("b", T0.plusSeconds(1), 1, 3), new Share("c", T0.plusSeconds(2), 1, 3)),
                        List.of(new Scaled("c", 4), new Scaled("b", 3), new Scaled("a", 3))),
                new ScaleRow("to zero", 0, 0, 7, List.of(new Share("a", T0, 4, 7), new Share("b", T0.plusSeconds(1), 3, 7)),
                        List.of(new Scaled("a", 0), new Scaled("b", 0))));
    }

    @ParameterizedTest
    @MethodSource("scales")
    void proportionalScaleGivesUpstreamShares(ScaleRow row) {
        assertThat(RolloutMath.proportionalScale(row.active(), row.replicas(), row.maxSurge(), row.statusReplicas()))
                .as(row.name()).containsExactlyElementsOf(row.expected());
    }

    record RoundRow(double value, int expected) {}

    static Stream<RoundRow> rounding() {
        return Stream.of(new RoundRow(2.5, 3), new RoundRow(-2.5, -3), new RoundRow(12.69, 13), new RoundRow(20.3, 20),
                new RoundRow(-0.4, 0), new RoundRow(0.5, 1));
    }

    @ParameterizedTest
    @MethodSource("rounding")
    void roundsHalfAwayFromZeroAsGo(RoundRow row) {
        assertThat(RolloutMath.roundHalfAwayFromZero(row.value())).isEqualTo(row.expected());
    }
}
