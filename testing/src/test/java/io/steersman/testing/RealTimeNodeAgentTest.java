package io.steersman.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.steersman.api.client.DeleteOptions;
import io.steersman.api.model.LabelSelector;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.OwnerReference;
import io.steersman.api.model.apps.ReplicaSet;
import io.steersman.api.model.apps.ReplicaSetSpec;
import io.steersman.api.model.core.Container;
import io.steersman.api.model.core.Pod;
import io.steersman.api.model.core.PodSpec;
import io.steersman.api.model.core.PodTemplateSpec;
import io.steersman.api.resource.BuiltinResources;
import io.steersman.core.backend.MemoryBackend;
import io.steersman.core.node.NodeAgentPlugin;
import io.steersman.core.store.BackendStore;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The node agent and the garbage collector on worker threads and the system clock, as the launcher runs them. */
class RealTimeNodeAgentTest {

    @Test
    void podsRunWithDistinctIpsAndGoWithTheirOwner() {
        try (ControlPlane cp = ControlPlane.builder().systemClock()
                .registry(BuiltinResources.registry())
                .store((registry, clock) -> new BackendStore(registry, clock, new MemoryBackend()))
                .plugins(new NodeAgentPlugin())
                .setting("steersman.node.count", "2")
                .start()) {
            cp.settle();
            Map<String, String> labels = Map.of("app", "web");
            PodTemplateSpec template = PodTemplateSpec.of(ObjectMeta.builder().labels(labels).build(),
                    PodSpec.of(List.of(Container.of("web", "nginx:1.25"))));
            ReplicaSet owner = cp.apply(ReplicaSet.of(ObjectMeta.builder().namespace("default").name("web").labels(labels).build(),
                    ReplicaSetSpec.of(50, LabelSelector.matchLabels(labels), template)));
            for (int i = 0; i < 50; i++) {
                cp.apply(Pod.of(ObjectMeta.builder().namespace("default").name("web-" + i).labels(labels)
                        .ownerReferences(List.of(OwnerReference.controllerOf(owner))).build(), template.spec()));
            }
            cp.settle();

            List<Pod> pods = cp.list(Pod.class, "default");
            assertThat(pods).hasSize(50).allSatisfy(p -> assertThat(p.status().phase()).isEqualTo("Running"));
            Set<String> ips = new HashSet<>();
            pods.forEach(p -> ips.add(p.status().podIP()));
            assertThat(ips).hasSize(50);

            cp.client().delete(ReplicaSet.class, "default", "web", DeleteOptions.defaults());
            cp.settle();
            assertThat(cp.list(Pod.class, "default")).isEmpty();
        }
    }
}
