package io.steersman.networking;

import io.steersman.api.client.Client;
import io.steersman.api.client.DeleteOptions;
import io.steersman.api.model.IntOrString;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.core.Container;
import io.steersman.api.model.core.ContainerPort;
import io.steersman.api.model.core.Pod;
import io.steersman.api.model.core.PodCondition;
import io.steersman.api.model.core.PodSpec;
import io.steersman.api.model.core.PodStatus;
import io.steersman.api.model.core.Service;
import io.steersman.api.model.core.ServicePort;
import io.steersman.api.model.core.ServiceSpec;
import io.steersman.testing.ControlPlane;
import java.util.List;
import java.util.Map;

/**
 * A control plane with only the networking controllers (no node agent: the tests set pod IPs and
 * readiness themselves), a manual clock and deterministic settle(). Shared by the controller and DNS tests.
 */
public final class Net implements AutoCloseable {
    public static final String NS = "default";
    public final ControlPlane cp;

    public Net() {
        this(java.util.Map.of());
    }

    /** With these settings (the DNS server's, say). */
    public Net(Map<String, String> settings) {
        this(settings, false);
    }

    /** {@code realTime}: worker threads and the system clock, as the launcher runs, instead of a manual clock. */
    public Net(Map<String, String> settings, boolean realTime) {
        ControlPlane.Builder builder = ControlPlane.builder().plugins(new NetworkingPlugin()).settings(settings);
        cp = (realTime ? builder.systemClock() : builder.manualClock()).start();
    }

    public Client client() {
        return cp.client();
    }

    public void settle() {
        cp.settle();
    }

    public Service service(String name, Map<String, String> selector, ServicePort... ports) {
        return cp.apply(Service.of(ObjectMeta.named(NS, name), ServiceSpec.of(selector, List.of(ports))));
    }

    public Service headless(String name, Map<String, String> selector, ServicePort... ports) {
        return cp.apply(Service.of(ObjectMeta.named(NS, name), ServiceSpec.of(selector, List.of(ports)).withClusterIP("None")));
    }

    public static ServicePort port(String name, int port, IntOrString target) {
        return new ServicePort(name, "TCP", null, port, target, null, null);
    }

    /** A pod on node-1 with the given labels and named container ports ("http" -> 8080 ...). */
    public Pod pod(String name, Map<String, String> labels, ContainerPort... ports) {
        PodSpec spec = PodSpec.of(List.of(Container.of("app", "app:1").withPorts(List.of(ports)))).withNodeName("node-1");
        return client().create(Pod.of(ObjectMeta.named(NS, name).withLabels(labels), spec));
    }

    /** A pod with spec.hostname and spec.subdomain, as a StatefulSet makes them. */
    public Pod pod(String name, Map<String, String> labels, String hostname, String subdomain) {
        PodSpec spec = PodSpec.of(List.of(Container.of("app", "app:1"))).withNodeName("node-1").withHostname(hostname, subdomain);
        return client().create(Pod.of(ObjectMeta.named(NS, name).withLabels(labels), spec));
    }

    /** Gives the pod an IP and Running phase, Ready or not. */
    public Pod running(String name, String ip, boolean ready) {
        Pod pod = cp.store().get(cp.registry().forType(Pod.class), NS, name).orElseThrow();
        PodStatus status = pod.status().withPhase(PodStatus.RUNNING).withAddresses("192.168.0.1", ip)
                .withConditions(List.of(PodCondition.of(PodCondition.READY, ready, cp.clock().now())));
        return client().updateStatus(pod.withStatus(status));
    }

    public Pod phase(String name, String phase) {
        Pod pod = cp.store().get(cp.registry().forType(Pod.class), NS, name).orElseThrow();
        return client().updateStatus(pod.withStatus(pod.status().withPhase(phase)));
    }

    /** Starts a graceful delete: the pod (on a node) lingers with a deletionTimestamp. */
    public void terminate(String name) {
        client().delete(Pod.class, NS, name, DeleteOptions.defaults());
    }

    @Override
    public void close() {
        cp.close();
    }
}
