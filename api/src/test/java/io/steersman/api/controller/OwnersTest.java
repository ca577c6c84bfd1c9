package io.steersman.api.controller;

import static org.assertj.core.api.Assertions.assertThat;

import io.steersman.api.model.LabelSelector;
import io.steersman.api.model.LabelSelectorRequirement;
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

class OwnersTest {
    private static final Map<String, String> WEB = Map.of("app", "web");

    private final ReplicaSet web = replicaSet("default", "web", LabelSelector.matchLabels(WEB));
    private final ReplicaSet other = replicaSet("default", "db", LabelSelector.matchLabels(Map.of("app", "db")));
    private final ReplicaSet everything = replicaSet("default", "all", LabelSelector.matchLabels(Map.of()));
    private final ReplicaSet invalid = replicaSet("default", "bad",
            new LabelSelector(null, List.of(new LabelSelectorRequirement("app", "Bogus", List.of("web"), null)), null));
    private final ReplicaSet elsewhere = replicaSet("other", "web", LabelSelector.matchLabels(WEB));
    private final ListingClient cache = new ListingClient(web, other, everything, invalid, elsewhere);

    @Test
    void aControlledObjectWakesItsControllerOnly() {
        Pod pod = pod(ObjectMeta.builder().ownerReferences(List.of(OwnerReference.controllerOf(other))));

        assertThat(mapped(pod)).containsExactly(new Request("default", "db"));
    }

    @Test
    void anObjectControlledByAnotherKindWakesNobody() {
        OwnerReference job = new OwnerReference("batch/v1", "Job", "web", "u-job", true, true, null);

        assertThat(mapped(pod(ObjectMeta.builder().ownerReferences(List.of(job))))).isEmpty();
    }

    @Test
    void anOrphanWakesEveryOwnerInItsNamespaceWhoseValidNonEmptySelectorMatches() {
        assertThat(mapped(pod(ObjectMeta.builder()))).containsExactly(new Request("default", "web"));
    }

    @Test
    void anOrphanBeingDeletedWakesNobody() {
        Pod pod = pod(ObjectMeta.builder().deletionTimestamp(Instant.parse("2026-01-01T00:00:00Z")));

        assertThat(mapped(pod)).isEmpty();
    }

    @Test
    void selectingAppliesTheExtraConditionAndIgnoresOwnershipAndDeletion() {
        Pod pod = pod(ObjectMeta.builder().ownerReferences(List.of(OwnerReference.controllerOf(other)))
                .deletionTimestamp(Instant.parse("2026-01-01T00:00:00Z")));

        assertThat(Owners.selecting(pod, ReplicaSet.class, rs -> rs.spec().selector(), rs -> true, cache))
                .containsExactly(new Request("default", "web"));
        assertThat(Owners.selecting(pod, ReplicaSet.class, rs -> rs.spec().selector(), rs -> !rs.name().equals("web"), cache))
                .isEmpty();
    }

    private List<Request> mapped(Pod pod) {
        return List.copyOf(Owners.controllerOrSelecting(pod, ReplicaSet.KIND, ReplicaSet.class, rs -> rs.spec().selector(), cache));
    }

    private static Pod pod(ObjectMeta.Builder meta) {
        return Pod.of(meta.namespace("default").name("web-1").labels(WEB).build(), PodSpec.EMPTY);
    }

    private static ReplicaSet replicaSet(String namespace, String name, LabelSelector selector) {
        ObjectMeta meta = ObjectMeta.builder().namespace(namespace).name(name).uid("u-" + namespace + "-" + name).build();
        return ReplicaSet.of(meta, ReplicaSetSpec.of(1, selector, null));
    }
}
