package io.steersman.benchmarks;

import io.steersman.api.model.LabelSelector;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.apps.Deployment;
import io.steersman.api.model.apps.DeploymentSpec;
import io.steersman.api.model.core.Container;
import io.steersman.api.model.core.Namespace;
import io.steersman.api.model.core.Pod;
import io.steersman.api.model.core.PodSpec;
import io.steersman.api.model.core.PodStatus;
import io.steersman.api.model.core.PodTemplateSpec;
import io.steersman.testing.ControlPlane;
import java.util.List;
import java.util.Map;

/**
 * Pods as the control plane makes them: a Deployment run to Available by the built-in
 * controllers, scheduler and node agent on a manual clock, its pods as they are then stored.
 */
final class SystemPods {
    private static final String NAMESPACE = "bench";

    private SystemPods() {}

    /** {@code count} Running, Ready pods of one Deployment; the control plane is closed before this returns. */
    static List<Pod> make(int count) {
        try (ControlPlane cp = ControlPlane.builder().settleRounds(1_000_000).manualClock()
                .setting("steersman.node.pod-cidr", "10.0.0.0/8").start()) {
            cp.apply(namespace());
            cp.settle();
            PodTemplateSpec template = PodTemplateSpec.of(ObjectMeta.builder().labels(Map.of("app", "web")).build(),
                    PodSpec.of(List.of(Container.of("web", "nginx:1.27.3"))));
            cp.client().create(Deployment.of(ObjectMeta.named(NAMESPACE, "web"),
                    DeploymentSpec.of(count, LabelSelector.matchLabels(Map.of("app", "web")), template)));
            cp.settle();
            List<Pod> pods = cp.list(Pod.class, NAMESPACE);
            if (pods.size() != count || !pods.stream().allMatch(p -> PodStatus.RUNNING.equals(p.status().phase()))) {
                throw new IllegalStateException("expected " + count + " Running pods, got " + pods.size());
            }
            return pods;
        }
    }

    /** The namespace the pods live in. */
    static Namespace namespace() {
        return Namespace.of(ObjectMeta.builder().name(NAMESPACE).build(), null);
    }

    /**
     * {@code pod} as its controller created it, bound to its node: the fields the store sets on
     * create (uid, resourceVersion, creationTimestamp, generation) and the status left out.
     */
    static Pod asCreated(Pod pod) {
        ObjectMeta meta = pod.metadata().toBuilder().uid(null).resourceVersion(null).creationTimestamp(null).generation(null).build();
        return new Pod(pod.apiVersion(), pod.kind(), meta, pod.spec(), null, pod.unknownFields());
    }
}
