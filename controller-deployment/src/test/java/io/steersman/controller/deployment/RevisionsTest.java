package io.steersman.controller.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RevisionsTest {

    private static Map<String, String> rev(String r) {
        return r == null ? Map.of() : Map.of(Revisions.REVISION, r);
    }

    record MaxRow(List<String> revisions, long max, long last) {}

    static Stream<MaxRow> maxima() {
        return Stream.of(
                new MaxRow(List.of(), 0, 0),
                new MaxRow(List.of("1"), 1, 0),
                new MaxRow(List.of("1", "2", "3"), 3, 2),
                new MaxRow(List.of("3", "1", "2"), 3, 2),
                new MaxRow(List.of("x", "4", "2"), 4, 2),
                // e2e: an adopted RS annotated with a huge revision
                new MaxRow(List.of("3546343826724305832"), 3546343826724305832L, 0));
    }

    @ParameterizedTest
    @MethodSource("maxima")
    void maxAndLastRevisionSkipUnparsableValues(MaxRow row) {
        List<Map<String, String>> all = row.revisions().stream().map(RevisionsTest::rev).toList();
        assertThat(Revisions.maxRevision(all)).isEqualTo(row.max());
        assertThat(Revisions.lastRevision(all)).isEqualTo(row.last());
    }

    record AnnotateRow(String name, Map<String, String> deployment, Map<String, String> rs, long newRevision, boolean exists,
            boolean changed, Map<String, String> expected) {}

    static Stream<AnnotateRow> annotate() {
        return Stream.of(
                new AnnotateRow("new RS gets revision, replicas annotations and the change-cause",
                        Map.of("kubernetes.io/change-cause", "image 1.91", Revisions.REVISION, "1",
                                Revisions.LAST_APPLIED, "{}"),
                        Map.of(), 2, false, true,
                        Map.of("kubernetes.io/change-cause", "image 1.91", Revisions.REVISION, "2",
                                Revisions.DESIRED_REPLICAS, "3", Revisions.MAX_REPLICAS, "4")),
                new AnnotateRow("existing RS at the same revision is unchanged",
                        Map.of(), Map.of(Revisions.REVISION, "2"), 2, true, false, Map.of(Revisions.REVISION, "2")),
                new AnnotateRow("revision is never lowered",
                        Map.of(), Map.of(Revisions.REVISION, "5"), 2, true, false, Map.of(Revisions.REVISION, "5")),
                new AnnotateRow("rollback: old revision goes to the history",
                        Map.of(), Map.of(Revisions.REVISION, "1"), 3, true, true,
                        Map.of(Revisions.REVISION, "3", Revisions.REVISION_HISTORY, "1")),
                new AnnotateRow("second rollback appends",
                        Map.of(), Map.of(Revisions.REVISION, "3", Revisions.REVISION_HISTORY, "1"), 5, true, true,
                        Map.of(Revisions.REVISION, "5", Revisions.REVISION_HISTORY, "1,3")),
                new AnnotateRow("unparsable revision: left alone",
                        Map.of("a", "b"), Map.of(Revisions.REVISION, "x"), 3, true, false,
                        Map.of(Revisions.REVISION, "x", "a", "b")),
                new AnnotateRow("copy is additive",
                        Map.of("a", "1"), Map.of(Revisions.REVISION, "2", "keep", "me"), 2, true, true,
                        Map.of(Revisions.REVISION, "2", "keep", "me", "a", "1")));
    }

    @ParameterizedTest
    @MethodSource("annotate")
    void newReplicaSetAnnotationsFollowUpstream(AnnotateRow row) {
        Map<String, String> rs = new HashMap<>(row.rs());
        boolean changed = Revisions.setNewReplicaSetAnnotations(row.deployment(), rs, row.newRevision(), row.exists(), 3, 4);
        assertThat(changed).as(row.name()).isEqualTo(row.changed());
        assertThat(rs).as(row.name()).isEqualTo(row.expected());
    }

    @Test
    void revisionHistoryDropsOldestEntriesToStayWithinTwoThousandCharacters() {
        StringBuilder history = new StringBuilder();
        for (int i = 0; history.length() < 1995; i++) {
            if (history.length() > 0) history.append(',');
            history.append(1000 + i);
        }
        Map<String, String> rs = new HashMap<>(Map.of(Revisions.REVISION, "7777", Revisions.REVISION_HISTORY, history.toString()));
        Revisions.setNewReplicaSetAnnotations(Map.of(), rs, 8000, true, 1, 1);
        String updated = rs.get(Revisions.REVISION_HISTORY);
        assertThat(updated.length()).isLessThanOrEqualTo(Revisions.MAX_HISTORY_CHARS);
        assertThat(updated).endsWith(",7777").doesNotStartWith("1000,");
    }

    @Test
    void rollbackKeepsTheDeploymentsOwnAnnotationsAndTakesTheRest() {
        Map<String, String> result = Revisions.rolledBackAnnotations(
                Map.of(Revisions.REVISION, "2", "kubernetes.io/change-cause", "broken", "other", "x"),
                Map.of(Revisions.REVISION, "1", Revisions.DESIRED_REPLICAS, "3", "kubernetes.io/change-cause", "good"));
        assertThat(result).isEqualTo(Map.of(Revisions.REVISION, "2", "kubernetes.io/change-cause", "good"));
    }
}
