package io.steersman.controller.statefulset;

import static org.assertj.core.api.Assertions.assertThat;

import io.steersman.api.model.OwnerReference;
import io.steersman.api.model.apps.StatefulSet;
import io.steersman.api.model.apps.StatefulSetPersistentVolumeClaimRetentionPolicy;
import io.steersman.api.model.apps.StatefulSetSpec;
import io.steersman.api.model.core.PersistentVolumeClaim;
import io.steersman.api.model.core.Pod;
import io.steersman.api.model.core.Volume;
import java.util.List;
import org.junit.jupiter.api.Test;

/** volumeClaimTemplates: one claim per pod, created before it, outliving it, and the retention policy's owner references. */
class StorageTest {

    static StatefulSet withClaims(String name, int replicas, String whenDeleted, String whenScaled) {
        StatefulSet set = Cluster.set(name, replicas, "nginx:1.25");
        StatefulSetPersistentVolumeClaimRetentionPolicy policy = whenDeleted == null ? null
                : new StatefulSetPersistentVolumeClaimRetentionPolicy(whenDeleted, whenScaled, null);
        return set.withSpec(new StatefulSetSpec(replicas, set.spec().selector(), set.spec().template(),
                List.of(Cluster.claimTemplate("www")), name, null, null, null, null, policy, null, null));
    }

    @Test
    void eachPodGetsItsOwnClaimWithTheTemplateAndSelectorLabels() {
        try (Cluster cluster = new Cluster()) {
            cluster.create(withClaims("web", 2, null, null));
            List<PersistentVolumeClaim> claims = cluster.claims();
            assertThat(claims).extracting(PersistentVolumeClaim::name).containsExactly("www-web-0", "www-web-1");
            for (PersistentVolumeClaim claim : claims) {
                assertThat(claim.metadata().labels()).containsEntry("tier", "data").containsEntry("app", "web");
                assertThat(claim.spec().accessModes()).containsExactly("ReadWriteOnce");
                assertThat(claim.metadata().ownerReferences()).as("Retain/Retain: no owner").isEmpty();
            }
            Pod web1 = cluster.pod("web-1");
            Volume www = web1.spec().volumes().stream().filter(v -> v.name().equals("www")).findFirst().orElseThrow();
            assertThat(www.persistentVolumeClaim().claimName()).isEqualTo("www-web-1");
        }
    }

    @Test
    void claimsOutliveScaleDownAndAreReusedOnScaleUp() {
        try (Cluster cluster = new Cluster()) {
            cluster.create(withClaims("web", 3, null, null));
            String uid = cluster.claims().get(2).uid();
            cluster.scale("web", 1);
            assertThat(cluster.podNames("web")).containsExactly("web-0");
            assertThat(cluster.claims()).extracting(PersistentVolumeClaim::name).containsExactly("www-web-0", "www-web-1", "www-web-2");
            cluster.scale("web", 3);
            assertThat(cluster.podNames("web")).containsExactly("web-0", "web-1", "web-2");
            assertThat(cluster.claims().get(2).uid()).as("the same claim, not a new one").isEqualTo(uid);
        }
    }

    @Test
    void aDeletedPodsClaimIsKeptAndReattached() {
        try (Cluster cluster = new Cluster()) {
            cluster.create(withClaims("web", 1, null, null));
            String claimUid = cluster.claims().get(0).uid();
            Pod before = cluster.pod("web-0");
            cluster.client().delete(before);
            cluster.settle();
            Pod after = cluster.pod("web-0");
            assertThat(after.uid()).isNotEqualTo(before.uid());
            assertThat(cluster.claims()).singleElement().satisfies(c -> assertThat(c.uid()).isEqualTo(claimUid));
        }
    }

    @Test
    void whenDeletedDeleteMakesTheSetOwnTheClaimsSoTheyGoWithIt() {
        try (Cluster cluster = new Cluster()) {
            StatefulSet set = cluster.create(withClaims("web", 2, "Delete", "Retain"));
            assertThat(cluster.claims()).hasSize(2).allSatisfy(claim -> {
                OwnerReference ref = claim.metadata().controllerRef().orElseThrow();
                assertThat(ref.uid()).isEqualTo(set.uid());
                assertThat(ref.kind()).isEqualTo("StatefulSet");
            });
            cluster.client().delete(StatefulSet.class, Cluster.NS, "web", null);
            cluster.settle();
            assertThat(cluster.claims()).isEmpty();
        }
    }

    @Test
    void retainOnDeleteKeepsClaimsWhenTheSetIsDeleted() {
        try (Cluster cluster = new Cluster()) {
            cluster.create(withClaims("web", 2, null, null));
            cluster.client().delete(StatefulSet.class, Cluster.NS, "web", null);
            cluster.settle();
            assertThat(cluster.podNames("web")).isEmpty();
            assertThat(cluster.claims()).hasSize(2);
        }
    }

    @Test
    void whenScaledDeleteHandsTheClaimOfAScaledDownPodToThatPod() {
        try (Cluster cluster = new Cluster()) {
            cluster.create(withClaims("web", 3, "Retain", "Delete"));
            assertThat(cluster.claims()).allSatisfy(c -> assertThat(c.metadata().ownerReferences()).isEmpty());
            cluster.scale("web", 1);
            assertThat(cluster.podNames("web")).containsExactly("web-0");
            assertThat(cluster.claims()).extracting(PersistentVolumeClaim::name).containsExactly("www-web-0");

            cluster.scale("web", 2);
            assertThat(cluster.podNames("web")).containsExactly("web-0", "web-1");
            assertThat(cluster.claims()).extracting(PersistentVolumeClaim::name).containsExactly("www-web-0", "www-web-1");
        }
    }

    @Test
    void aClaimStillOwnedByAnEarlierPodOfTheNameBlocksThePodUntilItIsGone() {
        try (Cluster cluster = new Cluster()) {
            cluster.create(withClaims("web", 2, "Retain", "Delete"));
            PersistentVolumeClaim claim = cluster.claims().get(1);
            // An earlier web-1 owns the claim; a finalizer keeps it while the garbage collector deletes it.
            OwnerReference earlier = new OwnerReference("v1", "Pod", "web-1", "earlier-uid", true, true, null);
            cluster.client().update(claim.withMetadata(claim.metadata().toBuilder()
                    .ownerReferences(List.of(earlier)).finalizers(List.of("example.com/hold")).build()));
            cluster.client().delete(cluster.pod("web-1"));
            cluster.settle();
            assertThat(cluster.podNames("web")).as("web-1 waits for the stale claim").containsExactly("web-0");
            PersistentVolumeClaim held = cluster.claims().get(1);
            assertThat(held.metadata().isBeingDeleted()).isTrue();

            cluster.client().update(held.withMetadata(held.metadata().withFinalizers(List.of())));
            cluster.settle();
            assertThat(cluster.podNames("web")).containsExactly("web-0", "web-1");
            assertThat(cluster.claims().get(1).uid()).as("a new claim").isNotEqualTo(claim.uid());
        }
    }
}
