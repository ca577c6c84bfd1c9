package io.steersman.testing;

import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.core.Container;
import io.steersman.api.model.core.Pod;
import io.steersman.api.model.core.PodSpec;
import io.steersman.api.resource.BuiltinResources;
import io.steersman.core.backend.MemoryBackend;
import io.steersman.core.node.NodeAgentPlugin;
import io.steersman.core.store.BackendStore;
import java.util.List;
import java.util.Map;

/** Control planes for the behaviour tests of core's own controllers: built-in kinds, the node agent, the system controllers. */
final class Clusters {
    private Clusters() {}

    static ControlPlane start(Map<String, String> settings) {
        ControlPlane cp = ControlPlane.builder()
                .registry(BuiltinResources.registry())
                .store((registry, clock) -> new BackendStore(registry, clock, new MemoryBackend()))
                .plugins(new NodeAgentPlugin())
                .settings(settings)
                .start();
        cp.settle(); // the store made default, kube-system and kube-public: the nodes register
        return cp;
    }

    static ControlPlane start() {
        return start(Map.of());
    }

    static Pod pod(String namespace, String name, String image) {
        return Pod.of(ObjectMeta.named(namespace, name), PodSpec.of(List.of(Container.of("app", image))));
    }
}
