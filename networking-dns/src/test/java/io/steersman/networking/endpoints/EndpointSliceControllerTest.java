package io.steersman.networking.endpoints;

import static org.assertj.core.api.Assertions.assertThat;

import io.steersman.api.model.IntOrString;
import io.steersman.networking.Net;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.OwnerReference;
import io.steersman.api.model.core.ContainerPort;
import io.steersman.api.model.core.EndpointPort;
import io.steersman.api.model.core.Service;
import io.steersman.api.model.core.ServiceSpec;
import io.steersman.api.model.discovery.Endpoint;
import io.steersman.api.model.discovery.EndpointConditions;
import io.steersman.api.model.discovery.EndpointSlice;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The EndpointSlice controller: slices per Service, their endpoints, conditions, labels and sizes. */
class EndpointSliceControllerTest {
    private static final Map<String, String> WEB = Map.of("app", "web");
    private final Net net = new Net();

    @AfterEach
    void close() {
        net.close();
    }

    private List<EndpointSlice> slices(String service) {
        return net.client().list(EndpointSlice.class, Net.NS).stream()
                .filter(s -> service.equals(s.metadata().labels().get("kubernetes.io/service-name"))).toList();
    }

    private List<Endpoint> endpoints(String service) {
        List<Endpoint> all = new ArrayList<>();
        slices(service).forEach(s -> all.addAll(s.endpoints()));
        return all;
    }

    private Endpoint endpointOf(String service, String pod) {
        return endpoints(service).stream().filter(e -> pod.equals(e.targetRef().name())).findFirst().orElseThrow();
    }

    @Test
    void aServiceGetsOneSliceWithItsPodsAndUpstreamsLabelsAndOwner() {
        Service service = net.service("web", WEB, Net.port("http", 80, IntOrString.of(8080)));
        net.pod("web-a", WEB);
        net.pod("web-b", WEB);
        net.running("web-a", "10.244.0.5", true);
        net.running("web-b", "10.244.0.6", false);
        net.settle();

        List<EndpointSlice> slices = slices("web");
        assertThat(slices).hasSize(1);
        EndpointSlice slice = slices.get(0);
        assertThat(slice.name()).startsWith("web-");
        assertThat(slice.addressType()).isEqualTo("IPv4");
        assertThat(slice.metadata().labels()).containsEntry("kubernetes.io/service-name", "web")
                .containsEntry("endpointslice.kubernetes.io/managed-by", "endpointslice-controller.k8s.io")
                .doesNotContainKey("service.kubernetes.io/headless");
        assertThat(slice.metadata().ownerReferences()).containsExactly(OwnerReference.controllerOf(service));
        assertThat(slice.ports()).containsExactly(new EndpointPort("http", 8080, "TCP", null, null));
        assertThat(endpointOf("web", "web-a").addresses()).containsExactly("10.244.0.5");
        assertThat(endpointOf("web", "web-a").conditions()).isEqualTo(EndpointConditions.of(true, true, false));
        assertThat(endpointOf("web", "web-b").conditions()).isEqualTo(EndpointConditions.of(false, false, false));
        assertThat(endpointOf("web", "web-a").nodeName()).isEqualTo("node-1");
    }

    @Test
    void terminatingPodsStayWithServingAndTerminatingConditions() {
        net.service("web", WEB, Net.port("http", 80, IntOrString.of(8080)));
        net.pod("web-a", WEB);
        net.running("web-a", "10.244.0.5", true);
        net.terminate("web-a");
        net.settle();

        assertThat(endpointOf("web", "web-a").conditions()).isEqualTo(EndpointConditions.of(false, true, true));
    }

    @Test
    void publishNotReadyAddressesMakesEveryEndpointReady() {
        net.cp.apply(Service.of(ObjectMeta.named(Net.NS, "web"), new ServiceSpec(null, WEB, List.of(Net.port("http", 80, IntOrString.of(8080))),
                null, null, null, null, null, true, null, null)));
        net.pod("web-a", WEB);
        net.running("web-a", "10.244.0.5", false);
        net.settle();

        assertThat(endpointOf("web", "web-a").conditions()).isEqualTo(EndpointConditions.of(true, false, false));
    }

    @Test
    void aServiceWithoutEndpointsHasOnePlaceholderSlice() {
        net.service("web", WEB, Net.port("http", 80, IntOrString.of(8080)));
        net.settle();

        List<EndpointSlice> slices = slices("web");
        assertThat(slices).hasSize(1);
        assertThat(slices.get(0).endpoints()).isEmpty();
        assertThat(slices.get(0).ports()).isEmpty();

        net.pod("web-a", WEB);
        net.running("web-a", "10.244.0.5", true);
        net.settle();
        assertThat(slices("web")).hasSize(1);
        assertThat(slices("web").get(0).name()).isEqualTo(slices.get(0).name());
        assertThat(endpoints("web")).hasSize(1);
    }

    @Test
    void podsWithDifferentNamedPortsGoToDifferentSlices() {
        net.service("web", WEB, Net.port("http", 80, IntOrString.of("http")));
        net.pod("web-a", WEB, ContainerPort.of("http", 8080));
        net.pod("web-b", WEB, ContainerPort.of("http", 9090));
        net.running("web-a", "10.244.0.5", true);
        net.running("web-b", "10.244.0.6", true);
        net.settle();

        assertThat(slices("web")).hasSize(2).allSatisfy(s -> assertThat(s.endpoints()).hasSize(1));
        assertThat(slices("web")).flatExtracting(EndpointSlice::ports).extracting(EndpointPort::port).containsExactlyInAnyOrder(8080, 9090);
    }

    @Test
    void aHundredEndpointsFillASliceAndTheNextGoesToAnother() {
        net.service("web", WEB, Net.port("http", 80, IntOrString.of(8080)));
        for (int i = 0; i < 101; i++) {
            net.pod("web-" + i, WEB);
            net.running("web-" + i, "10.244." + (i / 200) + "." + (i % 200 + 2), true);
        }
        net.settle();

        assertThat(slices("web")).extracting(s -> s.endpoints().size()).containsExactlyInAnyOrder(100, 1);
        assertThat(endpoints("web")).extracting(e -> e.targetRef().name()).doesNotHaveDuplicates().hasSize(101);
    }

    @Test
    void headlessServicesGetTheHeadlessLabelAndHostnames() {
        net.headless("nginx", WEB);
        net.pod("web-0", WEB, "web-0", "nginx");
        net.running("web-0", "10.244.0.5", true);
        net.settle();

        EndpointSlice slice = slices("nginx").get(0);
        assertThat(slice.metadata().labels()).containsEntry("service.kubernetes.io/headless", "");
        assertThat(endpointOf("nginx", "web-0").hostname()).isEqualTo("web-0");
    }

    @Test
    void aPodGoneFromTheSelectorLeavesItsSlice() {
        net.service("web", WEB, Net.port("http", 80, IntOrString.of(8080)));
        net.pod("web-a", WEB);
        net.running("web-a", "10.244.0.5", true);
        net.settle();
        assertThat(endpoints("web")).hasSize(1);

        net.client().delete(io.steersman.api.model.core.Pod.class, Net.NS, "web-a",
                new io.steersman.api.client.DeleteOptions(null, 0L, null, null));
        net.settle();

        assertThat(endpoints("web")).isEmpty();
        assertThat(slices("web")).hasSize(1);
    }

    @Test
    void servicesWithoutSelectorGetNoSlices() {
        net.cp.apply(Service.of(ObjectMeta.named(Net.NS, "manual"), ServiceSpec.of(Map.of(), List.of(Net.port("http", 80, IntOrString.of(80))))));
        net.settle();

        assertThat(slices("manual")).isEmpty();
    }
}
