package io.steersman.controller.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.steersman.api.model.apps.Deployment;
import io.steersman.api.model.core.Container;
import io.steersman.api.model.core.Pod;
import io.steersman.api.model.core.Pods;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Many seeded random rollouts: replica counts, surge and unavailability, readiness delays, images
 * that never become ready, pods failing on their own, scaling mid-rollout, pause and resume. After
 * every write to a pod or ReplicaSet: at most replicas + maxSurge pods, and at least
 * replicas − maxUnavailable ready unless a pod failed on its own meanwhile. Every run ends with all
 * pods on the newest template. A failure names its seed; rerun with that seed alone to debug.
 */
class RandomRolloutTest {

    static LongStream seeds() {
        return LongStream.range(1, 13);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomRolloutsKeepTheirBoundsAndFinishOnTheNewestTemplate(long seed) {
        Random random = new Random(seed);
        int surge = random.nextInt(4);
        int unavailable = surge == 0 ? 1 + random.nextInt(3) : random.nextInt(4);
        int replicas = 1 + random.nextInt(8);
        String description = "seed " + seed + " (surge " + surge + ", unavailable " + unavailable + ")";
        try (Cluster cluster = new Cluster(); WriteObserver observer = new WriteObserver(cluster)) {
            Deployment initial = Cluster.deployment("web", replicas, "app:1", Cluster.rolling(surge, unavailable));
            cluster.create(withReadyAfter(initial, random.nextInt(5)));
            drive(cluster, random);
            int version = 1;
            List<String> log = new ArrayList<>();
            for (int step = 0; step < 8; step++) {
                int action = random.nextInt(6);
                replicas = cluster.get("web").spec().replicasOrDefault();
                boolean killed = false;
                switch (action) {
                    case 0, 1 -> {
                        arm(observer, replicas, surge, unavailable, true);
                        String image = random.nextInt(4) == 0 ? "missing:" + version : "app:" + (++version);
                        int delay = random.nextInt(20);
                        log.add("image " + image + " ready-after " + delay);
                        cluster.update("web", d -> withReadyAfter(withImage(d, image), delay));
                    }
                    case 2 -> {
                        int to = 1 + random.nextInt(8);
                        log.add("scale " + replicas + " -> " + to);
                        observer.check(List.of(Checks.atMostReplicasInSpecs("web", Math.max(replicas, to) + surge)));
                        cluster.update("web", d -> d.withSpec(d.spec().withReplicas(to)));
                    }
                    case 3 -> {
                        String image = "app:" + (++version);
                        log.add("pause, image " + image + ", resume");
                        arm(observer, replicas, surge, unavailable, true);
                        cluster.update("web", d -> d.withSpec(d.spec().withPaused(true)));
                        cluster.settle();
                        cluster.update("web", d -> withImage(d, image));
                        cluster.advance(Duration.ofSeconds(random.nextInt(30)));
                        cluster.update("web", d -> d.withSpec(d.spec().withPaused(false)));
                    }
                    case 4 -> {
                        log.add("a pod fails on its own");
                        arm(observer, replicas, surge, unavailable, false);
                        List<Pod> pods = cluster.pods("web").stream().filter(Pods::isActive).toList();
                        if (!pods.isEmpty()) {
                            // As an eviction or a lost node would: the pod goes, its ReplicaSet replaces it.
                            Pod victim = pods.get(random.nextInt(pods.size()));
                            cluster.client().delete(victim);
                        }
                        killed = true;
                    }
                    default -> {
                        log.add("time passes");
                        arm(observer, replicas, surge, unavailable, true);
                    }
                }
                cluster.settle();
                drive(cluster, random);
                assertThat(observer.violations()).as(description + " after " + log).isEmpty();
                if (killed) {
                    observer.check(List.of());
                }
            }
            // The last rollout is always to a good image: it must complete.
            replicas = cluster.get("web").spec().replicasOrDefault();
            arm(observer, replicas, surge, unavailable, true);
            String last = "app:" + (++version);
            log.add("image " + last);
            cluster.update("web", d -> withImage(d, last));
            cluster.settle();
            drive(cluster, random);
            Deployment d = cluster.get("web");
            assertThat(observer.violations()).as(description + " after " + log).isEmpty();
            List<Pod> pods = cluster.pods("web").stream().filter(Pods::isActive).toList();
            assertThat(pods).as(description + " after " + log).hasSize(replicas)
                    .allMatch(pod -> pod.spec().containers().get(0).image().equals(last));
            assertThat(d.status().updatedReplicasOrZero()).as(description).isEqualTo(replicas);
            assertThat(d.status().availableReplicasOrZero()).as(description).isEqualTo(replicas);
            assertThat(d.status().replicasOrZero()).as(description).isEqualTo(replicas);
        }
    }

    private static void arm(WriteObserver observer, int replicas, int surge, int unavailable, boolean availability) {
        int maxSurge = RolloutMath.maxSurge(true, io.steersman.api.model.IntOrString.of(surge),
                io.steersman.api.model.IntOrString.of(unavailable), replicas);
        int maxUnavailable = RolloutMath.maxUnavailable(true, io.steersman.api.model.IntOrString.of(surge),
                io.steersman.api.model.IntOrString.of(unavailable), replicas);
        List<Function<WriteObserver.State, String>> checks = new ArrayList<>();
        checks.add(Checks.atMostPods("web", replicas + maxSurge));
        checks.add(Checks.atMostReplicasInSpecs("web", replicas + maxSurge));
        if (availability) {
            checks.add(Checks.atLeastReady("web", Math.min(readyNow(observer), replicas - maxUnavailable)));
        }
        observer.check(checks);
    }

    /**
     * The availability bound holds from where the action starts: after a scale-up during a stalled
     * rollout, fewer than replicas − maxUnavailable may be ready, and the controller must not lower it.
     */
    private static int readyNow(WriteObserver observer) {
        return Checks.readyPods(observer.now(), "web");
    }

    /** Moves the clock in random steps until nothing is left to wait for (or two simulated hours pass). */
    private static void drive(Cluster cluster, Random random) {
        for (int i = 0; i < 60; i++) {
            cluster.advance(Duration.ofSeconds(1 + random.nextInt(10)));
        }
        cluster.advance(Duration.ofHours(2));
    }

    private static Deployment withImage(Deployment d, String image) {
        var template = d.spec().template();
        return d.withSpec(d.spec().withTemplate(template.withSpec(template.spec().withContainers(List.of(Container.of("main", image))))));
    }

    private static Deployment withReadyAfter(Deployment d, int seconds) {
        var template = d.spec().template();
        return d.withSpec(d.spec().withTemplate(template.withMetadata(
                template.metadata().withAnnotation(Cluster.READY_AFTER, seconds + "s"))));
    }
}
