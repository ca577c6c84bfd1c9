package io.steersman.networking;

import io.steersman.api.controller.ControllerPlugin;
import io.steersman.api.controller.ControllerSpec;
import io.steersman.api.controller.PluginService;
import io.steersman.api.model.core.Endpoints;
import io.steersman.api.model.core.Pod;
import io.steersman.api.model.core.Service;
import io.steersman.api.model.discovery.EndpointSlice;
import io.steersman.networking.dns.ClusterDns;
import io.steersman.networking.endpoints.EndpointSliceReconciler;
import io.steersman.networking.endpoints.EndpointsReconciler;
import io.steersman.networking.endpoints.ServiceEvents;
import java.util.List;

/**
 * Services on the network, found through {@link java.util.ServiceLoader}: the Endpoints and
 * EndpointSlice controllers, which keep the pods behind each Service listed, and the cluster DNS
 * server ({@link ClusterDns}), which answers for {@code cluster.local} from them. Cluster IPs are
 * not here: the API server's store allocates them when a Service is created, as upstream's does.
 */
public final class NetworkingPlugin implements ControllerPlugin {

    @Override
    public String name() {
        return "networking";
    }

    @Override
    public List<ControllerSpec<?>> controllers() {
        return List.of(
                ControllerSpec.builder("endpoints", Service.class, EndpointsReconciler.class)
                        .watches(Pod.class, ServiceEvents::servicesOf)
                        .watches(Endpoints.class, ServiceEvents::serviceOf)
                        .workers(2)
                        .build(),
                ControllerSpec.builder("endpointslice", Service.class, EndpointSliceReconciler.class)
                        .watches(Pod.class, ServiceEvents::servicesOf)
                        .watches(EndpointSlice.class, ServiceEvents::serviceOf)
                        .workers(2)
                        .build());
    }

    @Override
    public List<Class<? extends PluginService>> services() {
        return List.of(ClusterDns.class);
    }
}
