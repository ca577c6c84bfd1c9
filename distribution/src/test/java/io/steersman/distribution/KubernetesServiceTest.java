package io.steersman.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.steersman.api.controller.Clock;
import io.steersman.api.model.IntOrString;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.core.Service;
import io.steersman.api.model.core.ServicePort;
import io.steersman.api.model.core.ServiceSpec;
import io.steersman.api.resource.BuiltinResources;
import io.steersman.core.store.BackendStore;
import io.steersman.core.store.WriteOptions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The launcher's {@code default/kubernetes} Service, as upstream's API server keeps it. */
class KubernetesServiceTest {
    private final BackendStore store = BackendStore.inMemory(BuiltinResources.registry(), Clock.SYSTEM);

    @AfterEach
    void close() {
        store.close();
    }

    private Service kubernetes() {
        return store.get(BuiltinResources.SERVICES, "default", "kubernetes").orElseThrow();
    }

    @Test
    void theServiceGetsTheFirstClusterIpAndPointsAtTheApiPort() {
        KubernetesService.ensure(store, BuiltinResources.SERVICES, Map.of(), 6443);

        Service service = kubernetes();
        assertThat(service.spec().clusterIP()).isEqualTo("10.96.0.1");
        assertThat(service.spec().selector()).isEmpty();
        assertThat(service.spec().ports()).containsExactly(new ServicePort("https", "TCP", null, 443, IntOrString.of(6443), null, null));
        assertThat(service.metadata().labels()).containsEntry("component", "apiserver").containsEntry("provider", "kubernetes");
    }

    @Test
    void aKeptServiceFollowsANewApiPort() {
        KubernetesService.ensure(store, BuiltinResources.SERVICES, Map.of(), 6443);
        KubernetesService.ensure(store, BuiltinResources.SERVICES, Map.of(), 41000);

        assertThat(kubernetes().spec().ports().get(0).targetPort()).isEqualTo(IntOrString.of(41000));
        assertThat(kubernetes().spec().clusterIP()).isEqualTo("10.96.0.1");
    }

    @Test
    void theFirstIpOfAnotherRange() {
        try (BackendStore other = BackendStore.inMemory(BuiltinResources.registry(), Clock.SYSTEM,
                BackendStore.Options.defaults().withServiceRanges("10.0.0.0/16", null))) {
            KubernetesService.ensure(other, BuiltinResources.SERVICES, Map.of("steersman.service.cluster-ip-range", "10.0.0.0/16"), 6443);

            assertThat(other.get(BuiltinResources.SERVICES, "default", "kubernetes").orElseThrow().spec().clusterIP()).isEqualTo("10.0.0.1");
        }
    }

    @Test
    void anyIpWhenTheFirstIsTaken() {
        store.create(BuiltinResources.SERVICES, Service.of(ObjectMeta.named("default", "first"),
                ServiceSpec.of(Map.of(), List.of(ServicePort.of("http", 80))).withClusterIP("10.96.0.1")), WriteOptions.DEFAULT);
        KubernetesService.ensure(store, BuiltinResources.SERVICES, Map.of(), 6443);
        assertThat(kubernetes().spec().clusterIP()).startsWith("10.").isNotEqualTo("10.96.0.1");
    }
}
