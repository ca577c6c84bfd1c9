package io.steersman.controller.statefulset;

import static org.assertj.core.api.Assertions.assertThat;

import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.OwnerReference;
import io.steersman.api.model.apps.StatefulSet;
import io.steersman.api.model.apps.StatefulSetPersistentVolumeClaimRetentionPolicy;
import io.steersman.api.model.apps.StatefulSetSpec;
import io.steersman.api.model.core.PersistentVolumeClaim;
import io.steersman.api.model.core.Pod;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ClaimRetentionTest {
    private static final String R = "Retain";
    private static final String D = "Delete";

    /** One policy and whether the pod is scaled down (ordinal 3 of a 2-replica set) against the owners upstream wants. */
    record Row(String whenDeleted, String whenScaled, boolean scaledDown, boolean setOwns, boolean podOwns) {}

    static Stream<Row> rows() {
        return Stream.of(
                new Row(R, R, false, false, false), new Row(R, R, true, false, false),
                new Row(D, R, false, true, false), new Row(D, R, true, true, false),
                new Row(R, D, false, false, false), new Row(R, D, true, false, true),
                new Row(D, D, false, true, false), new Row(D, D, true, false, true));
    }

    private static StatefulSet set(String whenDeleted, String whenScaled) {
        StatefulSet set = Cluster.set("web", 2, "nginx:1.25");
        set = set.withMetadata(set.metadata().toBuilder().uid("set-uid").build());
        return set.withSpec(new StatefulSetSpec(2, set.spec().selector(), set.spec().template(), List.of(Cluster.claimTemplate("www")),
                "web", null, null, null, null, new StatefulSetPersistentVolumeClaimRetentionPolicy(whenDeleted, whenScaled, null), null, null));
    }

    private static Pod pod(String name, String uid) {
        return Pod.of(ObjectMeta.builder().namespace(Cluster.NS).name(name).uid(uid).build(), null);
    }

    private static PersistentVolumeClaim claim(String name, List<OwnerReference> refs) {
        return PersistentVolumeClaim.of(ObjectMeta.builder().namespace(Cluster.NS).name(name).ownerReferences(refs).build(), null);
    }

    @ParameterizedTest
    @MethodSource("rows")
    void ownerReferencesFollowThePolicy(Row row) {
        StatefulSet set = set(row.whenDeleted(), row.whenScaled());
        Pod pod = pod(row.scaledDown() ? "web-3" : "web-1", "pod-uid");
        PersistentVolumeClaim bare = claim("www-" + pod.name(), List.of());
        List<OwnerReference> refs = ClaimRetention.updatedRefs(bare, set, pod);
        assertThat(refs.stream().anyMatch(r -> "set-uid".equals(r.uid()) && r.isController())).isEqualTo(row.setOwns());
        assertThat(refs.stream().anyMatch(r -> "pod-uid".equals(r.uid()) && r.isController())).isEqualTo(row.podOwns());
        PersistentVolumeClaim updated = bare.withMetadata(bare.metadata().withOwnerReferences(refs));
        assertThat(ClaimRetention.isUpToDate(updated, set, pod)).isTrue();
        assertThat(ClaimRetention.isUpToDate(bare, set, pod)).isEqualTo(!row.setOwns() && !row.podOwns());
    }

    @Test
    void aClaimWithAStaleReferenceIsLeftAlone() {
        StatefulSet set = set(D, D);
        Pod pod = pod("web-3", "pod-uid");
        PersistentVolumeClaim claim = claim("www-web-3", List.of(new OwnerReference("v1", "Pod", "web-3", "old-pod-uid", true, true, null)));
        assertThat(ClaimRetention.hasStaleRef(claim, pod)).isTrue();
        assertThat(ClaimRetention.isUpToDate(claim, set, pod)).isTrue();
    }

    @Test
    void anotherControllerKeepsTheClaimAndOurReferencesAreRemoved() {
        StatefulSet set = set(D, R);
        Pod pod = pod("web-1", "pod-uid");
        OwnerReference other = new OwnerReference("example.com/v1", "Backup", "b", "other-uid", true, true, null);
        OwnerReference ours = new OwnerReference("apps/v1", "StatefulSet", "web", "set-uid", false, null, null);
        PersistentVolumeClaim claim = claim("www-web-1", List.of(other, ours));
        assertThat(ClaimRetention.hasUnexpectedController(claim, set, pod)).isTrue();
        assertThat(ClaimRetention.isUpToDate(claim, set, pod)).isFalse();
        assertThat(ClaimRetention.updatedRefs(claim, set, pod)).containsExactly(other);
    }
}
