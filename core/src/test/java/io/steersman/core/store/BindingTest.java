package io.steersman.core.store;

import static io.steersman.api.resource.BuiltinResources.DEPLOYMENTS;
import static io.steersman.api.resource.BuiltinResources.PODS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.steersman.api.client.ConflictException;
import io.steersman.api.client.DeleteOptions;
import io.steersman.api.client.InvalidException;
import io.steersman.api.client.NotFoundException;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.core.Container;
import io.steersman.api.model.core.Pod;
import io.steersman.api.model.core.PodCondition;
import io.steersman.api.model.core.PodSpec;
import io.steersman.api.resource.BuiltinResources;
import io.steersman.core.backend.MemoryBackend;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The pods/binding subresource through {@link Store#guaranteedUpdate}, as upstream's BindingREST. */
class BindingTest {
    private final ManualClock clock = new ManualClock();
    private final MemoryBackend backend = new MemoryBackend();
    private final BackendStore store = new BackendStore(BuiltinResources.registry(), clock, backend);

    @AfterEach
    void close() {
        store.close();
        backend.close();
    }

    private Pod pod(String name) {
        return store.create(PODS, Pod.of(ObjectMeta.named("default", name), PodSpec.of(List.of(Container.of("web", "nginx:1.27")))),
                WriteOptions.DEFAULT);
    }

    private Pod bind(String name, String node) {
        return store.guaranteedUpdate(PODS, "default", name, Store.Subresource.BINDING,
                current -> current.withSpec(current.spec().withNodeName(node)), WriteOptions.DEFAULT);
    }

    @Test
    void bindingSetsTheNodeAndPodScheduledAndNothingElse() {
        Pod created = pod("web");

        Pod bound = bind("web", "node-1");

        assertThat(bound.spec().nodeName()).isEqualTo("node-1");
        assertThat(bound.spec().withNodeName(null)).isEqualTo(created.spec());
        assertThat(bound.status().condition(PodCondition.POD_SCHEDULED)).get().satisfies(c -> {
            assertThat(c.isTrue()).isTrue();
            assertThat(c.lastTransitionTime()).isEqualTo(clock.now());
        });
        assertThat(bound.metadata().generation()).isEqualTo(created.metadata().generation());
        assertThat(Long.parseLong(bound.metadata().resourceVersion())).isGreaterThan(Long.parseLong(created.metadata().resourceVersion()));
        assertThat(store.get(PODS, "default", "web")).contains(bound);
    }

    @Test
    void aPodIsBoundOnce() {
        pod("web");
        bind("web", "node-1");

        assertThatThrownBy(() -> bind("web", "node-2")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("pod web is already assigned to node \"node-1\"");
    }

    @Test
    void aPodBeingDeletedIsNotBound() {
        Pod created = pod("web");
        store.update(PODS, created.withMetadata(created.metadata().toBuilder().finalizers(List.of("example.com/hold")).build()),
                WriteOptions.DEFAULT);
        store.delete(PODS, "default", "web", DeleteOptions.defaults(), WriteOptions.DEFAULT);

        assertThatThrownBy(() -> bind("web", "node-1")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("is being deleted, cannot be assigned to a host");
    }

    @Test
    void theNodeNameMustBeADnsSubdomain() {
        pod("web");

        assertThatThrownBy(() -> bind("web", "Node_1")).isInstanceOf(InvalidException.class).hasMessageContaining("target.name");
        assertThatThrownBy(() -> bind("web", "")).isInstanceOf(InvalidException.class).hasMessageContaining("target.name");
    }

    @Test
    void onlyPodsHaveABinding() {
        assertThatThrownBy(() -> store.guaranteedUpdate(DEPLOYMENTS, "default", "web", Store.Subresource.BINDING, d -> d,
                WriteOptions.DEFAULT)).isInstanceOf(NotFoundException.class);
    }
}
