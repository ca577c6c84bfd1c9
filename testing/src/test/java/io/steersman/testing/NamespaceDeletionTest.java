package io.steersman.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.steersman.api.client.DeleteOptions;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.core.ConfigMap;
import io.steersman.api.model.core.Namespace;
import io.steersman.api.model.core.NamespaceSpec;
import io.steersman.api.model.core.Pod;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NamespaceDeletionTest {

    @Test
    void deletingANamespaceRemovesEverythingInItThenTheNamespace() {
        try (ControlPlane cp = Clusters.start()) {
            cp.apply(Namespace.of(ObjectMeta.named(null, "shop"), NamespaceSpec.EMPTY));
            cp.apply(ConfigMap.of(ObjectMeta.named("shop", "settings"), Map.of("a", "b")));
            cp.apply(Clusters.pod("shop", "web-1", "nginx"));
            cp.apply(Clusters.pod("shop", "web-2", "nginx:1.91"));
            cp.apply(ConfigMap.of(ObjectMeta.named("default", "elsewhere"), Map.of()));
            cp.settle();
            assertThat(cp.list(Pod.class, "shop")).hasSize(2);

            cp.client().delete(Namespace.class, null, "shop", DeleteOptions.defaults());
            cp.settle();

            assertThat(cp.list(Pod.class, "shop")).isEmpty();
            assertThat(cp.list(ConfigMap.class, "shop")).isEmpty();
            assertThat(cp.get(Namespace.class, null, "shop")).isEmpty();
            assertThat(cp.get(ConfigMap.class, "default", "elsewhere")).as("other namespaces are untouched").isPresent();
            assertThat(cp.list(Namespace.class, null)).extracting(Namespace::name)
                    .containsAll(List.of("default", "kube-system", "kube-public"));
        }
    }

    @Test
    void aNamespaceStaysTerminatingWhileItsPodsShutDown() {
        try (ControlPlane cp = Clusters.start()) {
            cp.apply(Namespace.of(ObjectMeta.named(null, "shop"), NamespaceSpec.EMPTY));
            Pod slow = Clusters.pod("shop", "slow", "nginx");
            cp.apply(slow.withMetadata(slow.metadata().withAnnotation("steersman.io/terminate-after", "20s")));
            cp.settle();

            cp.client().delete(Namespace.class, null, "shop", DeleteOptions.defaults());
            cp.settle();
            Namespace terminating = cp.get(Namespace.class, null, "shop").orElseThrow();
            assertThat(terminating.status().phase()).isEqualTo("Terminating");
            assertThat(terminating.status().conditions()).anySatisfy(c -> assertThat(c)
                    .containsEntry("type", "NamespaceContentRemaining")
                    .containsEntry("message", "Some resources are remaining: pods has 1 resource instances"));
            assertThat(cp.get(Pod.class, "shop", "slow")).get().satisfies(p -> assertThat(p.metadata().isBeingDeleted()).isTrue());

            cp.advance(java.time.Duration.ofSeconds(20));
            assertThat(cp.get(Pod.class, "shop", "slow")).isEmpty();
            assertThat(cp.get(Namespace.class, null, "shop")).isEmpty();
        }
    }
}
