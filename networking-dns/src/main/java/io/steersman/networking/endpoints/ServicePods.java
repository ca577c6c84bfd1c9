package io.steersman.networking.endpoints;

import io.steersman.api.client.Client;
import io.steersman.api.model.IntOrString;
import io.steersman.api.model.core.Container;
import io.steersman.api.model.core.ContainerPort;
import io.steersman.api.model.core.Pod;
import io.steersman.api.model.core.PodIP;
import io.steersman.api.model.core.Pods;
import io.steersman.api.model.core.Service;
import io.steersman.api.model.core.ServicePort;
import io.steersman.api.selector.Selector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Which pods back a Service, and how each one appears as an endpoint: upstream's
 * {@code endpointslice/util} helpers ({@code ShouldPodBeInEndpoints}, {@code ShouldSetHostname},
 * {@code podutil.FindPort}) shared by the Endpoints and EndpointSlice controllers. Stateless.
 */
final class ServicePods {
    private ServicePods() {}

    /** The label every EndpointSlice carries with the name of its Service. */
    static final String SERVICE_NAME_LABEL = "kubernetes.io/service-name";
    /** The label saying which controller manages an EndpointSlice. */
    static final String MANAGED_BY_LABEL = "endpointslice.kubernetes.io/managed-by";
    /** Upstream's EndpointSlice controller's name in {@link #MANAGED_BY_LABEL}. */
    static final String MANAGED_BY = "endpointslice-controller.k8s.io";
    /** Set (empty) on the Endpoints and EndpointSlices of a headless Service. */
    static final String HEADLESS_LABEL = "service.kubernetes.io/headless";
    /** When the change that the Endpoints or EndpointSlice shows happened. */
    static final String TRIGGER_TIME_ANNOTATION = "endpoints.kubernetes.io/last-change-trigger-time";

    /** Whether a controller keeps endpoints for {@code service}: it has a selector and is not ExternalName. */
    static boolean isManaged(Service service) {
        return !service.spec().selector().isEmpty() && !"ExternalName".equals(service.spec().type());
    }

    /** The pods of the Service's namespace its selector matches, by name. */
    static List<Pod> selected(Service service, Client client) {
        List<Pod> pods = new ArrayList<>(client.list(Pod.class, service.namespace(), Selector.fromSet(service.spec().selector())));
        pods.sort(Comparator.comparing(Pod::name));
        return pods;
    }

    static boolean selects(Service service, Pod pod) {
        Map<String, String> selector = service.spec().selector();
        return isManaged(service) && service.namespace().equals(pod.namespace()) && Selector.fromSet(selector).matches(pod.metadata().labels());
    }

    /**
     * {@code ShouldPodBeInEndpoints}: the pod has an IP, has not finished (Succeeded or Failed) and
     * is not being deleted, unless terminating pods are included.
     */
    static boolean shouldBeInEndpoints(Pod pod, boolean includeTerminating) {
        if (Pods.isTerminal(pod) || address(pod) == null) {
            return false;
        }
        return includeTerminating || !pod.metadata().isBeingDeleted();
    }

    /** The pod's IPv4 address (the family of the cluster's services), or null when it has none yet. */
    static String address(Pod pod) {
        for (PodIP ip : pod.status().podIPs()) {
            if (ip.ip() != null && !ip.ip().isEmpty() && !ip.ip().contains(":")) {
                return ip.ip();
            }
        }
        String ip = pod.status().podIP();
        return ip == null || ip.isEmpty() || ip.contains(":") ? null : ip;
    }

    /** {@code ShouldSetHostname}: the pod names a hostname and its subdomain is the Service's name. */
    static boolean setsHostname(Pod pod, Service service) {
        String hostname = pod.spec().hostname();
        return hostname != null && !hostname.isEmpty() && service.name().equals(pod.spec().subdomain())
                && service.namespace().equals(pod.namespace());
    }

    /**
     * {@code podutil.FindPort}: a numeric target port as it is; a named one resolved to the
     * container port of that name and protocol (sidecar init containers included); empty when the
     * pod has no such port, and the pod is then no endpoint for this service port.
     */
    static OptionalInt findPort(Pod pod, ServicePort servicePort) {
        IntOrString target = servicePort.targetPort();
        if (target == null) {
            return servicePort.port() == null ? OptionalInt.empty() : OptionalInt.of(servicePort.port());
        }
        if (target.isInt()) {
            return OptionalInt.of(target.intValue());
        }
        String protocol = protocol(servicePort.protocol());
        List<Container> containers = new ArrayList<>(pod.spec().containers());
        for (Container init : pod.spec().initContainers()) {
            if ("Always".equals(init.unknownFields().get("restartPolicy"))) {
                containers.add(init);
            }
        }
        for (Container container : containers) {
            for (ContainerPort port : container.ports()) {
                if (target.strValue().equals(port.name()) && protocol.equals(protocol(port.protocol())) && port.containerPort() != null) {
                    return OptionalInt.of(port.containerPort());
                }
            }
        }
        return OptionalInt.empty();
    }

    static String protocol(String protocol) {
        return protocol == null || protocol.isEmpty() ? "TCP" : protocol;
    }
}
