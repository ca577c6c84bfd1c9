package io.steersman.controller.statefulset;

import static org.assertj.core.api.Assertions.assertThat;

import io.steersman.api.client.DeleteOptions;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.apps.ControllerRevision;
import io.steersman.api.model.apps.StatefulSet;
import io.steersman.api.model.apps.StatefulSetUpdateStrategy;
import io.steersman.api.model.core.Container;
import io.steersman.api.model.core.Pod;
import io.steersman.api.model.core.PodSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Adoption and release of pods and revisions, as upstream's ControllerRefManager. */
class OwnershipTest {

    private static Pod orphan(String name, Map<String, String> labels) {
        return Pod.of(ObjectMeta.builder().namespace(Cluster.NS).name(name).labels(labels).build(),
                PodSpec.of(List.of(Container.of("main", "nginx:1.25"))));
    }

    @Test
    void anOrphanWithTheSetsNameAndLabelsIsAdoptedAndOneWithAnotherNameIsNot() {
        try (Cluster cluster = new Cluster()) {
            Pod web1 = cluster.cp.apply(orphan("web-1", Map.of("app", "web")));
            Pod stranger = cluster.cp.apply(orphan("cache-0", Map.of("app", "web")));
            cluster.settle();
            // OnDelete: an adopted pod without the revision label would otherwise be rolled to the update revision.
            StatefulSet set = Cluster.set("web", 2, "nginx:1.25");
            set = cluster.create(set.withSpec(set.spec().withUpdateStrategy(
                    new StatefulSetUpdateStrategy(StatefulSetUpdateStrategy.ON_DELETE, null, null))));

            Pod adopted = cluster.pod("web-1");
            assertThat(adopted.uid()).isEqualTo(web1.uid());
            assertThat(adopted.metadata().controllerRef().orElseThrow().uid()).isEqualTo(set.uid());
            assertThat(cluster.pod("cache-0").metadata().ownerReferences()).isEmpty();
            assertThat(cluster.pod("cache-0").uid()).isEqualTo(stranger.uid());
            assertThat(cluster.podNames("web")).containsExactly("web-0", "web-1");
        }
    }

    @Test
    void aPodWhoseLabelsStopMatchingIsReleased() {
        try (Cluster cluster = new Cluster()) {
            cluster.create(Cluster.set("web", 1, "nginx:1.25"));
            Pod web0 = cluster.pod("web-0");
            cluster.client().update(web0.withMetadata(web0.metadata().withLabel("app", "debug")));
            cluster.settle();
            assertThat(cluster.pod("web-0").metadata().ownerReferences()).isEmpty();
            assertThat(cluster.get("web").status().replicasOrZero()).isZero();
        }
    }

    @Test
    void aSetDeletedWithOrphanLeavesItsPodsAndANewSetOfTheSameNameAdoptsThemAndTheirRevision() {
        try (Cluster cluster = new Cluster()) {
            cluster.create(Cluster.set("web", 2, "nginx:1.25"));
            List<String> uids = cluster.pods("web").stream().map(Pod::uid).toList();
            ControllerRevision revision = cluster.revisions("web").get(0);

            cluster.client().delete(StatefulSet.class, Cluster.NS, "web", DeleteOptions.propagation(DeleteOptions.PropagationPolicy.Orphan));
            cluster.settle();
            assertThat(cluster.pods("web")).hasSize(2).allSatisfy(p -> assertThat(p.metadata().ownerReferences()).isEmpty());

            StatefulSet again = cluster.create(Cluster.set("web", 2, "nginx:1.25"));
            assertThat(cluster.pods("web")).extracting(Pod::uid).containsExactlyElementsOf(uids);
            assertThat(cluster.pods("web")).allSatisfy(p -> assertThat(p.metadata().controllerRef().orElseThrow().uid()).isEqualTo(again.uid()));
            assertThat(cluster.revisions("web")).singleElement().satisfies(r -> {
                assertThat(r.uid()).isEqualTo(revision.uid());
                assertThat(r.metadata().controllerRef().orElseThrow().uid()).isEqualTo(again.uid());
            });
            assertThat(cluster.get("web").status().currentRevision()).isEqualTo(revision.name());
        }
    }

    @Test
    void deletingTheSetLetsTheGarbageCollectorRemoveItsPodsAndRevisions() {
        try (Cluster cluster = new Cluster()) {
            cluster.create(Cluster.set("web", 3, "nginx:1.25"));
            cluster.client().delete(StatefulSet.class, Cluster.NS, "web", null);
            cluster.settle();
            assertThat(cluster.pods("web")).isEmpty();
            assertThat(cluster.revisions("web")).isEmpty();
        }
    }
}
