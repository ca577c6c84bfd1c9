package io.steersman.core.store;

import static io.steersman.api.resource.BuiltinResources.SERVICES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.steersman.api.client.DeleteOptions;
import io.steersman.api.client.InvalidException;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.core.Service;
import io.steersman.api.model.core.ServicePort;
import io.steersman.api.model.core.ServiceSpec;
import io.steersman.api.resource.BuiltinResources;
import io.steersman.core.backend.MemoryBackend;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Cluster IPs and node ports as upstream's service registry hands them out, keeps and frees them. */
class ServiceAllocationTest {
    private final ManualClock clock = new ManualClock();
    private final MemoryBackend backend = new MemoryBackend();
    private BackendStore store = new BackendStore(BuiltinResources.registry(), clock, backend);

    @AfterEach
    void close() {
        store.close();
        backend.close();
    }

    private static Service service(String name, ServiceSpec spec) {
        return Service.of(ObjectMeta.named("default", name), spec);
    }

    private static ServiceSpec clusterIp(String ip) {
        return ServiceSpec.of(Map.of("app", "web"), List.of(ServicePort.of("http", 80))).withClusterIP(ip);
    }

    private static ServiceSpec typed(String type, ServicePort... ports) {
        return ServiceSpec.of(Map.of("app", "web"), List.of(ports)).withType(type);
    }

    private Service create(String name, ServiceSpec spec) {
        return store.create(SERVICES, service(name, spec), WriteOptions.DEFAULT);
    }

    private void delete(String name) {
        store.delete(SERVICES, "default", name, DeleteOptions.defaults(), WriteOptions.DEFAULT);
    }

    private static boolean inDefaultRange(String ip) {
        long address = ServiceCidr.parseIpv4(ip);
        return address > ServiceCidr.parseIpv4("10.96.0.0") && address < ServiceCidr.parseIpv4("10.111.255.255");
    }

    @Test
    void aNewServiceGetsAClusterIpFromTheUpperBandInTheCreateAnswer() {
        Service created = create("web", clusterIp(null));

        String ip = created.spec().clusterIP();
        assertThat(inDefaultRange(ip)).as(ip).isTrue();
        // KEP-3070: a /12 keeps its first 256 addresses (10.96.0.1 .. 10.96.1.0) for static requests
        assertThat(ServiceCidr.parseIpv4(ip)).isGreaterThan(ServiceCidr.parseIpv4("10.96.1.0"));
        assertThat(created.spec().clusterIPs()).containsExactly(ip);
        assertThat(created.spec().ipFamilies()).containsExactly("IPv4");
        assertThat(created.spec().ipFamilyPolicy()).isEqualTo("SingleStack");
        assertThat(store.get(SERVICES, "default", "web").orElseThrow().spec().clusterIP()).isEqualTo(ip);
    }

    @Test
    void aRequestedFreeIpIsHonouredAndASecondRequestForItRefusedWithUpstreamsText() {
        assertThat(create("first", clusterIp("10.96.0.10")).spec().clusterIPs()).containsExactly("10.96.0.10");

        assertThatThrownBy(() -> create("second", clusterIp("10.96.0.10")))
                .isInstanceOf(InvalidException.class)
                .hasMessageContaining("Service \"second\" is invalid: spec.clusterIPs: Invalid value: []string{\"10.96.0.10\"}: "
                        + "failed to allocate IP 10.96.0.10: provided IP is already allocated");
        assertThat(store.get(SERVICES, "default", "second")).isEmpty();
    }

    @Test
    void anIpOutsideTheRangeIsRefused() {
        assertThatThrownBy(() -> create("far", clusterIp("192.168.0.1")))
                .isInstanceOf(InvalidException.class)
                .hasMessageContaining("spec.clusterIPs: Invalid value: []string{\"192.168.0.1\"}: failed to allocate IP 192.168.0.1: "
                        + "the provided IP (192.168.0.1) is not in the valid range. The range of valid IPs is 10.96.0.0/12");
    }

    @Test
    void theNetworkAndBroadcastAddressesAreNeverGiven() {
        assertThatThrownBy(() -> create("network", clusterIp("10.96.0.0"))).hasMessageContaining("not in the valid range");
        assertThatThrownBy(() -> create("broadcast", clusterIp("10.111.255.255"))).hasMessageContaining("not in the valid range");
        assertThat(create("last", clusterIp("10.111.255.254")).spec().clusterIP()).isEqualTo("10.111.255.254");
    }

    @Test
    void headlessAndExternalNameServicesGetNoIp() {
        Service headless = create("headless", clusterIp("None"));
        Service external = create("external", new ServiceSpec("ExternalName", null, null, null, null, null, null, null, null,
                "example.com", null));

        assertThat(headless.spec().clusterIP()).isEqualTo("None");
        assertThat(headless.spec().clusterIPs()).containsExactly("None");
        assertThat(external.spec().clusterIP()).isNull();
        assertThat(external.spec().clusterIPs()).isEmpty();
        assertThat(serviceRules().allocatedIps()).isZero();
    }

    @Test
    void aHeadlessServiceWithoutSelectorRequiresDualStackAsUpstreamsAllocatorSays() {
        ServiceSpec spec = new ServiceSpec(null, null, List.of(ServicePort.of("http", 80)), "None", null, null, null, null, null, null, null);
        Service created = create("manual", spec);

        assertThat(created.spec().ipFamilyPolicy()).isEqualTo("RequireDualStack");
        assertThat(created.spec().ipFamilies()).containsExactly("IPv4", "IPv6");
        Service updated = store.update(SERVICES, created.withSpec(spec.withPorts(List.of(ServicePort.of("http", 8080)))), WriteOptions.DEFAULT);
        assertThat(updated.spec().ipFamilyPolicy()).isEqualTo("RequireDualStack");
        assertThat(updated.spec().ipFamilies()).containsExactly("IPv4", "IPv6");
        ServiceSpec single = new ServiceSpec(null, null, List.of(ServicePort.of("http", 80)), "None", null, null, "SingleStack", null, null,
                null, null);
        assertThat(create("single", single).spec().ipFamilies()).containsExactly("IPv4");
    }

    @Test
    void anInvalidServiceKeepsNoIp() {
        ServiceSpec noPorts = ServiceSpec.of(Map.of("app", "web"), List.of()).withClusterIP("10.96.0.20");

        assertThatThrownBy(() -> create("bad", noPorts)).isInstanceOf(InvalidException.class).hasMessageContaining("spec.ports");
        assertThat(create("good", clusterIp("10.96.0.20")).spec().clusterIP()).isEqualTo("10.96.0.20");
    }

    @Test
    void aServiceThatAlreadyExistsKeepsItsIpAndTheLoserFreesItsOwn() {
        create("web", clusterIp("10.96.0.30"));

        assertThatThrownBy(() -> create("web", clusterIp("10.96.0.31"))).hasMessageContaining("already exists");
        assertThat(create("other", clusterIp("10.96.0.31")).spec().clusterIP()).isEqualTo("10.96.0.31");
        assertThat(serviceRules().allocatedIps()).isEqualTo(2);
    }

    @Test
    void aDryRunReservesNothing() {
        Service dry = store.create(SERVICES, service("web", clusterIp("10.96.0.40")), new WriteOptions(true, null));

        assertThat(dry.spec().clusterIP()).isEqualTo("10.96.0.40");
        assertThat(create("web", clusterIp("10.96.0.40")).spec().clusterIP()).isEqualTo("10.96.0.40");
    }

    @Test
    void theIpIsFreedOnDeleteAndCanBeAskedForAgain() {
        create("web", clusterIp("10.96.0.50"));
        delete("web");

        assertThat(serviceRules().allocatedIps()).isZero();
        assertThat(create("again", clusterIp("10.96.0.50")).spec().clusterIP()).isEqualTo("10.96.0.50");
    }

    @Test
    void aServiceWithAFinalizerKeepsItsIpUntilItIsGone() {
        Service created = store.create(SERVICES, service("web", clusterIp("10.96.0.60"))
                .withMetadata(ObjectMeta.named("default", "web").toBuilder().finalizers(List.of("example.com/hold")).build()),
                WriteOptions.DEFAULT);
        delete("web");
        assertThatThrownBy(() -> create("other", clusterIp("10.96.0.60"))).hasMessageContaining("already allocated");

        Service lingering = store.get(SERVICES, "default", "web").orElseThrow();
        store.update(SERVICES, lingering.withMetadata(lingering.metadata().toBuilder().finalizers(List.of()).build()), WriteOptions.DEFAULT);

        assertThat(store.get(SERVICES, "default", "web")).isEmpty();
        assertThat(created.spec().clusterIP()).isEqualTo("10.96.0.60");
        assertThat(create("other", clusterIp("10.96.0.60")).spec().clusterIP()).isEqualTo("10.96.0.60");
    }

    @Test
    void theClusterIpIsImmutableAndAnUpdateWithoutItKeepsIt() {
        Service created = create("web", clusterIp(null));
        String ip = created.spec().clusterIP();

        Service withoutIp = created.withSpec(clusterIp(null).withPorts(List.of(ServicePort.of("http", 8080))));
        Service updated = store.update(SERVICES, withoutIp, WriteOptions.DEFAULT);
        assertThat(updated.spec().clusterIP()).isEqualTo(ip);
        assertThat(updated.spec().clusterIPs()).containsExactly(ip);

        Service moved = updated.withSpec(updated.spec().withClusterIP("10.96.0.70"));
        assertThatThrownBy(() -> store.update(SERVICES, moved, WriteOptions.DEFAULT))
                .isInstanceOf(InvalidException.class)
                .hasMessageContaining("spec.clusterIPs[0]: Invalid value: \"10.96.0.70\": field is immutable");
    }

    @Test
    void changingToExternalNameFreesTheIpAndBackAllocatesANewOne() {
        Service created = create("web", clusterIp("10.96.0.80"));
        ServiceSpec external = new ServiceSpec("ExternalName", null, null, null, null, null, null, null, null, "example.com", null);
        Service renamed = store.update(SERVICES, created.withSpec(external), WriteOptions.DEFAULT);
        assertThat(renamed.spec().clusterIP()).isNull();
        assertThat(serviceRules().allocatedIps()).isZero();

        Service back = store.update(SERVICES, renamed.withSpec(clusterIp(null)), WriteOptions.DEFAULT);
        assertThat(inDefaultRange(back.spec().clusterIP())).isTrue();
        assertThat(serviceRules().allocatedIps()).isEqualTo(1);
    }

    @Test
    void allocationsAreRebuiltFromTheStoredServicesOnStart() {
        Service created = create("web", clusterIp(null));
        Service nodePort = create("np", typed("NodePort", ServicePort.of("http", 80)));
        store.close();

        store = new BackendStore(BuiltinResources.registry(), clock, backend);

        assertThat(serviceRules().allocatedIps()).isEqualTo(2);
        assertThat(serviceRules().allocatedNodePorts()).isEqualTo(1);
        assertThatThrownBy(() -> create("copy", clusterIp(created.spec().clusterIP()))).hasMessageContaining("already allocated");
        int port = nodePort.spec().ports().get(0).nodePort();
        assertThatThrownBy(() -> create("copy", typed("NodePort", withNodePort(ServicePort.of("http", 80), port))))
                .hasMessageContaining("spec.ports[0].nodePort: Invalid value: " + port + ": provided port is already allocated");
    }

    @Test
    void concurrentCreatesNeverShareAnIp() throws Exception {
        store.close();
        // a /28 has 14 addresses: 20 creates on 4 threads fill it and the rest are refused
        store = new BackendStore(BuiltinResources.registry(), clock, backend,
                BackendStore.Options.defaults().withServiceRanges("10.0.0.0/28", null), NameGenerator::generate, false);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String name = "svc-" + i;
                Callable<String> task = () -> {
                    try {
                        return create(name, clusterIp(null)).spec().clusterIP();
                    } catch (io.steersman.api.client.ApiException full) {
                        return full.getMessage();
                    }
                };
                results.add(pool.submit(task));
            }
            Set<String> ips = new HashSet<>();
            int refused = 0;
            for (Future<String> result : results) {
                String answer = result.get(30, TimeUnit.SECONDS);
                if (answer.contains("range is full")) {
                    refused++;
                } else {
                    assertThat(ips.add(answer)).as("handed out twice: " + answer).isTrue();
                }
            }
            assertThat(ips).hasSize(14).allMatch(ip -> ip.startsWith("10.0.0.") && !ip.equals("10.0.0.0") && !ip.equals("10.0.0.15"));
            assertThat(refused).isEqualTo(6);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aBadRangeIsReportedWithTheSettingsName() {
        assertThatThrownBy(() -> new BackendStore(BuiltinResources.registry(), clock, backend,
                new BackendStore.Options(Duration.ofMinutes(1), "10.96.0.0", null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("steersman.service.cluster-ip-range: \"10.96.0.0\" is not an IPv4 CIDR such as 10.96.0.0/12");
    }

    // ---------------------------------------------------------------------------------- node ports

    private static ServicePort withNodePort(ServicePort port, int nodePort) {
        return new ServicePort(port.name(), port.protocol(), port.appProtocol(), port.port(), port.targetPort(), nodePort, null);
    }

    @Test
    void nodePortServicesGetAPortPerServicePortFromTheRange() {
        Service created = create("np", typed("NodePort", ServicePort.of("http", 80), ServicePort.of("https", 443)));

        List<Integer> ports = created.spec().ports().stream().map(ServicePort::nodePort).toList();
        assertThat(ports).allMatch(p -> p >= 30000 && p <= 32767).doesNotHaveDuplicates();
        assertThat(inDefaultRange(created.spec().clusterIP())).isTrue();
        assertThat(create("plain", clusterIp(null)).spec().ports().get(0).nodePort()).isNull();
    }

    @Test
    void aRequestedNodePortIsHonouredOnceAndOutOfRangeRefused() {
        assertThat(create("a", typed("NodePort", withNodePort(ServicePort.of("http", 80), 30080))).spec().ports().get(0).nodePort())
                .isEqualTo(30080);
        assertThatThrownBy(() -> create("b", typed("NodePort", withNodePort(ServicePort.of("http", 80), 30080))))
                .hasMessageContaining("spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated");
        assertThatThrownBy(() -> create("c", typed("NodePort", withNodePort(ServicePort.of("http", 80), 8080))))
                .hasMessageContaining("spec.ports[0].nodePort: Invalid value: 8080: provided port is not in the valid range. "
                        + "The range of valid ports is 30000-32767");
        assertThat(serviceRules().allocatedIps()).isEqualTo(1);
    }

    @Test
    void nodePortsAreKeptOnUpdateAndFreedWhenTheTypeDropsThem() {
        Service created = create("np", typed("NodePort", ServicePort.of("http", 80)));
        int port = created.spec().ports().get(0).nodePort();

        Service updated = store.update(SERVICES, created.withSpec(typed("NodePort", ServicePort.of("http", 80))
                .withClusterIP(created.spec().clusterIP())), WriteOptions.DEFAULT);
        assertThat(updated.spec().ports().get(0).nodePort()).isEqualTo(port);
        assertThat(serviceRules().allocatedNodePorts()).isEqualTo(1);

        store.update(SERVICES, updated.withSpec(typed("ClusterIP", ServicePort.of("http", 80)).withClusterIP(created.spec().clusterIP())),
                WriteOptions.DEFAULT);
        assertThat(serviceRules().allocatedNodePorts()).isZero();
    }

    record Band(String cidr, long size, int staticBand) {}

    static List<Band> bands() {
        return List.of(new Band("10.96.0.0/12", 1 << 20, 256), new Band("10.0.0.0/24", 256, 16), new Band("10.0.0.0/28", 16, 0),
                new Band("10.0.0.0/20", 4096, 256), new Band("10.0.0.0/22", 1024, 64));
    }

    @ParameterizedTest
    @MethodSource("bands")
    void theStaticBandFollowsUpstreamsFormula(Band row) {
        ServiceCidr cidr = ServiceCidr.parse(row.cidr());
        assertThat(cidr.rangeSize()).isEqualTo(row.size());
        assertThat(AllocationBitmap.staticBand(cidr.rangeSize(), 16, 16, 256)).isEqualTo(row.staticBand());
    }

    @Test
    void theNodePortStaticBandIs86PortsOfTheDefaultRange() {
        assertThat(AllocationBitmap.staticBand(NodePortRange.parse("30000-32767").size(), 16, 32, 128)).isEqualTo(86);
    }

    private ServiceRules serviceRules() {
        return store.serviceRules();
    }
}
