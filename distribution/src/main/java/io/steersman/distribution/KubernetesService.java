package io.steersman.distribution;

import io.steersman.api.client.AlreadyExistsException;
import io.steersman.api.client.ApiException;
import io.steersman.api.model.IntOrString;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.core.Service;
import io.steersman.api.model.core.ServicePort;
import io.steersman.api.model.core.ServiceSpec;
import io.steersman.api.resource.ResourceType;
import io.steersman.core.store.BackendStore;
import io.steersman.core.store.Store;
import io.steersman.core.store.WriteOptions;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Service {@code default/kubernetes} that upstream's API server keeps for itself: the first
 * cluster IP of the range (10.96.0.1), port 443 named https to the API's port, no selector. It has
 * no endpoints here: the API listens on a loopback address by default, which Endpoints may not hold.
 * Made when the launcher starts, its port brought up to date when it exists (a kept data dir, a new --port).
 */
final class KubernetesService {
    private KubernetesService() {}

    static final String NAME = "kubernetes";

    static void ensure(Store store, ResourceType<Service> services, Map<String, String> settings, int apiPort) {
        List<ServicePort> ports = List.of(new ServicePort("https", "TCP", null, 443, IntOrString.of(apiPort), null, null));
        Optional<Service> existing = store.get(services, "default", NAME);
        if (existing.isPresent()) {
            Service current = existing.get();
            if (!current.spec().ports().equals(ports)) {
                store.update(services, current.withSpec(current.spec().withPorts(ports)), WriteOptions.DEFAULT);
            }
            return;
        }
        ObjectMeta meta = ObjectMeta.named("default", NAME).withLabels(Map.of("component", "apiserver", "provider", "kubernetes"));
        String firstIp = BackendStore.Options.defaults()
                .withServiceRanges(settings.get(BackendStore.Options.CLUSTER_IP_RANGE_SETTING), null).firstClusterIp();
        try {
            store.create(services, Service.of(meta, ServiceSpec.of(Map.of(), ports).withClusterIP(firstIp)), WriteOptions.DEFAULT);
        } catch (AlreadyExistsException raced) {
            // made meanwhile: what we wanted
        } catch (ApiException taken) {
            // someone asked for the first address before: any other will do
            store.create(services, Service.of(meta, ServiceSpec.of(Map.of(), ports)), WriteOptions.DEFAULT);
        }
    }
}
