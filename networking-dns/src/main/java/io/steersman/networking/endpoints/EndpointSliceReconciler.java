package io.steersman.networking.endpoints;

import io.steersman.api.client.Client;
import io.steersman.api.client.DeleteOptions;
import io.steersman.api.client.NotFoundException;
import io.steersman.api.controller.Context;
import io.steersman.api.controller.Reconciler;
import io.steersman.api.controller.Request;
import io.steersman.api.controller.Result;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.OwnerReference;
import io.steersman.api.model.Times;
import io.steersman.api.model.core.EndpointPort;
import io.steersman.api.model.core.Node;
import io.steersman.api.model.core.ObjectReference;
import io.steersman.api.model.core.Pod;
import io.steersman.api.model.core.Pods;
import io.steersman.api.model.core.Service;
import io.steersman.api.model.core.ServicePort;
import io.steersman.api.model.discovery.Endpoint;
import io.steersman.api.model.discovery.EndpointConditions;
import io.steersman.api.model.discovery.EndpointSlice;
import io.steersman.api.selector.Selector;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The EndpointSlice controller ({@code pkg/controller/endpointslice}): keeps the IPv4
 * EndpointSlices of each Service with a selector, at most {@value #MAX_ENDPOINTS_PER_SLICE}
 * endpoints in each, one group of slices per set of resolved ports. Every selected pod with an IP
 * is an endpoint, terminating ones included, with upstream's conditions: serving = the pod is
 * Ready, terminating = it is being deleted, ready = {@code publishNotReadyAddresses} or (serving
 * and not terminating). A Service with no endpoints keeps one empty placeholder slice. Slices carry
 * the labels {@code kubernetes.io/service-name} and {@code endpointslice.kubernetes.io/managed-by}
 * and a controller reference to the Service, so deleting the Service deletes them. Endpoints stay
 * in the slice that holds them (few writes when one pod changes); new ones fill slices with room
 * before a new slice is made.
 */
public final class EndpointSliceReconciler implements Reconciler<Service> {
    static final int MAX_ENDPOINTS_PER_SLICE = 100;
    static final String ZONE_LABEL = "topology.kubernetes.io/zone";
    private static final String IPV4 = "IPv4";
    /** How soon to look again when the cache does not yet show this controller's own last writes. */
    private static final Duration STALE_RETRY = Duration.ofMillis(100);
    private static final Comparator<EndpointPort> BY_PORT = Comparator
            .comparing((EndpointPort p) -> p.name() == null ? "" : p.name())
            .thenComparing(p -> p.port() == null ? 0 : p.port())
            .thenComparing(p -> p.protocol() == null ? "" : p.protocol());

    private final SliceTracker tracker = new SliceTracker();

    @Inject
    public EndpointSliceReconciler() {
    }

    @Override
    public Result reconcile(Request request, Context<Service> context) {
        Client client = context.client();
        Optional<Service> found = context.primary();
        if (found.isEmpty()) {
            // the slices' controller references let garbage collection delete them
            tracker.forget(request);
            return Result.done();
        }
        Service service = found.get();
        if (service.spec().selector().isEmpty() || service.metadata().isBeingDeleted()) {
            return Result.done();
        }
        List<EndpointSlice> existing = managedSlices(client, service);
        if (tracker.isStale(request, existing, context.clock().now())) {
            return Result.requeueAfter(STALE_RETRY);
        }
        Writer writer = new Writer(client, service, request, context.clock().now());
        if ("ExternalName".equals(service.spec().type())) {
            existing.forEach(writer::delete);
            return Result.done();
        }
        Map<List<EndpointPort>, List<Endpoint>> desired = desired(service, ServicePods.selected(service, client), client);
        List<EndpointSlice> unused = new ArrayList<>();
        Map<List<EndpointPort>, List<EndpointSlice>> byPorts = new HashMap<>();
        for (EndpointSlice slice : existing) {
            if (owned(slice, service) && desired.containsKey(sortedPorts(slice.ports()))) {
                byPorts.computeIfAbsent(sortedPorts(slice.ports()), p -> new ArrayList<>()).add(slice);
            } else {
                unused.add(slice);
            }
        }
        List<NewSlice> creates = new ArrayList<>();
        desired.forEach((ports, endpoints) -> place(writer, ports, endpoints, byPorts.getOrDefault(ports, List.of()), unused, creates));
        if (desired.isEmpty()) {
            // upstream's placeholder: a Service without endpoints still has one (empty) slice
            creates.add(new NewSlice(List.of(), List.of()));
        }
        // As upstream's finalize: a slice that would be deleted is rewritten instead of making a new one.
        for (NewSlice create : creates) {
            Optional<EndpointSlice> reusable = unused.stream().filter(slice -> owned(slice, service)).findFirst();
            if (reusable.isPresent()) {
                unused.remove(reusable.get());
                writer.update(reusable.get(), create.ports(), create.endpoints());
            } else {
                writer.create(create.ports(), create.endpoints());
            }
        }
        unused.forEach(writer::delete);
        return Result.done();
    }

    /** A slice to be made: its ports and endpoints. */
    private record NewSlice(List<EndpointPort> ports, List<Endpoint> endpoints) {}

    private static boolean owned(EndpointSlice slice, Service service) {
        return IPV4.equals(slice.addressType()) && slice.metadata().controllerRef().map(ref -> service.uid().equals(ref.uid())).orElse(false);
    }

    /** The slices this controller manages for the Service, by name. */
    private static List<EndpointSlice> managedSlices(Client client, Service service) {
        List<EndpointSlice> slices = new ArrayList<>(client.list(EndpointSlice.class, service.namespace(),
                Selector.fromSet(Map.of(ServicePods.SERVICE_NAME_LABEL, service.name(), ServicePods.MANAGED_BY_LABEL, ServicePods.MANAGED_BY))));
        slices.sort(Comparator.comparing(EndpointSlice::name));
        return slices;
    }

    /** The endpoints each set of ports should list (pods lacking a named port serve the others only). */
    static Map<List<EndpointPort>, List<Endpoint>> desired(Service service, List<Pod> pods, Client client) {
        boolean publishNotReady = Boolean.TRUE.equals(service.spec().publishNotReadyAddresses());
        Map<List<EndpointPort>, List<Endpoint>> desired = new LinkedHashMap<>();
        for (Pod pod : pods) {
            if (!ServicePods.shouldBeInEndpoints(pod, true)) {
                continue;
            }
            List<EndpointPort> ports = new ArrayList<>();
            for (ServicePort servicePort : service.spec().ports()) {
                OptionalInt port = ServicePods.findPort(pod, servicePort);
                if (port.isPresent()) {
                    ports.add(new EndpointPort(servicePort.name() == null ? "" : servicePort.name(), port.getAsInt(),
                            ServicePods.protocol(servicePort.protocol()), servicePort.appProtocol(), null));
                }
            }
            boolean serving = Pods.isReady(pod);
            boolean terminating = pod.metadata().isBeingDeleted();
            String nodeName = pod.spec().nodeName() == null || pod.spec().nodeName().isEmpty() ? null : pod.spec().nodeName();
            Endpoint endpoint = new Endpoint(List.of(ServicePods.address(pod)),
                    EndpointConditions.of(publishNotReady || (serving && !terminating), serving, terminating),
                    ServicePods.setsHostname(pod, service) ? pod.spec().hostname() : null,
                    new ObjectReference(null, Pod.KIND, pod.namespace(), pod.name(), pod.uid(), null, null, null),
                    nodeName, zone(client, nodeName), null);
            desired.computeIfAbsent(sortedPorts(ports), p -> new ArrayList<>()).add(endpoint);
        }
        return desired;
    }

    private static String zone(Client client, String nodeName) {
        if (nodeName == null) {
            return null;
        }
        return client.get(Node.class, null, nodeName).map(node -> node.metadata().labels().get(ZONE_LABEL)).orElse(null);
    }

    private static List<EndpointPort> sortedPorts(List<EndpointPort> ports) {
        List<EndpointPort> sorted = new ArrayList<>(ports);
        sorted.sort(BY_PORT);
        return List.copyOf(sorted);
    }

    /**
     * Puts the desired endpoints of one port set into its slices: each endpoint stays in the slice
     * that lists it, the rest fill slices with room, then new slices; a slice left empty is unused.
     */
    private static void place(Writer writer, List<EndpointPort> ports, List<Endpoint> endpoints, List<EndpointSlice> slices,
            List<EndpointSlice> unused, List<NewSlice> creates) {
        Map<String, Endpoint> pending = new LinkedHashMap<>();
        for (Endpoint endpoint : endpoints) {
            pending.put(key(endpoint), endpoint);
        }
        List<List<Endpoint>> contents = new ArrayList<>();
        for (EndpointSlice slice : slices) {
            List<Endpoint> kept = new ArrayList<>();
            for (Endpoint old : slice.endpoints()) {
                Endpoint now = pending.remove(key(old));
                if (now != null && kept.size() < MAX_ENDPOINTS_PER_SLICE) {
                    kept.add(now);
                } else if (now != null) {
                    pending.put(key(now), now);
                }
            }
            contents.add(kept);
        }
        for (int i = 0; i < slices.size() && !pending.isEmpty(); i++) {
            List<Endpoint> content = contents.get(i);
            var it = pending.values().iterator();
            while (it.hasNext() && content.size() < MAX_ENDPOINTS_PER_SLICE) {
                content.add(it.next());
                it.remove();
            }
        }
        for (int i = 0; i < slices.size(); i++) {
            if (contents.get(i).isEmpty()) {
                unused.add(slices.get(i));
            } else {
                writer.update(slices.get(i), ports, contents.get(i));
            }
        }
        List<Endpoint> rest = new ArrayList<>(pending.values());
        for (int from = 0; from < rest.size(); from += MAX_ENDPOINTS_PER_SLICE) {
            creates.add(new NewSlice(ports, List.copyOf(rest.subList(from, Math.min(rest.size(), from + MAX_ENDPOINTS_PER_SLICE)))));
        }
    }

    /** An endpoint's identity across passes: its pod, else its address. */
    private static String key(Endpoint endpoint) {
        if (endpoint.targetRef() != null && endpoint.targetRef().uid() != null) {
            return endpoint.targetRef().uid();
        }
        return String.join(",", endpoint.addresses());
    }

    /** The writes of one pass, recorded with the tracker so the next pass knows when the cache is behind. */
    private final class Writer {
        private final Client client;
        private final Service service;
        private final Request request;
        private final Instant now;
        private final String triggerTime;

        Writer(Client client, Service service, Request request, Instant now) {
            this.client = client;
            this.service = service;
            this.request = request;
            this.now = now;
            this.triggerTime = Times.format(now);
        }

        void create(List<EndpointPort> ports, List<Endpoint> endpoints) {
            ObjectMeta meta = ObjectMeta.builder().generateName(service.name() + "-").namespace(service.namespace())
                    .labels(labels(service)).annotations(Map.of(ServicePods.TRIGGER_TIME_ANNOTATION, triggerTime))
                    .ownerReferences(List.of(OwnerReference.controllerOf(service))).build();
            EndpointSlice created = client.create(EndpointSlice.of(meta, IPV4, endpoints, ports));
            tracker.wrote(request, created, now);
        }

        void update(EndpointSlice slice, List<EndpointPort> ports, List<Endpoint> endpoints) {
            Map<String, String> labels = labels(service);
            if (slice.endpoints().equals(endpoints) && slice.ports().equals(ports) && slice.metadata().labels().equals(labels)) {
                return;
            }
            Map<String, String> annotations = new LinkedHashMap<>(slice.metadata().annotations());
            annotations.put(ServicePods.TRIGGER_TIME_ANNOTATION, triggerTime);
            EndpointSlice changed = slice.withMetadata(slice.metadata().toBuilder().labels(labels).annotations(annotations).build())
                    .withEndpoints(endpoints, ports);
            tracker.wrote(request, client.update(changed), now);
        }

        void delete(EndpointSlice slice) {
            try {
                client.delete(EndpointSlice.class, slice.namespace(), slice.name(), DeleteOptions.ifUid(slice.uid()));
            } catch (NotFoundException gone) {
                // deleted meanwhile
            }
            tracker.deleted(request, slice, now);
        }
    }

    /** Upstream's {@code setEndpointSliceLabels}: the Service's labels, then the service name, manager and headless mark. */
    static Map<String, String> labels(Service service) {
        Map<String, String> labels = new LinkedHashMap<>(service.metadata().labels());
        labels.put(ServicePods.SERVICE_NAME_LABEL, service.name());
        labels.put(ServicePods.MANAGED_BY_LABEL, ServicePods.MANAGED_BY);
        if (service.spec().isHeadless()) {
            labels.put(ServicePods.HEADLESS_LABEL, "");
        } else {
            labels.remove(ServicePods.HEADLESS_LABEL);
        }
        return labels;
    }
}
