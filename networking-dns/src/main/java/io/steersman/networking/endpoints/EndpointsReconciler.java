package io.steersman.networking.endpoints;

import io.steersman.api.client.Client;
import io.steersman.api.client.DeleteOptions;
import io.steersman.api.client.NotFoundException;
import io.steersman.api.controller.Context;
import io.steersman.api.controller.Reconciler;
import io.steersman.api.controller.Request;
import io.steersman.api.controller.Result;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.Times;
import io.steersman.api.model.core.EndpointAddress;
import io.steersman.api.model.core.EndpointPort;
import io.steersman.api.model.core.EndpointSubset;
import io.steersman.api.model.core.Endpoints;
import io.steersman.api.model.core.ObjectReference;
import io.steersman.api.model.core.Pod;
import io.steersman.api.model.core.Pods;
import io.steersman.api.model.core.Service;
import io.steersman.api.model.core.ServicePort;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The Endpoints controller ({@code pkg/controller/endpoint}): keeps an Endpoints object named after
 * each Service with a selector, listing the selected pods that have an IP: ready ones (or all, with
 * {@code publishNotReadyAddresses}) as {@code addresses}, the others as {@code notReadyAddresses};
 * terminating pods only with {@code publishNotReadyAddresses}. Each service port's target port is
 * resolved per pod, and the subsets are repacked by port set. A Service without a selector is left
 * alone; the Endpoints of a deleted Service are deleted.
 */
public final class EndpointsReconciler implements Reconciler<Service> {

    /** Upstream's limit on the addresses of one Endpoints object; beyond it the list is truncated. */
    static final int MAX_ADDRESSES = 1000;
    static final String OVER_CAPACITY_ANNOTATION = "endpoints.kubernetes.io/over-capacity";

    @Inject
    public EndpointsReconciler() {
    }

    @Override
    public Result reconcile(Request request, Context<Service> context) {
        Client client = context.client();
        Optional<Service> found = context.primary();
        if (found.isEmpty()) {
            deleteEndpoints(client, request);
            return Result.done();
        }
        Service service = found.get();
        if (!ServicePods.isManaged(service) || service.metadata().isBeingDeleted()) {
            return Result.done();
        }
        List<EndpointSubset> subsets = Subsets.repack(subsets(service, ServicePods.selected(service, client)));
        int total = 0;
        for (EndpointSubset subset : subsets) {
            total += subset.addresses().size() + subset.notReadyAddresses().size();
        }
        boolean overCapacity = total > MAX_ADDRESSES;
        if (overCapacity) {
            subsets = Subsets.truncate(subsets, MAX_ADDRESSES);
        }
        Map<String, String> labels = labels(service);
        Optional<Endpoints> current = client.get(Endpoints.class, service.namespace(), service.name());
        if (current.isPresent()) {
            Endpoints existing = current.get();
            boolean capacityNoted = overCapacity == existing.metadata().annotations().containsKey(OVER_CAPACITY_ANNOTATION);
            if (existing.subsets().equals(subsets) && existing.metadata().labels().equals(labels) && capacityNoted) {
                return Result.done();
            }
        }
        Map<String, String> annotations = new LinkedHashMap<>(current.map(e -> e.metadata().annotations()).orElse(Map.of()));
        annotations.put(ServicePods.TRIGGER_TIME_ANNOTATION, Times.format(context.clock().now()));
        if (overCapacity) {
            annotations.put(OVER_CAPACITY_ANNOTATION, "truncated");
        } else {
            annotations.remove(OVER_CAPACITY_ANNOTATION);
        }
        if (current.isEmpty()) {
            ObjectMeta meta = ObjectMeta.named(service.namespace(), service.name()).toBuilder()
                    .labels(labels).annotations(annotations).build();
            client.create(Endpoints.of(meta, subsets));
        } else {
            Endpoints existing = current.get();
            client.update(existing.withMetadata(existing.metadata().toBuilder().labels(labels).annotations(annotations).build())
                    .withSubsets(subsets));
        }
        return Result.done();
    }

    private static void deleteEndpoints(Client client, Request request) {
        if (client.get(Endpoints.class, request.namespace(), request.name()).isEmpty()) {
            return;
        }
        try {
            client.delete(Endpoints.class, request.namespace(), request.name(), DeleteOptions.defaults());
        } catch (NotFoundException gone) {
            // deleted meanwhile: what we wanted
        }
    }

    /** The Service's labels, and the headless mark for a headless Service (as upstream sets them). */
    static Map<String, String> labels(Service service) {
        Map<String, String> labels = new LinkedHashMap<>(service.metadata().labels());
        if (service.spec().isHeadless()) {
            labels.put(ServicePods.HEADLESS_LABEL, "");
        } else {
            labels.remove(ServicePods.HEADLESS_LABEL);
        }
        return labels;
    }

    /** One subset per pod and port set, before repacking (upstream's {@code addEndpointSubset}). */
    static List<EndpointSubset> subsets(Service service, List<Pod> pods) {
        boolean publishNotReady = Boolean.TRUE.equals(service.spec().publishNotReadyAddresses());
        List<EndpointSubset> subsets = new ArrayList<>();
        for (Pod pod : pods) {
            if (!ServicePods.shouldBeInEndpoints(pod, publishNotReady)) {
                continue;
            }
            EndpointAddress address = new EndpointAddress(ServicePods.address(pod),
                    ServicePods.setsHostname(pod, service) ? pod.spec().hostname() : null,
                    pod.spec().nodeName() == null || pod.spec().nodeName().isEmpty() ? null : pod.spec().nodeName(),
                    new ObjectReference(null, Pod.KIND, pod.namespace(), pod.name(), pod.uid(), null, null, null), null);
            boolean ready = publishNotReady || Pods.isReady(pod);
            if (service.spec().ports().isEmpty()) {
                if (service.spec().isHeadless()) {
                    subsets.add(subset(address, ready, List.of()));
                }
                continue;
            }
            for (ServicePort servicePort : service.spec().ports()) {
                OptionalInt port = ServicePods.findPort(pod, servicePort);
                if (port.isEmpty()) {
                    continue;
                }
                EndpointPort endpointPort = new EndpointPort(emptyToNull(servicePort.name()), port.getAsInt(),
                        ServicePods.protocol(servicePort.protocol()), servicePort.appProtocol(), null);
                subsets.add(subset(address, ready, List.of(endpointPort)));
            }
        }
        return subsets;
    }

    private static EndpointSubset subset(EndpointAddress address, boolean ready, List<EndpointPort> ports) {
        return ready ? new EndpointSubset(List.of(address), null, ports, null) : new EndpointSubset(null, List.of(address), ports, null);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
