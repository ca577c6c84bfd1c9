package io.steersman.networking.endpoints;

import io.steersman.api.client.Client;
import io.steersman.api.controller.Request;
import io.steersman.api.model.core.EndpointAddress;
import io.steersman.api.model.core.EndpointSubset;
import io.steersman.api.model.core.Endpoints;
import io.steersman.api.model.core.Pod;
import io.steersman.api.model.core.Service;
import io.steersman.api.model.discovery.EndpointSlice;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which Services a change wakes, for the Endpoints and EndpointSlice controllers ({@link
 * io.steersman.api.controller.EventMapper}s): fast, non-blocking, never throwing.
 */
public final class ServiceEvents {
    private ServiceEvents() {}

    /**
     * A pod wakes the Services that select it now and those whose Endpoints list it (so a pod
     * whose labels no longer match leaves them, as upstream's handler that compares old and new labels).
     */
    public static Collection<Request> servicesOf(Pod pod, Client cache) {
        Set<Request> requests = new LinkedHashSet<>();
        for (Service service : cache.list(Service.class, pod.namespace())) {
            if (ServicePods.selects(service, pod)) {
                requests.add(Request.of(service));
            }
        }
        for (Endpoints endpoints : cache.list(Endpoints.class, pod.namespace())) {
            if (lists(endpoints, pod)) {
                requests.add(Request.of(endpoints));
            }
        }
        return requests;
    }

    private static boolean lists(Endpoints endpoints, Pod pod) {
        for (EndpointSubset subset : endpoints.subsets()) {
            for (List<EndpointAddress> addresses : List.of(subset.addresses(), subset.notReadyAddresses())) {
                for (EndpointAddress address : addresses) {
                    if (address.targetRef() != null && pod.uid() != null && pod.uid().equals(address.targetRef().uid())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Endpoints wake the Service of the same name. */
    public static Collection<Request> serviceOf(Endpoints endpoints, Client cache) {
        return List.of(Request.of(endpoints));
    }

    /** An EndpointSlice wakes the Service its {@code kubernetes.io/service-name} label names. */
    public static Collection<Request> serviceOf(EndpointSlice slice, Client cache) {
        String service = slice.metadata().labels().get(ServicePods.SERVICE_NAME_LABEL);
        return service == null || service.isEmpty() ? List.of() : List.of(new Request(slice.namespace(), service));
    }
}
