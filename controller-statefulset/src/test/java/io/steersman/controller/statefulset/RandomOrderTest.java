package io.steersman.controller.statefulset;

import static org.assertj.core.api.Assertions.assertThat;

import io.steersman.api.model.apps.StatefulSet;
import io.steersman.api.model.core.Pod;
import io.steersman.api.resource.BuiltinResources;
import io.steersman.core.store.Watch;
import io.steersman.core.store.WatchEvent;
import io.steersman.core.store.WatchListener;
import io.steersman.core.store.WatchOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random scaling and image changes of an OrderedReady set with random readiness delays.
 * After every write to a pod: a pod is created only while every lower ordinal is Running, Ready
 * and not being deleted, and at most one pod is being deleted at a time. Every run ends with the
 * wanted number of pods, all at the newest template and revision. A failure names its seed.
 */
class RandomOrderTest {

    static LongStream seeds() {
        return LongStream.range(1, 7);
    }

    /** Sees every write to the set's pods, in order, and checks the invariants on the state after it. */
    static final class Observer implements WatchListener<Pod>, AutoCloseable {
        private final Map<String, Pod> pods = new HashMap<>();
        final List<String> violations = new ArrayList<>();
        int created;
        private final Watch watch;

        Observer(Cluster cluster) {
            watch = cluster.cp.store().watch(BuiltinResources.PODS, WatchOptions.from(0), this);
        }

        @Override
        public synchronized void onEvent(WatchEvent<Pod> event) {
            if (event.type() == WatchEvent.Type.BOOKMARK || !"web".equals(Identity.parentName(event.object().name()))) {
                return;
            }
            Pod pod = event.object();
            if (event.type() == WatchEvent.Type.DELETED) {
                pods.remove(pod.name());
                return;
            }
            if (event.type() == WatchEvent.Type.ADDED) {
                created++;
                for (int lower = 0; lower < Identity.ordinal(pod); lower++) {
                    Pod before = pods.get("web-" + lower);
                    if (before == null || !PodStates.isHealthy(before)) {
                        violations.add(pod.name() + " created while web-" + lower + (before == null ? " is missing" : " is not healthy"));
                    }
                }
            }
            pods.put(pod.name(), pod);
            long terminating = pods.values().stream().filter(PodStates::isTerminating).count();
            if (terminating > 1) {
                violations.add(terminating + " pods terminating at once after a write to " + pod.name());
            }
        }

        @Override
        public void onClose(RuntimeException cause) {}

        @Override
        public void close() {
            watch.close();
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void orderedReadyKeepsItsOrderThroughRandomScalingAndUpdates(long seed) {
        Random random = new Random(seed);
        List<String> log = new ArrayList<>();
        try (Cluster cluster = new Cluster(); Observer observer = new Observer(cluster)) {
            StatefulSet initial = Cluster.set("web", 1 + random.nextInt(4), "nginx:1.25");
            initial = Cluster.withPodAnnotation(Cluster.withPodAnnotation(initial, Cluster.READY_AFTER, random.nextInt(10) + "s"),
                    Cluster.TERMINATE_AFTER, random.nextInt(10) + "s");
            cluster.create(initial);
            List<String> images = List.of("nginx:1.25", "nginx:1.26", "nginx:1.27");
            String image = "nginx:1.25";
            for (int step = 0; step < 12; step++) {
                switch (random.nextInt(3)) {
                    case 0 -> {
                        int to = random.nextInt(6);
                        log.add("scale " + to);
                        cluster.scale("web", to);
                    }
                    case 1 -> {
                        image = images.get(random.nextInt(images.size()));
                        String readyAfter = random.nextInt(10) + "s";
                        String to = image;
                        log.add("image " + to + " ready-after " + readyAfter);
                        cluster.update("web", s -> Cluster.withPodAnnotation(Cluster.withPodAnnotation(s, Cluster.READY_AFTER, readyAfter)
                                .withSpec(s.spec().withTemplate(s.spec().template().withSpec(s.spec().template().spec()
                                        .withContainers(List.of(io.steersman.api.model.core.Container.of("main", to)))))),
                                Cluster.TERMINATE_AFTER, random.nextInt(10) + "s"));
                    }
                    default -> {
                        int seconds = random.nextInt(15);
                        log.add("wait " + seconds + "s");
                        cluster.advance(Duration.ofSeconds(seconds));
                    }
                }
            }
            for (int i = 0; i < 30; i++) {
                cluster.advance(Duration.ofSeconds(5));
            }
            String description = "seed " + seed + ": " + String.join(", ", log);
            StatefulSet set = cluster.get("web");
            int wanted = set.spec().replicasOrDefault();
            assertThat(observer.violations).as(description).isEmpty();
            assertThat(observer.created).as(description).isPositive();
            assertThat(cluster.pods("web")).as(description).hasSize(wanted);
            String last = image;
            assertThat(cluster.pods("web")).as(description).allSatisfy(pod -> {
                assertThat(pod.spec().containers().get(0).image()).isEqualTo(last);
                assertThat(Identity.revision(pod)).isEqualTo(set.status().updateRevision());
            });
            assertThat(set.status().currentRevision()).as(description).isEqualTo(set.status().updateRevision());
            assertThat(set.status().readyReplicasOrZero()).as(description).isEqualTo(wanted);
        }
    }
}
