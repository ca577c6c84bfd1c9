package io.steersman.controller.statefulset;

import static org.assertj.core.api.Assertions.assertThat;

import io.steersman.api.model.apps.StatefulSet;
import io.steersman.api.model.apps.StatefulSetOrdinals;
import io.steersman.api.model.apps.StatefulSetSpec;
import io.steersman.api.model.core.Pod;
import io.steersman.api.model.core.PodStatus;
import io.steersman.api.model.core.Pods;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.core.Container;
import io.steersman.api.model.core.Event;
import io.steersman.api.model.core.PodSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Identity, OrderedReady start and stop, Parallel, and failed pods, against the simulated node. */
class OrderedPodManagementTest {

    @Test
    void podsGetStableNamesLabelsHostnameAndTheSetAsController() {
        try (Cluster cluster = new Cluster()) {
            StatefulSet set = cluster.create(Cluster.set("web", 3, "nginx:1.25"));
            assertThat(cluster.podNames("web")).containsExactly("web-0", "web-1", "web-2");
            for (Pod pod : cluster.pods("web")) {
                String index = Integer.toString(Identity.ordinal(pod));
                assertThat(pod.metadata().labels()).containsEntry("app", "web")
                        .containsEntry(Identity.POD_NAME_LABEL, pod.name())
                        .containsEntry(Identity.POD_INDEX_LABEL, index)
                        .containsKey(Identity.REVISION_LABEL);
                assertThat(pod.spec().hostname()).isEqualTo(pod.name());
                assertThat(pod.spec().subdomain()).isEqualTo("web");
                assertThat(pod.metadata().controllerRef().orElseThrow().uid()).isEqualTo(set.uid());
                assertThat(pod.metadata().controllerRef().orElseThrow().kind()).isEqualTo("StatefulSet");
                assertThat(Pods.isReady(pod)).isTrue();
            }
        }
    }

    @Test
    void ordinalsStartIsHonoured() {
        try (Cluster cluster = new Cluster()) {
            StatefulSet set = Cluster.set("web", 2, "nginx:1.25");
            set = set.withSpec(new StatefulSetSpec(2, set.spec().selector(), set.spec().template(), null, "web", null, null, null,
                    null, null, new StatefulSetOrdinals(5, null), null));
            cluster.create(set);
            assertThat(cluster.podNames("web")).containsExactly("web-5", "web-6");
            assertThat(cluster.pod("web-5").metadata().labels()).containsEntry(Identity.POD_INDEX_LABEL, "5");
        }
    }

    @Test
    void orderedReadyCreatesOrdinalIOnlyOnceAllLowerOnesAreReady() {
        try (Cluster cluster = new Cluster()) {
            cluster.create(Cluster.withPodAnnotation(Cluster.set("web", 3, "nginx:1.25"), Cluster.READY_AFTER, "10s"));
            assertThat(cluster.podNames("web")).containsExactly("web-0");
            assertThat(cluster.pod("web-0").status().phase()).isEqualTo(PodStatus.RUNNING);

            cluster.advance(Duration.ofSeconds(9));
            assertThat(cluster.podNames("web")).as("running but not ready blocks web-1").containsExactly("web-0");
            cluster.advance(Duration.ofSeconds(1));
            assertThat(cluster.podNames("web")).containsExactly("web-0", "web-1");
            cluster.advance(Duration.ofSeconds(10));
            assertThat(cluster.podNames("web")).containsExactly("web-0", "web-1", "web-2");
            cluster.advance(Duration.ofSeconds(10));
            StatefulSet set = cluster.get("web");
            assertThat(set.status().readyReplicasOrZero()).isEqualTo(3);
            assertThat(set.status().replicasOrZero()).isEqualTo(3);
        }
    }

    @Test
    void aPodThatNeverBecomesReadyBlocksTheOrdinalsAfterIt() {
        try (Cluster cluster = new Cluster()) {
            cluster.create(Cluster.withPodAnnotation(Cluster.set("web", 3, "nginx:1.25"), Cluster.READINESS, "fail"));
            cluster.advance(Duration.ofMinutes(5));
            assertThat(cluster.podNames("web")).containsExactly("web-0");
            StatefulSet set = cluster.get("web");
            assertThat(set.status().replicasOrZero()).isEqualTo(1);
            assertThat(set.status().readyReplicasOrZero()).isZero();
        }
    }

    @Test
    void parallelCreatesEveryPodWithoutWaiting() {
        try (Cluster cluster = new Cluster()) {
            StatefulSet set = Cluster.withPodAnnotation(Cluster.set("web", 3, "nginx:1.25"), Cluster.READINESS, "fail");
            set = set.withSpec(new StatefulSetSpec(3, set.spec().selector(), set.spec().template(), null, "web",
                    StatefulSetSpec.PARALLEL, null, null, null, null, null, null));
            cluster.create(set);
            assertThat(cluster.podNames("web")).containsExactly("web-0", "web-1", "web-2");

            cluster.scale("web", 0);
            assertThat(cluster.podNames("web")).isEmpty();
        }
    }

    @Test
    void scaleDownDeletesTheHighestOrdinalFirstAndWaitsForItToBeGone() {
        try (Cluster cluster = new Cluster()) {
            cluster.create(Cluster.withPodAnnotation(Cluster.set("web", 3, "nginx:1.25"), Cluster.TERMINATE_AFTER, "20s"));
            assertThat(cluster.podNames("web")).hasSize(3);

            cluster.scale("web", 1);
            assertThat(cluster.pod("web-2").metadata().isBeingDeleted()).isTrue();
            assertThat(cluster.pod("web-1").metadata().isBeingDeleted()).as("one at a time").isFalse();
            cluster.advance(Duration.ofSeconds(20));
            assertThat(cluster.podNames("web")).containsExactly("web-0", "web-1");
            assertThat(cluster.pod("web-1").metadata().isBeingDeleted()).isTrue();
            cluster.advance(Duration.ofSeconds(20));
            assertThat(cluster.podNames("web")).containsExactly("web-0");
            assertThat(cluster.get("web").status().replicasOrZero()).isEqualTo(1);
        }
    }

    @Test
    void scaleDownWaitsWhileAnotherPodIsUnhealthy() {
        try (Cluster cluster = new Cluster()) {
            cluster.create(Cluster.set("web", 3, "nginx:1.25"));
            Pod web0 = cluster.pod("web-0");
            // web-0's readiness probe starts failing: web-2, healthy and not the first unhealthy pod, must stay.
            cluster.client().update(web0.withMetadata(web0.metadata().withAnnotation(Cluster.READINESS, "fail")));
            cluster.settle();
            assertThat(Pods.isReady(cluster.pod("web-0"))).isFalse();
            cluster.scale("web", 2);
            assertThat(cluster.pod("web-2").metadata().isBeingDeleted()).isFalse();

            Pod unready = cluster.pod("web-0");
            cluster.client().update(unready.withMetadata(unready.metadata().withAnnotation(Cluster.READINESS, "pass")));
            cluster.settle();
            assertThat(cluster.podNames("web")).containsExactly("web-0", "web-1");
        }
    }

    @Test
    void aFailedPodIsDeletedAndRecreatedWithTheSameName() {
        try (Cluster cluster = new Cluster()) {
            cluster.create(Cluster.set("web", 2, "nginx:1.25"));
            Pod web1 = cluster.pod("web-1");
            cluster.client().updateStatus(web1.withStatus(web1.status().withPhase(PodStatus.FAILED)));
            cluster.settle();
            Pod recreated = cluster.pod("web-1");
            assertThat(recreated.uid()).isNotEqualTo(web1.uid());
            assertThat(recreated.status().phase()).isEqualTo(PodStatus.RUNNING);
            assertThat(cluster.get("web").status().readyReplicasOrZero()).isEqualTo(2);
        }
    }

    @Test
    void creationsAndDeletionsAreRecordedAsEventsOnTheSet() {
        try (Cluster cluster = new Cluster()) {
            cluster.create(Cluster.set("web", 2, "nginx:1.25"));
            cluster.scale("web", 1);
            List<String> messages = cluster.cp.list(Event.class, Cluster.NS).stream()
                    .filter(e -> "web".equals(e.involvedObject().name()) && "StatefulSet".equals(e.involvedObject().kind()))
                    .map(e -> e.reason() + ": " + e.message()).toList();
            assertThat(messages).contains("SuccessfulCreate: create Pod web-0 in StatefulSet web successful",
                    "SuccessfulCreate: create Pod web-1 in StatefulSet web successful",
                    "SuccessfulDelete: delete Pod web-1 in StatefulSet web successful");
        }
    }

    @Test
    void aForeignPodHoldingAnOrdinalsNameBlocksThatOrdinal() {
        try (Cluster cluster = new Cluster()) {
            // Named like the set's pod, but the selector does not match: never adopted, so web-0 cannot be created.
            cluster.cp.apply(Pod.of(ObjectMeta.builder().namespace(Cluster.NS).name("web-0").labels(Map.of("app", "other")).build(),
                    PodSpec.of(List.of(Container.of("main", "nginx:1.25")))));
            cluster.create(Cluster.set("web", 2, "nginx:1.25"));
            assertThat(cluster.podNames("web")).containsExactly("web-0");
            assertThat(cluster.pod("web-0").metadata().ownerReferences()).isEmpty();
            assertThat(cluster.cp.list(Event.class, Cluster.NS).stream().map(Event::reason)).contains("FailedCreate");
        }
    }

    @Test
    void creatingAPodTheSetAlreadyCreatedIsSunkWithoutAFailedCreateEvent() {
        try (Cluster cluster = new Cluster()) {
            cluster.create(Cluster.set("web", 1, "nginx:1.25"));
            StatefulSet set = cluster.get("web");
            List<String> reasons = new java.util.ArrayList<>();
            StatefulPodControl control = new StatefulPodControl(cluster.client(),
                    (involved, type, reason, format, args) -> reasons.add(reason));
            // A pass that read the cache before it saw web-0 (created by the pass before) creates it again.
            Pod again = Identity.newPod(set, set.spec().template(), 0, set.status().updateRevision());

            control.createPod(set, again);

            assertThat(reasons).isEmpty();
            assertThat(cluster.cp.list(Event.class, Cluster.NS).stream().map(Event::reason)).doesNotContain("FailedCreate");
        }
    }
}
