package io.steersman.core.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.core.Container;
import io.steersman.api.model.core.ContainerStatus;
import io.steersman.api.model.core.Pod;
import io.steersman.api.model.core.PodCondition;
import io.steersman.api.model.core.PodReadinessGate;
import io.steersman.api.model.core.PodSpec;
import io.steersman.api.model.core.PodStatus;
import io.steersman.api.model.core.Probe;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PodLifecycleTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private final PodLifecycle lifecycle = new PodLifecycle(ImageCatalog.withDefaults(null));

    private static Pod pod(Map<String, String> annotations, Container... containers) {
        return Pod.of(ObjectMeta.builder().namespace("default").name("web").uid("uid-1").annotations(annotations).build(),
                PodSpec.of(List.of(containers)).withNodeName("node-1"));
    }

    /** Runs the kubelet at {@code at} and returns the pod with the new status, as the next pass would read it. */
    private Pod step(Pod pod, Instant at) {
        return pod.withStatus(lifecycle.advance(pod, "172.18.0.2", "10.244.0.2", false, at).status());
    }

    private static ContainerStatus container(Pod pod) {
        return pod.status().containerStatuses().get(0);
    }

    private static PodCondition condition(Pod pod, String type) {
        return pod.status().condition(type).orElseThrow();
    }

    @Test
    void aPodWithAKnownImageRunsAndIsReadyAtOnce() {
        Pod pod = step(pod(Map.of(), Container.of("nginx", "nginx:1.25")), T0);

        assertThat(pod.status().phase()).isEqualTo(PodStatus.RUNNING);
        assertThat(pod.status().podIP()).isEqualTo("10.244.0.2");
        assertThat(pod.status().hostIP()).isEqualTo("172.18.0.2");
        assertThat(pod.status().startTime()).isEqualTo(T0);
        ContainerStatus nginx = container(pod);
        assertThat(nginx.state().running().startedAt()).isEqualTo(T0);
        assertThat(nginx.ready()).isTrue();
        assertThat(nginx.started()).isTrue();
        assertThat(nginx.restartCount()).isZero();
        assertThat(nginx.image()).isEqualTo("docker.io/library/nginx:1.25");
        assertThat(nginx.imageID()).startsWith("docker.io/library/nginx@sha256:");
        assertThat(nginx.containerID()).matches("containerd://[0-9a-f]{64}");
        assertThat(pod.status().conditions()).extracting(PodCondition::type)
                .containsExactly("PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady", "PodScheduled");
        assertThat(pod.status().conditions()).allSatisfy(c -> assertThat(c.status()).isEqualTo("True"));
    }

    @Test
    void runningTheKubeletAgainChangesNothing() {
        Pod once = step(pod(Map.of(), Container.of("nginx", "nginx:1.25")), T0);
        PodLifecycle.Outcome again = lifecycle.advance(once, "172.18.0.2", "10.244.0.2", false, T0.plusSeconds(60));
        assertThat(again.status()).isEqualTo(once.status());
        assertThat(again.notes()).isEmpty();
        assertThat(again.wakeAt()).isNull();
    }

    @Test
    void anUnknownImageFailsToPullThenBacksOffForever() {
        Pod pod = pod(Map.of(), Container.of("nginx", "nginx:1.91"));
        PodLifecycle.Outcome first = lifecycle.advance(pod, "172.18.0.2", "10.244.0.2", false, T0);
        pod = pod.withStatus(first.status());
        assertThat(container(pod).state().waiting().reason()).isEqualTo("ErrImagePull");
        assertThat(container(pod).state().waiting().message()).contains("docker.io/library/nginx:1.91: not found");
        assertThat(first.notes()).extracting(Note::reason).containsExactly("Pulling", "Failed", "Failed");

        for (int minute = 1; minute <= 30; minute++) {
            pod = step(pod, T0.plus(Duration.ofMinutes(minute)));
        }
        assertThat(pod.status().phase()).isEqualTo(PodStatus.PENDING);
        ContainerStatus nginx = container(pod);
        assertThat(nginx.state().waiting().reason()).isEqualTo("ImagePullBackOff");
        assertThat(nginx.state().waiting().message()).isEqualTo("Back-off pulling image \"nginx:1.91\"");
        assertThat(nginx.image()).isEqualTo("nginx:1.91");
        assertThat(nginx.ready()).isFalse();
        assertThat(condition(pod, "Ready").status()).isEqualTo("False");
        assertThat(condition(pod, "Ready").reason()).isEqualTo("ContainersNotReady");
        assertThat(condition(pod, "Ready").message()).isEqualTo("containers with unready status: [nginx]");
        assertThat(pod.status().podIP()).as("the sandbox has its IP").isEqualTo("10.244.0.2");
    }

    @Test
    void fixingTheImageStartsTheContainer() {
        Pod stuck = step(step(pod(Map.of(), Container.of("nginx", "nginx:1.91")), T0), T0);
        Pod fixed = stuck.withSpec(stuck.spec().withContainers(List.of(Container.of("nginx", "nginx:1.9.1"))));
        assertThat(container(step(fixed, T0.plusSeconds(5))).state().running()).isNotNull();
    }

    @Test
    void anInvalidReferenceIsReportedAsInvalidImageName() {
        Pod pod = step(pod(Map.of(), Container.of("nginx", "NGINX:latest")), T0);
        assertThat(container(pod).state().waiting().reason()).isEqualTo("InvalidImageName");
    }

    @Test
    void aReadinessProbeDelaysReadiness() {
        Container slow = Container.of("app", "nginx:1.25")
                .withReadinessProbe(new Probe(Map.of("path", "/"), null, null, null, 30, null, null, null, null, null, null));
        Pod pod = pod(Map.of(), slow);
        PodLifecycle.Outcome started = lifecycle.advance(pod, "172.18.0.2", "10.244.0.2", false, T0);
        assertThat(started.wakeAt()).isEqualTo(T0.plusSeconds(30));
        pod = pod.withStatus(started.status());
        assertThat(container(pod).ready()).isFalse();

        assertThat(container(step(pod, T0.plusSeconds(29))).ready()).isFalse();
        Pod ready = step(pod, T0.plusSeconds(30));
        assertThat(container(ready).ready()).isTrue();
        assertThat(condition(ready, "Ready").isTrue()).isTrue();
        assertThat(condition(ready, "Ready").lastTransitionTime()).isEqualTo(T0.plusSeconds(30));
    }

    @Test
    void theReadyAfterAnnotationDelaysReadiness() {
        Pod pod = step(pod(Map.of("steersman.io/ready-after", "1m"), Container.of("app", "redis:7")), T0);
        assertThat(container(step(pod, T0.plusSeconds(59))).ready()).isFalse();
        assertThat(container(step(pod, T0.plusSeconds(60))).ready()).isTrue();
    }

    @Test
    void failingReadinessNeverBecomesReady() {
        Pod pod = step(pod(Map.of("steersman.io/readiness", "fail"), Container.of("app", "redis:7")), T0);
        pod = step(pod, T0.plus(Duration.ofHours(1)));
        assertThat(pod.status().phase()).isEqualTo(PodStatus.RUNNING);
        assertThat(container(pod).ready()).isFalse();
        assertThat(container(pod).started()).isTrue();
    }

    @Test
    void aCrashingContainerRestartsWithGrowingBackOff() {
        Pod pod = pod(Map.of("steersman.io/crash-after", "5s"), Container.of("app", "busybox:1.36"));
        Instant now = T0;
        pod = step(pod, now);
        List<Integer> restarts = new ArrayList<>();
        List<Duration> waits = new ArrayList<>();
        for (int crash = 0; crash < 7; crash++) {
            now = now.plusSeconds(5);
            pod = step(pod, now);
            assertThat(container(pod).state().waiting().reason()).isEqualTo("CrashLoopBackOff");
            assertThat(pod.status().phase()).isEqualTo(PodStatus.RUNNING);
            PodLifecycle.Outcome waiting = lifecycle.advance(pod, "172.18.0.2", "10.244.0.2", false, now);
            Duration wait = Duration.between(now, waiting.wakeAt());
            waits.add(wait);
            now = waiting.wakeAt();
            pod = step(pod, now);
            assertThat(container(pod).state().running().startedAt()).isEqualTo(now);
            restarts.add(container(pod).restartCount());
        }
        assertThat(restarts).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(waits).extracting(Duration::toSeconds).containsExactly(10L, 20L, 40L, 80L, 160L, 300L, 300L);
        assertThat(container(pod).lastState().terminated().exitCode()).isEqualTo(1);
        assertThat(container(pod).lastState().terminated().reason()).isEqualTo("Error");
    }

    @Test
    void crashTrueCrashesRightAfterEachStart() {
        Pod pod = step(step(pod(Map.of("steersman.io/crash", "true"), Container.of("app", "busybox")), T0), T0);
        assertThat(container(pod).state().waiting().reason()).isEqualTo("CrashLoopBackOff");
        assertThat(container(pod).state().waiting().message()).startsWith("back-off 10s restarting failed container=app pod=web_default(uid-1)");
    }

    @Test
    void aCrashWithRestartPolicyNeverFailsThePod() {
        Pod pod = pod(Map.of("steersman.io/crash", "true"), Container.of("app", "busybox"));
        pod = pod.withSpec(pod.spec().withRestartPolicy("Never"));
        pod = step(step(pod, T0), T0);
        assertThat(pod.status().phase()).isEqualTo(PodStatus.FAILED);
        assertThat(container(pod).state().terminated().exitCode()).isEqualTo(1);
    }

    @Test
    void aTerminatingPodIsNotReady() {
        Pod pod = step(pod(Map.of(), Container.of("nginx", "nginx")), T0);
        PodStatus terminating = lifecycle.advance(pod, "172.18.0.2", "10.244.0.2", true, T0.plusSeconds(1)).status();
        assertThat(terminating.condition("Ready").orElseThrow().isTrue()).isFalse();
        assertThat(terminating.containerStatuses().get(0).ready()).isFalse();
    }

    @Test
    void readinessGatesMustBeTrueToo() {
        Pod gated = pod(Map.of(), Container.of("nginx", "nginx"));
        gated = gated.withSpec(new PodSpec(null, null, gated.spec().containers(), null, null, null, null, "node-1", null, null,
                null, List.of(new PodReadinessGate("example.com/lb", null)), null));
        Pod pod = step(gated, T0);
        assertThat(condition(pod, "ContainersReady").isTrue()).isTrue();
        assertThat(condition(pod, "Ready").reason()).isEqualTo("ReadinessGatesNotReady");
        assertThat(condition(pod, "Ready").message()).isEqualTo("corresponding condition of pod readiness gate \"example.com/lb\" does not exist.");

        Pod withGate = pod.withStatus(pod.status().withCondition(PodCondition.of("example.com/lb", true, T0)));
        assertThat(condition(step(withGate, T0), "Ready").isTrue()).isTrue();
    }

    @Test
    void initContainersCompleteBeforeTheAppStarts() {
        Pod pod = pod(Map.of(), Container.of("app", "nginx"));
        pod = pod.withSpec(new PodSpec(null, List.of(Container.of("setup", "busybox:9.99")), pod.spec().containers(), null, null,
                null, null, "node-1", null, null, null, null, null));
        pod = step(pod, T0);
        assertThat(pod.status().phase()).isEqualTo(PodStatus.PENDING);
        assertThat(condition(pod, "Initialized").message()).isEqualTo("containers with incomplete status: [setup]");
        assertThat(container(pod).state().waiting().reason()).isEqualTo("PodInitializing");

        pod = pod.withSpec(new PodSpec(null, List.of(Container.of("setup", "busybox:1.36")), pod.spec().containers(), null, null,
                null, null, "node-1", null, null, null, null, null));
        pod = step(pod, T0.plusSeconds(1));
        assertThat(pod.status().initContainerStatuses().get(0).state().terminated().reason()).isEqualTo("Completed");
        assertThat(pod.status().phase()).isEqualTo(PodStatus.RUNNING);
        assertThat(condition(pod, "Ready").isTrue()).isTrue();
    }

    @Test
    void aNewImageRestartsTheContainer() {
        Pod pod = step(pod(Map.of(), Container.of("nginx", "nginx:1.25")), T0);
        String firstId = container(pod).containerID();
        PodLifecycle.Outcome changed = lifecycle.advance(
                pod.withSpec(pod.spec().withContainers(List.of(Container.of("nginx", "nginx:1.27")))), "172.18.0.2", "10.244.0.2",
                false, T0.plusSeconds(60));
        ContainerStatus nginx = changed.status().containerStatuses().get(0);
        assertThat(nginx.image()).isEqualTo("docker.io/library/nginx:1.27");
        assertThat(nginx.restartCount()).isEqualTo(1);
        assertThat(nginx.containerID()).isNotEqualTo(firstId);
        assertThat(nginx.state().running().startedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(nginx.lastState().terminated().reason()).isEqualTo("Completed");
        assertThat(changed.notes()).extracting(Note::reason).startsWith("Killing");
    }
}
