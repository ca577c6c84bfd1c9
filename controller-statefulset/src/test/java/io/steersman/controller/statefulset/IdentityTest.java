package io.steersman.controller.statefulset;

import static org.assertj.core.api.Assertions.assertThat;

import io.steersman.api.model.apps.StatefulSet;
import io.steersman.api.model.apps.StatefulSetSpec;
import io.steersman.api.model.core.PersistentVolumeClaim;
import io.steersman.api.model.core.Pod;
import io.steersman.api.model.core.Volume;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class IdentityTest {

    record Name(String podName, String parent, int ordinal) {}

    static Stream<Name> names() {
        return Stream.of(
                new Name("web-0", "web", 0),
                new Name("web-12", "web", 12),
                new Name("my-web-3", "my-web", 3),
                new Name("web-01", "web", 1),
                new Name("web", null, -1),
                new Name("web-", null, -1),
                new Name("web-x", null, -1),
                // Digits that do not fit an int32: a parent, but no ordinal (upstream's ParseInt(..., 32) fails).
                new Name("web-99999999999", "web", -1));
    }

    @ParameterizedTest
    @MethodSource("names")
    void parentAndOrdinalAreParsedFromThePodName(Name row) {
        assertThat(Identity.parentName(row.podName())).isEqualTo(row.parent());
        assertThat(Identity.ordinal(row.podName())).isEqualTo(row.ordinal());
    }

    private static StatefulSet set() {
        StatefulSet set = Cluster.set("web", 3, "nginx:1.25");
        set = set.withMetadata(set.metadata().toBuilder().uid("set-uid").build());
        return set.withSpec(new StatefulSetSpec(3, set.spec().selector(), set.spec().template(),
                List.of(Cluster.claimTemplate("www"), Cluster.claimTemplate("logs")), "nginx", null, null, null, null, null, null, null));
    }

    @Test
    void aNewPodHasItsIdentityAndOneVolumePerClaimTemplate() {
        StatefulSet set = set();
        Pod pod = Identity.newPod(set, set.spec().template(), 2, "web-abc");
        assertThat(pod.name()).isEqualTo("web-2");
        assertThat(pod.spec().hostname()).isEqualTo("web-2");
        assertThat(pod.spec().subdomain()).isEqualTo("nginx");
        assertThat(pod.metadata().labels()).containsEntry(Identity.POD_NAME_LABEL, "web-2").containsEntry(Identity.POD_INDEX_LABEL, "2")
                .containsEntry(Identity.REVISION_LABEL, "web-abc").containsEntry("app", "web");
        assertThat(pod.spec().volumes()).extracting(Volume::name).containsExactly("www", "logs");
        assertThat(pod.spec().volumes()).extracting(v -> v.persistentVolumeClaim().claimName()).containsExactly("www-web-2", "logs-web-2");
        assertThat(Identity.identityMatches(set, pod.withMetadata(pod.metadata().withNamespace(set.namespace())))).isTrue();
        assertThat(Identity.storageMatches(set, pod)).isTrue();
    }

    @Test
    void identityAndStorageRepairsFixLabelsAndReplaceAVolumeOfATemplatesName() {
        StatefulSet set = set();
        Pod pod = Identity.newPod(set, set.spec().template(), 1, "web-abc");
        Pod broken = pod.withMetadata(pod.metadata().withLabel(Identity.POD_NAME_LABEL, "other"))
                .withSpec(pod.spec().withVolumes(List.of(Volume.emptyDir("www"), Volume.emptyDir("scratch"))));
        assertThat(Identity.identityMatches(set, broken)).isFalse();
        assertThat(Identity.storageMatches(set, broken)).isFalse();
        Pod repaired = Identity.withStorage(set, Identity.withIdentity(set, broken));
        assertThat(Identity.identityMatches(set, repaired)).isTrue();
        assertThat(Identity.storageMatches(set, repaired)).isTrue();
        assertThat(repaired.spec().volumes()).extracting(Volume::name).containsExactly("www", "logs", "scratch");
    }

    @Test
    void claimsCarryTheTemplateLabelsAndTheSelectorsAndNoStatus() {
        StatefulSet set = set();
        PersistentVolumeClaim claim = Identity.claims(set, 4).get("www");
        assertThat(claim.name()).isEqualTo("www-web-4");
        assertThat(claim.namespace()).isEqualTo(Cluster.NS);
        assertThat(claim.metadata().labels()).containsEntry("tier", "data").containsEntry("app", "web");
        assertThat(claim.status().phase()).isNull();
    }
}
