package io.steersman.controller.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.steersman.api.model.IntOrString;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.apps.Deployment;
import io.steersman.api.model.apps.DeploymentCondition;
import io.steersman.api.model.apps.DeploymentStrategy;
import io.steersman.api.model.apps.ReplicaSet;
import io.steersman.api.model.apps.ReplicaSetSpec;
import io.steersman.api.model.core.Pod;
import io.steersman.api.model.core.Pods;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class DeploymentBehaviourTest {

    private static Deployment withAnnotation(Deployment d, String key, String value) {
        var template = d.spec().template();
        return d.withSpec(d.spec().withTemplate(template.withMetadata(template.metadata().withAnnotation(key, value))));
    }

    @Test
    void newDeploymentGetsOneReplicaSetNamedAfterItsTemplateHash() {
        try (Cluster cluster = new Cluster()) {
            cluster.create(Cluster.deployment("web", 3, "nginx:1.9.1", null));
            List<ReplicaSet> sets = cluster.replicaSets("web");
            assertThat(sets).hasSize(1);
            ReplicaSet rs = sets.get(0);
            String hash = rs.metadata().labels().get(ReplicaSets.POD_TEMPLATE_HASH);
            assertThat(hash).isEqualTo(TemplateHash.compute(cluster.get("web").spec().template(), null));
            assertThat(rs.name()).isEqualTo("web-" + hash);
            assertThat(rs.spec().selector().matchLabels()).containsEntry(ReplicaSets.POD_TEMPLATE_HASH, hash).containsEntry("app", "web");
            assertThat(rs.spec().template().metadata().labels()).containsEntry(ReplicaSets.POD_TEMPLATE_HASH, hash);
            assertThat(rs.metadata().annotations()).containsEntry(Revisions.REVISION, "1")
                    .containsEntry(Revisions.DESIRED_REPLICAS, "3").containsEntry(Revisions.MAX_REPLICAS, "4");
            assertThat(cluster.pods("web")).hasSize(3).allSatisfy(pod -> {
                assertThat(pod.metadata().labels()).containsEntry(ReplicaSets.POD_TEMPLATE_HASH, hash);
                assertThat(pod.name()).startsWith(rs.name() + "-");
                assertThat(pod.metadata().controllerRef().orElseThrow().uid()).isEqualTo(rs.uid());
            });
            Deployment d = cluster.get("web");
            assertThat(d.status().replicasOrZero()).isEqualTo(3);
            assertThat(d.status().readyReplicasOrZero()).isEqualTo(3);
            assertThat(d.status().unavailableReplicasOrZero()).isZero();
            assertThat(d.status().observedGenerationOrZero()).isEqualTo(d.metadata().generationOrZero());
            assertThat(d.status().condition(DeploymentCondition.AVAILABLE).orElseThrow().reason()).isEqualTo(Progress.MINIMUM_REPLICAS_AVAILABLE);
            assertThat(d.status().condition(DeploymentCondition.PROGRESSING).orElseThrow().message())
                    .isEqualTo("ReplicaSet \"" + rs.name() + "\" has successfully progressed.");
        }
    }

    @Test
    void changeCauseIsCopiedToTheNewReplicaSetButNotTheControllersOwnAnnotations() {
        try (Cluster cluster = new Cluster()) {
            Deployment d = Cluster.deployment("web", 1, "nginx:1.9.1", null);
            cluster.create(d.withMetadata(d.metadata().withAnnotations(Map.of("kubernetes.io/change-cause", "first",
                    Revisions.LAST_APPLIED, "{}"))));
            ReplicaSet rs = cluster.replicaSets("web").get(0);
            assertThat(rs.metadata().annotations()).containsEntry("kubernetes.io/change-cause", "first")
                    .doesNotContainKey(Revisions.LAST_APPLIED);
        }
    }

    @Test
    void scalingMidRolloutIsProportionalAsUpstreamE2e() {
        try (Cluster cluster = new Cluster()) {
            cluster.create(Cluster.deployment("web", 10, "nginx:1.9.1", Cluster.rolling(3, 2)));
            cluster.setImage("web", "webserver:404");
            cluster.settle();
            assertThat(cluster.replicaSet("web", "nginx:1.9.1").spec().replicas()).isEqualTo(8);
            assertThat(cluster.replicaSet("web", "webserver:404").spec().replicas()).isEqualTo(5);

            cluster.update("web", d -> d.withSpec(d.spec().withReplicas(30)));
            cluster.settle();
            assertThat(cluster.replicaSet("web", "nginx:1.9.1").spec().replicas()).isEqualTo(20);
            assertThat(cluster.replicaSet("web", "webserver:404").spec().replicas()).isEqualTo(13);
            assertThat(cluster.replicaSets("web")).allSatisfy(rs -> assertThat(rs.metadata().annotations())
                    .containsEntry(Revisions.DESIRED_REPLICAS, "30").containsEntry(Revisions.MAX_REPLICAS, "33"));
            assertThat(cluster.pods("web").stream().filter(Pods::isActive)).hasSize(33);
        }
    }

    @Test
    void recreateNeverRunsOldAndNewPodsTogether() {
        try (Cluster cluster = new Cluster(); WriteObserver observer = new WriteObserver(cluster)) {
            cluster.create(withAnnotation(Cluster.deployment("web", 3, "nginx:1.9.1", DeploymentStrategy.recreate()),
                    Cluster.READY_AFTER, "5"));
            cluster.advance(Duration.ofSeconds(6));
            assertThat(cluster.get("web").status().availableReplicasOrZero()).isEqualTo(3);
            Function<WriteObserver.State, String> noOverlap = state -> {
                boolean oldRunning = false;
                boolean newRunning = false;
                for (Pod pod : state.pods()) {
                    if (!Checks.ofApp(pod, "web") || Pods.isTerminal(pod)) continue;
                    if ("nginx:1.9.1".equals(pod.spec().containers().get(0).image())) oldRunning = true;
                    else newRunning = true;
                }
                return oldRunning && newRunning ? "old and new pods at once" : null;
            };
            observer.check(List.of(noOverlap, Checks.atMostPods("web", 3)));
            cluster.setImage("web", "nginx:1.25");
            cluster.settle();
            cluster.advance(Duration.ofSeconds(6));
            Deployment d = cluster.get("web");
            assertThat(d.status().availableReplicasOrZero()).isEqualTo(3);
            assertThat(d.status().updatedReplicasOrZero()).isEqualTo(3);
            assertThat(cluster.replicaSet("web", "nginx:1.9.1").spec().replicas()).isZero();
            assertThat(observer.violations()).isEmpty();
            // Recreate has maxUnavailable 0: Available only with every replica.
            assertThat(d.status().condition(DeploymentCondition.AVAILABLE).orElseThrow().isTrue()).isTrue();
        }
    }

    @Test
    void revisionHistoryLimitDeletesTheOldestScaledDownReplicaSets() {
        try (Cluster cluster = new Cluster()) {
            Deployment d = Cluster.deployment("web", 2, "app:1", null);
            cluster.create(d.withSpec(d.spec().withRevisionHistoryLimit(2)));
            for (int i = 2; i <= 5; i++) {
                cluster.setImage("web", "app:" + i);
                cluster.settle();
            }
            List<ReplicaSet> sets = cluster.replicaSets("web");
            assertThat(sets).extracting(rs -> rs.spec().template().spec().containers().get(0).image())
                    .containsExactlyInAnyOrder("app:3", "app:4", "app:5");
            assertThat(cluster.get("web").metadata().annotations()).containsEntry(Revisions.REVISION, "5");
        }
    }

    @Test
    void revisionHistoryLimitZeroKeepsNoOldReplicaSet() {
        try (Cluster cluster = new Cluster()) {
            Deployment d = Cluster.deployment("web", 2, "app:1", null);
            cluster.create(d.withSpec(d.spec().withRevisionHistoryLimit(0)));
            cluster.setImage("web", "app:2");
            cluster.settle();
            assertThat(cluster.replicaSets("web")).singleElement()
                    .satisfies(rs -> assertThat(rs.metadata().annotations()).containsEntry(Revisions.REVISION, "2"));
            assertThat(Revisions.lastRevision(cluster.replicaSets("web").stream().map(rs -> rs.metadata().annotations()).toList()))
                    .as("undo has nothing to go back to").isZero();
        }
    }

    @Test
    void pausedDeploymentScalesButCreatesNoReplicaSetUntilResumed() {
        try (Cluster cluster = new Cluster()) {
            cluster.create(Cluster.deployment("web", 2, "app:1", null));
            cluster.update("web", d -> d.withSpec(d.spec().withPaused(true)));
            cluster.settle();
            assertThat(cluster.get("web").status().condition(DeploymentCondition.PROGRESSING).orElseThrow())
                    .satisfies(c -> {
                        assertThat(c.status()).isEqualTo("Unknown");
                        assertThat(c.reason()).isEqualTo(Progress.PAUSED);
                        assertThat(c.message()).isEqualTo("Deployment is paused");
                    });
            cluster.setImage("web", "app:2");
            cluster.update("web", d -> d.withSpec(d.spec().withReplicas(5)));
            cluster.settle();
            assertThat(cluster.replicaSets("web")).singleElement().satisfies(rs -> assertThat(rs.spec().replicas()).isEqualTo(5));
            assertThat(cluster.get("web").metadata().annotations()).containsEntry(Revisions.REVISION, "1");
            assertThat(cluster.get("web").status().availableReplicasOrZero()).isEqualTo(5);
            cluster.advance(Duration.ofHours(1));
            assertThat(cluster.get("web").status().condition(DeploymentCondition.PROGRESSING).orElseThrow().reason())
                    .as("no deadline while paused").isEqualTo(Progress.PAUSED);

            cluster.update("web", d -> d.withSpec(d.spec().withPaused(false)));
            cluster.settle();
            Deployment d = cluster.get("web");
            assertThat(d.metadata().annotations()).containsEntry(Revisions.REVISION, "2");
            assertThat(cluster.replicaSet("web", "app:2").spec().replicas()).isEqualTo(5);
            assertThat(cluster.replicaSet("web", "app:1").spec().replicas()).isZero();
            assertThat(d.status().updatedReplicasOrZero()).isEqualTo(5);
            assertThat(d.status().condition(DeploymentCondition.PROGRESSING).orElseThrow().reason()).isEqualTo(Progress.NEW_RS_AVAILABLE);
        }
    }

    @Test
    void orphanReplicaSetWithTheSameTemplateIsAdoptedAsTheNewOne() {
        try (Cluster cluster = new Cluster()) {
            Deployment d = Cluster.deployment("web", 2, "app:1", null);
            var template = d.spec().template();
            var rsTemplate = template.withMetadata(template.metadata().withLabel(ReplicaSets.POD_TEMPLATE_HASH, "abc"));
            cluster.client().create(ReplicaSet.of(
                    ObjectMeta.builder().namespace(Cluster.NS).name("web-abc").labels(rsTemplate.metadata().labels()).build(),
                    ReplicaSetSpec.of(2, new io.steersman.api.model.LabelSelector(rsTemplate.metadata().labels(), null, null), rsTemplate)));
            cluster.settle();
            assertThat(cluster.client().list(Pod.class, Cluster.NS)).hasSize(2);
            cluster.create(d);
            List<ReplicaSet> sets = cluster.replicaSets("web");
            assertThat(sets).singleElement().satisfies(rs -> {
                assertThat(rs.name()).isEqualTo("web-abc");
                assertThat(rs.metadata().controllerRef().orElseThrow().uid()).isEqualTo(cluster.get("web").uid());
                assertThat(rs.metadata().annotations()).containsEntry(Revisions.REVISION, "1");
            });
            assertThat(cluster.client().list(Pod.class, Cluster.NS)).hasSize(2);
            assertThat(cluster.get("web").status().availableReplicasOrZero()).isEqualTo(2);
        }
    }

    @Test
    void orphanReplicaSetCreatedLaterIsAdoptedAsAnOldOneAndScaledDown() {
        try (Cluster cluster = new Cluster()) {
            cluster.create(Cluster.deployment("web", 2, "app:2", null));
            var template = Cluster.deployment("web", 1, "app:1", null).spec().template();
            var rsTemplate = template.withMetadata(template.metadata().withLabel(ReplicaSets.POD_TEMPLATE_HASH, "old"));
            cluster.client().create(ReplicaSet.of(
                    ObjectMeta.builder().namespace(Cluster.NS).name("web-old").labels(rsTemplate.metadata().labels()).build(),
                    ReplicaSetSpec.of(1, new io.steersman.api.model.LabelSelector(rsTemplate.metadata().labels(), null, null), rsTemplate)));
            cluster.settle();
            ReplicaSet adopted = cluster.client().get(ReplicaSet.class, Cluster.NS, "web-old").orElseThrow();
            assertThat(adopted.metadata().controllerRef().orElseThrow().uid()).isEqualTo(cluster.get("web").uid());
            assertThat(adopted.spec().replicas()).isZero();
            assertThat(cluster.pods("web")).hasSize(2).allMatch(p -> p.spec().containers().get(0).image().equals("app:2"));
        }
    }

    @Test
    void revisionAnnotationComesBackWhenAnnotationsAreReplaced() {
        try (Cluster cluster = new Cluster()) {
            cluster.create(Cluster.deployment("web", 1, "app:1", null));
            cluster.update("web", d -> d.withMetadata(d.metadata().withAnnotations(Map.of("team", "a"))));
            cluster.settle();
            assertThat(cluster.get("web").metadata().annotations()).containsEntry(Revisions.REVISION, "1").containsEntry("team", "a");
        }
    }

    @Test
    void legacyRollbackAnnotationRestoresThePreviousRevision() {
        try (Cluster cluster = new Cluster()) {
            cluster.create(Cluster.deployment("web", 2, "app:1", null));
            cluster.setImage("web", "app:2");
            cluster.settle();
            cluster.update("web", d -> d.withMetadata(d.metadata().withAnnotation(Revisions.ROLLBACK_TO, "0")));
            cluster.settle();
            Deployment d = cluster.get("web");
            assertThat(d.metadata().annotations()).doesNotContainKey(Revisions.ROLLBACK_TO).containsEntry(Revisions.REVISION, "3");
            assertThat(d.spec().template().spec().containers().get(0).image()).isEqualTo("app:1");
            assertThat(cluster.replicaSet("web", "app:1").spec().replicas()).isEqualTo(2);
            assertThat(cluster.events("web", Rollback.ROLLBACK_DONE)).containsExactly("Rolled back deployment \"web\" to revision 1");
        }
    }

    @Test
    void aNameTakenByAnotherTemplateIsAHashCollisionResolvedThroughCollisionCount() {
        try (Cluster cluster = new Cluster()) {
            // Paused, the Deployment makes no ReplicaSet yet: its stored (defaulted) template gives the hash.
            Deployment d = Cluster.deployment("web", 1, "app:1", null);
            cluster.create(d.withSpec(d.spec().withPaused(true)));
            d = cluster.get("web");
            String hash = TemplateHash.compute(d.spec().template(), null);
            Map<String, String> otherLabels = Map.of("app", "other");
            var otherTemplate = Cluster.deployment("other", 1, "app:9", null).spec().template();
            cluster.client().create(ReplicaSet.of(ObjectMeta.builder().namespace(Cluster.NS).name("web-" + hash).labels(otherLabels).build(),
                    ReplicaSetSpec.of(0, io.steersman.api.model.LabelSelector.matchLabels(otherLabels), otherTemplate)));
            cluster.settle();
            cluster.update("web", x -> x.withSpec(x.spec().withPaused(false)));
            cluster.settle();
            Deployment created = cluster.get("web");
            assertThat(created.status().collisionCount()).isEqualTo(1);
            String newHash = TemplateHash.compute(d.spec().template(), 1);
            assertThat(cluster.replicaSets("web")).singleElement()
                    .satisfies(rs -> assertThat(rs.name()).isEqualTo("web-" + newHash));
            assertThat(created.status().availableReplicasOrZero()).isEqualTo(1);
        }
    }

    @Test
    void rolloutWaitsForReadinessAndMinReadySecondsNotForRunning() {
        try (Cluster cluster = new Cluster()) {
            Deployment d = Cluster.deployment("web", 2, "app:1", Cluster.rolling(1, 0));
            cluster.create(d.withSpec(d.spec().withMinReadySeconds(10)));
            cluster.advance(Duration.ofSeconds(11));
            assertThat(cluster.get("web").status().availableReplicasOrZero()).isEqualTo(2);

            cluster.update("web", x -> withAnnotation(x.withSpec(x.spec().withTemplate(x.spec().template().withSpec(
                    x.spec().template().spec().withContainers(List.of(io.steersman.api.model.core.Container.of("main", "app:2")))))),
                    Cluster.READY_AFTER, "30s"));
            cluster.settle();
            assertThat(cluster.replicaSet("web", "app:2").spec().replicas()).isEqualTo(1);
            Pod surge = cluster.client().listControlledBy(Pod.class, cluster.replicaSet("web", "app:2")).get(0);
            assertThat(surge.status().phase()).isEqualTo("Running");
            cluster.advance(Duration.ofSeconds(29));
            assertThat(cluster.replicaSet("web", "app:1").spec().replicas()).as("running but not ready").isEqualTo(2);
            cluster.advance(Duration.ofSeconds(2));
            assertThat(cluster.get("web").status().readyReplicasOrZero()).isEqualTo(3);
            assertThat(cluster.replicaSet("web", "app:1").spec().replicas()).as("ready but not yet for minReadySeconds").isEqualTo(2);
            cluster.advance(Duration.ofSeconds(11));
            assertThat(cluster.replicaSet("web", "app:1").spec().replicas()).as("available: one old pod may go").isEqualTo(1);
            cluster.advance(Duration.ofSeconds(31));
            cluster.advance(Duration.ofSeconds(11));
            Deployment done = cluster.get("web");
            assertThat(done.status().updatedReplicasOrZero()).isEqualTo(2);
            assertThat(done.status().availableReplicasOrZero()).isEqualTo(2);
            assertThat(cluster.replicaSet("web", "app:1").spec().replicas()).isZero();
        }
    }

    @Test
    void rollsOutWithWorkerThreadsAndTheSystemClock() {
        try (Cluster cluster = new Cluster(true)) {
            cluster.create(Cluster.deployment("web", 5, "app:1", null));
            cluster.setImage("web", "app:2");
            cluster.settle();
            Deployment d = cluster.get("web");
            assertThat(d.status().updatedReplicasOrZero()).isEqualTo(5);
            assertThat(d.status().availableReplicasOrZero()).isEqualTo(5);
            assertThat(cluster.pods("web").stream().filter(Pods::isActive))
                    .hasSize(5).allMatch(p -> p.spec().containers().get(0).image().equals("app:2"));
        }
    }

    @Test
    void percentagesResolveWithUpstreamRounding() {
        try (Cluster cluster = new Cluster(); WriteObserver observer = new WriteObserver(cluster)) {
            // 10 replicas, 25%/25%: surge 3 (rounded up), unavailable 2 (rounded down)
            cluster.create(Cluster.deployment("web", 10, "app:1",
                    DeploymentStrategy.rollingUpdate(IntOrString.of("25%"), IntOrString.of("25%"))));
            observer.check(List.of(Checks.atMostPods("web", 13), Checks.atLeastReady("web", 8)));
            cluster.setImage("web", "nginx:0.0.404");
            cluster.settle();
            assertThat(cluster.replicaSet("web", "app:1").spec().replicas()).isEqualTo(8);
            assertThat(cluster.replicaSet("web", "nginx:0.0.404").spec().replicas()).isEqualTo(5);
            assertThat(observer.violations()).isEmpty();
        }
    }
}
