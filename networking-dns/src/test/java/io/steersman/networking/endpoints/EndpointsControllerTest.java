package io.steersman.networking.endpoints;

import static org.assertj.core.api.Assertions.assertThat;

import io.steersman.api.model.IntOrString;
import io.steersman.networking.Net;
import io.steersman.api.model.core.ContainerPort;
import io.steersman.api.model.core.EndpointAddress;
import io.steersman.api.model.core.EndpointPort;
import io.steersman.api.model.core.EndpointSubset;
import io.steersman.api.model.core.Endpoints;
import io.steersman.api.model.core.Pod;
import io.steersman.api.model.core.PodStatus;
import io.steersman.api.model.core.Service;
import io.steersman.api.model.core.ServiceSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Endpoints controller: which pods a Service's Endpoints list, and how. */
class EndpointsControllerTest {
    private static final Map<String, String> WEB = Map.of("app", "web");
    private final Net net = new Net();

    @AfterEach
    void close() {
        net.close();
    }

    private Endpoints endpoints(String name) {
        return net.client().get(Endpoints.class, Net.NS, name).orElseThrow();
    }

    private static List<String> ips(List<EndpointAddress> addresses) {
        return addresses.stream().map(EndpointAddress::ip).toList();
    }

    @Test
    void readyPodsAreAddressesAndOthersNotReadyAddresses() {
        net.service("web", WEB, Net.port("http", 80, IntOrString.of(8080)));
        net.pod("web-a", WEB);
        net.pod("web-b", WEB);
        net.pod("web-c", WEB);
        net.pod("other", Map.of("app", "other"));
        net.running("web-a", "10.244.0.5", true);
        net.running("web-b", "10.244.0.3", false);
        net.running("other", "10.244.0.9", true);
        net.settle();

        Endpoints endpoints = endpoints("web");
        assertThat(endpoints.subsets()).hasSize(1);
        EndpointSubset subset = endpoints.subsets().get(0);
        assertThat(ips(subset.addresses())).containsExactly("10.244.0.5");
        assertThat(ips(subset.notReadyAddresses())).containsExactly("10.244.0.3");
        assertThat(subset.ports()).containsExactly(new EndpointPort("http", 8080, "TCP", null, null));
        EndpointAddress a = subset.addresses().get(0);
        assertThat(a.nodeName()).isEqualTo("node-1");
        assertThat(a.targetRef().kind()).isEqualTo("Pod");
        assertThat(a.targetRef().name()).isEqualTo("web-a");
        assertThat(a.targetRef().uid()).isEqualTo(net.client().get(Pod.class, Net.NS, "web-a").orElseThrow().uid());
        assertThat(endpoints.metadata().annotations()).containsKey("endpoints.kubernetes.io/last-change-trigger-time");
    }

    @Test
    void endpointsFollowReadinessAndDeletion() {
        net.service("web", WEB, Net.port("http", 80, IntOrString.of(8080)));
        net.pod("web-a", WEB);
        net.running("web-a", "10.244.0.5", false);
        net.settle();
        assertThat(ips(endpoints("web").subsets().get(0).notReadyAddresses())).containsExactly("10.244.0.5");

        net.running("web-a", "10.244.0.5", true);
        net.settle();
        assertThat(ips(endpoints("web").subsets().get(0).addresses())).containsExactly("10.244.0.5");

        net.terminate("web-a");
        net.settle();
        assertThat(net.client().get(Pod.class, Net.NS, "web-a").orElseThrow().metadata().isBeingDeleted()).isTrue();
        assertThat(endpoints("web").subsets()).isEmpty();
    }

    @Test
    void publishNotReadyAddressesListsEveryPodAsReadyTerminatingOnesToo() {
        ServiceSpec spec = ServiceSpec.of(WEB, List.of(Net.port("http", 80, IntOrString.of(8080))));
        net.cp.apply(Service.of(io.steersman.api.model.ObjectMeta.named(Net.NS, "web"), new ServiceSpec(null, spec.selector(), spec.ports(),
                null, null, null, null, null, true, null, null)));
        net.pod("web-a", WEB);
        net.pod("web-b", WEB);
        net.running("web-a", "10.244.0.5", false);
        net.running("web-b", "10.244.0.6", true);
        net.terminate("web-b");
        net.settle();

        assertThat(ips(endpoints("web").subsets().get(0).addresses())).containsExactly("10.244.0.5", "10.244.0.6");
        assertThat(endpoints("web").subsets().get(0).notReadyAddresses()).isEmpty();
    }

    @Test
    void podsWithoutIpAndFinishedPodsAreLeftOut() {
        net.service("web", WEB, Net.port("http", 80, IntOrString.of(8080)));
        net.pod("pending", WEB);
        net.pod("done", WEB);
        net.running("done", "10.244.0.7", false);
        net.phase("done", PodStatus.SUCCEEDED);
        net.settle();

        assertThat(endpoints("web").subsets()).isEmpty();
    }

    @Test
    void namedTargetPortsResolvePerPodAndSubsetsGroupByPortSet() {
        net.service("web", WEB, Net.port("http", 80, IntOrString.of("http")));
        net.pod("web-a", WEB, ContainerPort.of("http", 8080));
        net.pod("web-b", WEB, ContainerPort.of("http", 9090));
        net.pod("web-c", WEB, ContainerPort.of("metrics", 9100));
        net.running("web-a", "10.244.0.5", true);
        net.running("web-b", "10.244.0.6", true);
        net.running("web-c", "10.244.0.7", true);
        net.settle();

        List<EndpointSubset> subsets = endpoints("web").subsets();
        assertThat(subsets).hasSize(2);
        assertThat(subsets).anySatisfy(s -> {
            assertThat(ips(s.addresses())).containsExactly("10.244.0.5");
            assertThat(s.ports()).extracting(EndpointPort::port).containsExactly(8080);
        });
        assertThat(subsets).anySatisfy(s -> {
            assertThat(ips(s.addresses())).containsExactly("10.244.0.6");
            assertThat(s.ports()).extracting(EndpointPort::port).containsExactly(9090);
        });
    }

    @Test
    void headlessServicesGetHostnamesForPodsInTheirSubdomainAndTheHeadlessLabel() {
        net.headless("nginx", WEB);
        net.pod("web-0", WEB, "web-0", "nginx");
        net.pod("web-1", WEB, "web-1", "elsewhere");
        net.running("web-0", "10.244.0.5", true);
        net.running("web-1", "10.244.0.6", true);
        net.settle();

        Endpoints endpoints = endpoints("nginx");
        assertThat(endpoints.metadata().labels()).containsEntry("service.kubernetes.io/headless", "");
        EndpointSubset subset = endpoints.subsets().get(0);
        assertThat(subset.ports()).isEmpty();
        assertThat(subset.addresses()).extracting(EndpointAddress::hostname).containsExactly("web-0", null);
    }

    @Test
    void podsLeavingTheSelectorLeaveTheEndpoints() {
        net.service("web", WEB, Net.port("http", 80, IntOrString.of(8080)));
        Pod pod = net.pod("web-a", WEB);
        net.running("web-a", "10.244.0.5", true);
        net.settle();
        assertThat(endpoints("web").subsets()).hasSize(1);

        Pod current = net.client().get(Pod.class, Net.NS, pod.name()).orElseThrow();
        net.client().update(current.withMetadata(current.metadata().withLabels(Map.of("app", "moved"))));
        net.settle();

        assertThat(endpoints("web").subsets()).isEmpty();
    }

    @Test
    void servicesWithoutSelectorAreLeftAloneAndDeletedServicesLoseTheirEndpoints() {
        net.cp.apply(Service.of(io.steersman.api.model.ObjectMeta.named(Net.NS, "manual"),
                ServiceSpec.of(Map.of(), List.of(Net.port("http", 80, IntOrString.of(8080))))));
        net.service("web", WEB, Net.port("http", 80, IntOrString.of(8080)));
        net.settle();
        assertThat(net.client().get(Endpoints.class, Net.NS, "manual")).isEmpty();
        assertThat(net.client().get(Endpoints.class, Net.NS, "web")).isPresent();

        net.client().delete(Service.class, Net.NS, "web", null);
        net.settle();

        assertThat(net.client().get(Endpoints.class, Net.NS, "web")).isEmpty();
    }
}
