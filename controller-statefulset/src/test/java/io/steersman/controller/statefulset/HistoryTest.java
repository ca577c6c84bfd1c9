package io.steersman.controller.statefulset;

import static org.assertj.core.api.Assertions.assertThat;

import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.apps.ControllerRevision;
import io.steersman.api.model.apps.StatefulSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class HistoryTest {

    @Test
    void namesAreTruncatedSoThePrefixIsAtMost223Characters() {
        assertThat(History.name("web", "abc")).isEqualTo("web-abc");
        assertThat(History.name("x".repeat(300), "abc")).hasSize(223 + 4).endsWith("x-abc");
    }

    @Test
    void theCollisionCountChangesTheHashAndEqualDataGivesEqualHashes() {
        StatefulSet set = Cluster.set("web", 1, "nginx:1.25");
        Map<String, Object> data = History.patchOf(set.spec().template());
        assertThat(History.hash(data, 0)).isEqualTo(History.hash(History.patchOf(set.spec().template()), 0));
        assertThat(History.hash(data, 0)).isNotEqualTo(History.hash(data, 1));
        assertThat(History.hash(data, null)).isNotEqualTo(History.hash(data, 0));
    }

    @Test
    void theDataIsTheTemplateAsAReplacePatchAndApplyingItRestoresTheTemplate() {
        StatefulSet v1 = Cluster.set("web", 1, "nginx:1.25");
        StatefulSet v2 = Cluster.set("web", 1, "nginx:1.26");
        ControllerRevision revision = History.newRevision(v1, 1, 0);
        assertThat(History.canonicalJson(revision.data())).startsWith("{\"spec\":{\"template\":{\"$patch\":\"replace\",");
        assertThat(History.apply(v2, revision).spec().template()).isEqualTo(v1.spec().template());
    }

    @Test
    void equalityIgnoresNumberTypesAndKeyOrder() {
        ControllerRevision a = ControllerRevision.of(ObjectMeta.named("default", "a"), Map.of("spec", Map.of("n", 30, "s", "x")), 1);
        ControllerRevision b = ControllerRevision.of(ObjectMeta.named("default", "b"), Map.of("spec", Map.of("s", "x", "n", 30L)), 2);
        ControllerRevision c = ControllerRevision.of(ObjectMeta.named("default", "c"), Map.of("spec", Map.of("s", "y", "n", 30)), 3);
        assertThat(History.equal(a, b)).isTrue();
        assertThat(History.equal(a, c)).isFalse();
    }

    record Truncation(List<Long> revisions, Set<Long> live, int limit, List<Long> deleted) {}

    static Stream<Truncation> truncations() {
        return Stream.of(
                new Truncation(List.of(1L, 2L, 3L), Set.of(3L), 10, List.of()),
                new Truncation(List.of(1L, 2L, 3L, 4L), Set.of(4L), 1, List.of(1L, 2L)),
                new Truncation(List.of(1L, 2L, 3L, 4L), Set.of(1L, 4L), 1, List.of(2L)),
                new Truncation(List.of(1L, 2L, 3L), Set.of(3L), 0, List.of(1L, 2L)),
                new Truncation(List.of(1L, 2L, 3L), Set.of(3L), -1, List.of()));
    }

    @ParameterizedTest
    @MethodSource("truncations")
    void truncationDeletesTheOldestRevisionsNoPodOrStatusUses(Truncation row) {
        List<ControllerRevision> revisions = row.revisions().stream()
                .map(n -> ControllerRevision.of(ObjectMeta.named("default", "web-" + n), Map.of(), n)).toList();
        Set<String> live = Set.copyOf(row.live().stream().map(n -> "web-" + n).toList());
        assertThat(History.toTruncate(revisions, live, row.limit())).extracting(ControllerRevision::revisionOrZero)
                .containsExactlyElementsOf(row.deleted());
    }
}
