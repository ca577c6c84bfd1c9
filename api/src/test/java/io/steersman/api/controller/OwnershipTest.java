package io.steersman.api.controller;

import static org.assertj.core.api.Assertions.assertThat;

import io.steersman.api.model.ApiObject;
import io.steersman.api.model.LabelSelector;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.OwnerReference;
import io.steersman.api.model.apps.ReplicaSet;
import io.steersman.api.model.apps.ReplicaSetSpec;
import io.steersman.api.model.core.Pod;
import io.steersman.api.model.core.PodSpec;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OwnershipTest {
    private final ReplicaSet owner = replicaSet("u-1", null);

    @Test
    void anObjectIsControlledByTheOwnerItsControllerReferenceNamesByUid() {
        assertThat(Ownership.isControlledBy(pod(OwnerReference.controllerOf(owner)), owner)).isTrue();
    }

    @Test
    void aNonControllerReferenceOrAnotherUidOrNoReferenceIsNotControl() {
        OwnerReference plain = new OwnerReference(ReplicaSet.API_VERSION, ReplicaSet.KIND, "web", "u-1", false, null, null);
        ReplicaSet replaced = replicaSet("u-2", null);

        assertThat(Ownership.isControlledBy(pod(plain), owner)).isFalse();
        assertThat(Ownership.isControlledBy(pod(OwnerReference.controllerOf(replaced)), owner)).isFalse();
        assertThat(Ownership.isControlledBy(pod(), owner)).isFalse();
    }

    @Test
    void anOwnerThatIsStillCurrentMayAdopt() {
        assertThat(Ownership.canAdopt(new ListingClient(owner), owner)).isTrue();
    }

    @Test
    void anOwnerThatIsGoneReplacedOrBeingDeletedMayNotAdopt() {
        ReplicaSet deleting = replicaSet("u-1", Instant.parse("2026-01-01T00:00:00Z"));

        assertThat(Ownership.canAdopt(new ListingClient(), owner)).isFalse();
        assertThat(Ownership.canAdopt(new ListingClient(replicaSet("u-2", null)), owner)).isFalse();
        assertThat(Ownership.canAdopt(new ListingClient(deleting), owner)).isFalse();
    }

    private static ApiObject pod(OwnerReference... refs) {
        return Pod.of(ObjectMeta.builder().namespace("default").name("web-1").ownerReferences(List.of(refs)).build(), PodSpec.EMPTY);
    }

    private static ReplicaSet replicaSet(String uid, Instant deletionTimestamp) {
        ObjectMeta meta = ObjectMeta.builder().namespace("default").name("web").uid(uid).deletionTimestamp(deletionTimestamp).build();
        return ReplicaSet.of(meta, ReplicaSetSpec.of(1, LabelSelector.matchLabels(Map.of("app", "web")), null));
    }
}
