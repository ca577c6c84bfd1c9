package io.steersman.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.steersman.api.client.DeleteOptions;
import io.steersman.api.model.core.ContainerStatus;
import io.steersman.api.model.core.Event;
import io.steersman.api.model.core.Node;
import io.steersman.api.model.core.Pod;
import io.steersman.api.model.core.PodCondition;
import io.steersman.api.model.core.PodStatus;
import io.steersman.api.model.core.Probe;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NodeAgentTest {

    private static Pod stored(ControlPlane cp, String name) {
        return cp.get(Pod.class, "default", name).orElseThrow();
    }

    private static ContainerStatus container(Pod pod) {
        return pod.status().containerStatuses().get(0);
    }

    private static boolean ready(Pod pod) {
        return pod.status().condition(PodCondition.READY).map(PodCondition::isTrue).orElse(false);
    }

    private static List<Event> events(ControlPlane cp, String involved, String reason) {
        return cp.list(Event.class, "default").stream()
                .filter(e -> involved.equals(e.involvedObject().name()) && reason.equals(e.reason()))
                .toList();
    }

    @Test
    void oneReadyNodeIsRegisteredAtStart() {
        try (ControlPlane cp = Clusters.start()) {
            List<Node> nodes = cp.list(Node.class, null);
            assertThat(nodes).extracting(Node::name).containsExactly("node-1");
            assertThat(nodes.get(0).status().conditions())
                    .anySatisfy(c -> assertThat(c).containsEntry("type", "Ready").containsEntry("status", "True"));
            assertThat(nodes.get(0).status().addresses()).contains(Map.of("type", "InternalIP", "address", "172.18.0.2"));
        }
    }

    @Test
    void theNodeCountIsASettingAndPodsSpreadOverTheNodes() {
        try (ControlPlane cp = Clusters.start(Map.of("steersman.node.count", "3"))) {
            assertThat(cp.list(Node.class, null)).extracting(Node::name).containsExactlyInAnyOrder("node-1", "node-2", "node-3");
            for (int i = 0; i < 6; i++) {
                cp.apply(Clusters.pod("default", "web-" + i, "nginx:1.25"));
            }
            cp.settle();
            assertThat(cp.list(Pod.class, "default")).extracting(p -> p.spec().nodeName())
                    .containsOnly("node-1", "node-2", "node-3")
                    .filteredOn("node-2"::equals).hasSize(2);
        }
    }

    @Test
    void aPodIsScheduledStartedAndReady() {
        try (ControlPlane cp = Clusters.start()) {
            cp.apply(Clusters.pod("default", "web", "nginx:1.25"));
            cp.settle();

            Pod pod = stored(cp, "web");
            assertThat(pod.spec().nodeName()).isEqualTo("node-1");
            assertThat(pod.status().phase()).isEqualTo(PodStatus.RUNNING);
            assertThat(pod.status().hostIP()).isEqualTo("172.18.0.2");
            assertThat(pod.status().podIP()).startsWith("10.244.");
            assertThat(pod.status().startTime()).isEqualTo(cp.clock().now());
            assertThat(container(pod).state().running()).isNotNull();
            assertThat(ready(pod)).isTrue();
            assertThat(events(cp, "web", "Scheduled")).singleElement()
                    .satisfies(e -> assertThat(e.message()).isEqualTo("Successfully assigned default/web to node-1"))
                    .satisfies(e -> assertThat(e.source().component()).isEqualTo("default-scheduler"));
            assertThat(events(cp, "web", "Started")).singleElement()
                    .satisfies(e -> assertThat(e.source().component()).isEqualTo("kubelet"));
        }
    }

    @Test
    void aPodWithAnUnknownImageStaysInImagePullBackOff() {
        try (ControlPlane cp = Clusters.start()) {
            cp.apply(Clusters.pod("default", "web", "nginx:1.91"));
            cp.settle();
            cp.advance(Duration.ofMinutes(30));

            Pod pod = stored(cp, "web");
            assertThat(pod.status().phase()).isEqualTo(PodStatus.PENDING);
            assertThat(container(pod).state().waiting().reason()).isEqualTo("ImagePullBackOff");
            assertThat(container(pod).state().waiting().message()).isEqualTo("Back-off pulling image \"nginx:1.91\"");
            assertThat(ready(pod)).isFalse();
            assertThat(events(cp, "web", "Failed")).extracting(Event::message)
                    .contains("Error: ErrImagePull", "Error: ImagePullBackOff");
        }
    }

    @Test
    void aReadinessDelayIsHonouredOnTheManualClock() {
        try (ControlPlane cp = Clusters.start()) {
            Pod pod = Clusters.pod("default", "web", "nginx:1.25");
            Probe probe = new Probe(Map.of("path", "/", "port", 80), null, null, null, 30, null, null, null, null, null, null);
            cp.apply(pod.withSpec(pod.spec().withContainers(List.of(pod.spec().containers().get(0).withReadinessProbe(probe)))));
            cp.settle();
            assertThat(container(stored(cp, "web")).state().running()).isNotNull();
            assertThat(ready(stored(cp, "web"))).isFalse();

            cp.advance(Duration.ofSeconds(29));
            assertThat(ready(stored(cp, "web"))).isFalse();

            cp.advance(Duration.ofSeconds(1));
            assertThat(ready(stored(cp, "web"))).isTrue();
            assertThat(container(stored(cp, "web")).ready()).isTrue();
        }
    }

    @Test
    void theReadyAfterAnnotationDelaysReadiness() {
        try (ControlPlane cp = Clusters.start()) {
            Pod pod = Clusters.pod("default", "web", "redis:7");
            cp.apply(pod.withMetadata(pod.metadata().withAnnotation("steersman.io/ready-after", "30s")));
            cp.settle();
            cp.advance(Duration.ofSeconds(29));
            assertThat(ready(stored(cp, "web"))).isFalse();
            cp.advance(Duration.ofSeconds(1));
            assertThat(ready(stored(cp, "web"))).isTrue();
        }
    }

    @Test
    void aCrashingContainerRestartsWithGrowingRestartCount() {
        try (ControlPlane cp = Clusters.start()) {
            Pod pod = Clusters.pod("default", "web", "busybox:1.36");
            cp.apply(pod.withMetadata(pod.metadata().withAnnotation("steersman.io/crash", "true")));
            cp.settle();
            assertThat(container(stored(cp, "web")).state().waiting().reason()).isEqualTo("CrashLoopBackOff");
            assertThat(container(stored(cp, "web")).restartCount()).isZero();

            cp.advance(Duration.ofSeconds(10));
            assertThat(container(stored(cp, "web")).restartCount()).isEqualTo(1);
            cp.advance(Duration.ofSeconds(19));
            assertThat(container(stored(cp, "web")).restartCount()).as("20 s back-off after the second crash").isEqualTo(1);
            cp.advance(Duration.ofSeconds(1));
            assertThat(container(stored(cp, "web")).restartCount()).isEqualTo(2);
            assertThat(stored(cp, "web").status().phase()).isEqualTo(PodStatus.RUNNING);
            assertThat(events(cp, "web", "BackOff")).singleElement().satisfies(e -> {
                assertThat(e.type()).isEqualTo("Warning");
                assertThat(e.count()).as("repeats are aggregated").isEqualTo(3);
            });
        }
    }

    @Test
    void podIpsAreUniqueAndReleasedWhenPodsGo() {
        try (ControlPlane cp = Clusters.start(Map.of("steersman.node.pod-cidr", "10.9.0.0/29"))) {
            for (int i = 0; i < 5; i++) {
                cp.apply(Clusters.pod("default", "web-" + i, "nginx"));
            }
            cp.settle();
            Set<String> ips = new HashSet<>();
            cp.list(Pod.class, "default").forEach(p -> ips.add(p.status().podIP()));
            assertThat(ips).containsExactlyInAnyOrder("10.9.0.2", "10.9.0.3", "10.9.0.4", "10.9.0.5", "10.9.0.6");

            cp.apply(Clusters.pod("default", "late", "nginx"));
            cp.settle();
            assertThat(stored(cp, "late").status().podIP()).as("the range is full").isNull();
            assertThat(events(cp, "late", "FailedCreatePodSandBox")).isNotEmpty();

            cp.client().delete(Pod.class, "default", "web-3", DeleteOptions.defaults());
            cp.settle();
            assertThat(cp.get(Pod.class, "default", "web-3")).isEmpty();
            cp.advance(Duration.ofSeconds(10));
            assertThat(stored(cp, "late").status().podIP()).isEqualTo(ipOf("web-3", ips, cp));
        }
    }

    /** The one address of {@code before} no remaining pod holds: the one web-3 had. */
    private static String ipOf(String gone, Set<String> before, ControlPlane cp) {
        Set<String> left = new HashSet<>(before);
        cp.list(Pod.class, "default").stream().filter(p -> !p.name().equals("late")).forEach(p -> left.remove(p.status().podIP()));
        assertThat(left).as("the address %s had", gone).hasSize(1);
        return left.iterator().next();
    }

    @Test
    void aDeletedPodGoesAtOnceByDefault() {
        try (ControlPlane cp = Clusters.start()) {
            cp.apply(Clusters.pod("default", "web", "nginx"));
            cp.settle();
            cp.client().delete(Pod.class, "default", "web", DeleteOptions.defaults());
            cp.settle();
            assertThat(cp.get(Pod.class, "default", "web")).isEmpty();
        }
    }

    @Test
    void aPodWhoseSelectorMatchesNoNodeWaitsUntilOneDoes() {
        try (ControlPlane cp = Clusters.start()) {
            Pod pod = Clusters.pod("default", "web", "nginx");
            cp.apply(pod.withSpec(new io.steersman.api.model.core.PodSpec(null, null, pod.spec().containers(), null, null, null,
                    null, null, null, null, null, null, Map.of("nodeSelector", Map.of("disktype", "ssd")))));
            cp.settle();
            Pod stuck = stored(cp, "web");
            assertThat(stuck.spec().nodeName()).isNull();
            assertThat(stuck.status().condition(PodCondition.POD_SCHEDULED)).get()
                    .satisfies(c -> assertThat(c.reason()).isEqualTo("Unschedulable"));
            assertThat(events(cp, "web", "FailedScheduling")).isNotEmpty();

            Node node = cp.get(Node.class, null, "node-1").orElseThrow();
            cp.client().update(node.withMetadata(node.metadata().withLabel("disktype", "ssd")));
            cp.settle();
            Pod running = stored(cp, "web");
            assertThat(running.spec().nodeName()).isEqualTo("node-1");
            assertThat(running.status().phase()).isEqualTo(PodStatus.RUNNING);
            assertThat(running.status().condition(PodCondition.POD_SCHEDULED)).get().satisfies(c -> {
                assertThat(c.isTrue()).isTrue();
                assertThat(c.reason()).isNull();
            });
        }
    }

    private static long kubeletEvents(ControlPlane cp) {
        return cp.list(Event.class, "default").stream().filter(e -> "kubelet".equals(e.source().component())).count();
    }

    private static void startPods(ControlPlane cp, int count) {
        for (int i = 0; i < count; i++) {
            cp.apply(Clusters.pod("default", "web-" + i, "nginx:1.25"));
        }
        cp.settle();
    }

    @Test
    void aKubeletWritesItsEventsAtFiftyPerSecondAfterABurstOfAHundred() {
        try (ControlPlane cp = Clusters.start()) {
            startPods(cp, 300); // 900 kubelet events (Pulled, Created, Started) at one instant

            assertThat(kubeletEvents(cp)).isEqualTo(100);
            assertThat(cp.list(Pod.class, "default")).allSatisfy(pod -> assertThat(ready(pod)).isTrue());
            cp.advance(Duration.ofSeconds(1));
            assertThat(kubeletEvents(cp)).isEqualTo(150);
            cp.advance(Duration.ofSeconds(15));
            assertThat(kubeletEvents(cp)).isEqualTo(900);
            assertThat(cp.list(Event.class, "default")).filteredOn(e -> "Scheduled".equals(e.reason())).hasSize(300);
        }
    }

    @Test
    void theSchedulerWritesItsEventsAtFiftyPerSecondAfterABurstOfAHundred() {
        try (ControlPlane cp = Clusters.start()) {
            startPods(cp, 300); // 300 Scheduled events at one instant

            assertThat(scheduledEvents(cp)).isEqualTo(100);
            cp.advance(Duration.ofSeconds(1));
            assertThat(scheduledEvents(cp)).isEqualTo(150);
            cp.advance(Duration.ofSeconds(3));
            assertThat(scheduledEvents(cp)).isEqualTo(300);
        }
    }

    @Test
    void theSchedulerDropsEventsWhenItsQueueIsFull() {
        try (ControlPlane cp = Clusters.start(Map.of("steersman.scheduler.event-queue", "0"))) {
            startPods(cp, 300);
            cp.advance(Duration.ofMinutes(1));

            assertThat(scheduledEvents(cp)).isEqualTo(100);
            assertThat(cp.list(Pod.class, "default")).allSatisfy(pod -> assertThat(pod.spec().nodeName()).isEqualTo("node-1"));
        }
    }

    private static long scheduledEvents(ControlPlane cp) {
        return cp.list(Event.class, "default").stream().filter(e -> "Scheduled".equals(e.reason())).count();
    }

    @Test
    void aKubeletDropsEventsWhenItsQueueIsFull() {
        try (ControlPlane cp = Clusters.start(Map.of("steersman.node.event-queue", "200"))) {
            startPods(cp, 300); // 100 written, 200 waiting, 600 dropped

            assertThat(kubeletEvents(cp)).isEqualTo(100);
            cp.advance(Duration.ofMinutes(1));
            assertThat(kubeletEvents(cp)).isEqualTo(300);
            assertThat(events(cp, "web-0", "Started")).hasSize(1); // the first pods' events went out at once
            assertThat(events(cp, "web-299", "Started")).isEmpty(); // the last ones found the queue full
        }
    }

    @Test
    void eachNodeHasItsOwnKubeletLimits() {
        try (ControlPlane cp = Clusters.start(Map.of("steersman.node.count", "3", "steersman.node.event-burst", "10"))) {
            startPods(cp, 30); // 10 pods and 30 events per node

            assertThat(kubeletEvents(cp)).isEqualTo(30);
            cp.advance(Duration.ofSeconds(1));
            assertThat(kubeletEvents(cp)).isEqualTo(90);
        }
    }

    @Test
    void aQpsOfZeroWritesEveryEvent() {
        try (ControlPlane cp = Clusters.start(Map.of("steersman.node.event-qps", "0"))) {
            startPods(cp, 300);

            assertThat(kubeletEvents(cp)).isEqualTo(900);
        }
    }

    @Test
    void aBadEventLimitFailsTheStartNamingTheSetting() {
        assertThatThrownBy(() -> Clusters.start(Map.of("steersman.node.event-burst", "lots")))
                .hasStackTraceContaining("steersman.node.event-burst");
    }
}
