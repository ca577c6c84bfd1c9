package io.steersman.api.validation;

import static io.steersman.api.validation.Fixtures.printed;
import static org.assertj.core.api.Assertions.assertThat;

import io.steersman.api.defaults.Defaults;
import io.steersman.api.model.IntOrString;
import io.steersman.api.model.core.Service;
import io.steersman.api.model.core.ServicePort;
import io.steersman.api.model.core.ServiceSpec;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ServiceValidationTest {

    record Case(String name, UnaryOperator<ServiceSpec> change, List<String> errors) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static ServiceSpec typed(ServiceSpec s, String type) {
        return new ServiceSpec(type, s.selector(), s.ports(), s.clusterIP(), s.clusterIPs(), s.ipFamilies(), s.ipFamilyPolicy(),
                s.sessionAffinity(), s.publishNotReadyAddresses(), s.externalName(), s.unknownFields());
    }

    private static ServiceSpec ports(ServiceSpec s, ServicePort... ports) {
        return new ServiceSpec(s.type(), s.selector(), List.of(ports), s.clusterIP(), s.clusterIPs(), s.ipFamilies(), s.ipFamilyPolicy(),
                s.sessionAffinity(), s.publishNotReadyAddresses(), s.externalName(), s.unknownFields());
    }

    private static ServicePort port(String name, int port) {
        return new ServicePort(name, "TCP", null, port, IntOrString.of(port), null, null);
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("the headless nginx service", s -> s, List.of()),
                new Case("port out of range", s -> ports(s, port("web", 0)),
                        List.of("spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive",
                                "spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive")),
                new Case("several ports need names", s -> ports(s, port("web", 80), port(null, 443)),
                        List.of("spec.ports[1].name: Required value")),
                new Case("duplicate port names", s -> ports(s, port("web", 80), port("web", 443)),
                        List.of("spec.ports[1].name: Duplicate value: \"web\"")),
                new Case("duplicate port numbers", s -> ports(s, port("a", 80), port("b", 80)),
                        List.of("spec.ports[1]: Duplicate value: core.ServicePort{Name:\"\", Protocol:\"TCP\", AppProtocol:(*string)(nil), "
                                + "Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}, NodePort:0}")),
                new Case("unknown protocol", s -> ports(s, new ServicePort("web", "HTTP", null, 80, IntOrString.of(80), null, null)),
                        List.of("spec.ports[0].protocol: Unsupported value: \"HTTP\": supported values: \"SCTP\", \"TCP\", \"UDP\"")),
                new Case("named target port", s -> ports(s, new ServicePort("web", "TCP", null, 80, IntOrString.of("http"), null, null)),
                        List.of()),
                new Case("unknown type", s -> typed(s, "Internal"),
                        List.of("spec.type: Unsupported value: \"Internal\": supported values: \"ClusterIP\", \"ExternalName\", "
                                + "\"LoadBalancer\", \"NodePort\"")),
                new Case("headless NodePort", s -> typed(s, "NodePort"),
                        List.of("spec.clusterIPs[0]: Invalid value: \"None\": may not be set to 'None' for NodePort services")),
                new Case("no ports on a ClusterIP service", s -> ports(s.withClusterIP(null)), List.of("spec.ports: Required value")),
                new Case("no ports on a headless service", s -> ports(s), List.of()),
                new Case("node port on a ClusterIP service",
                        s -> ports(s.withClusterIP(null), new ServicePort("web", "TCP", null, 80, IntOrString.of(80), 30080, null)),
                        List.of("spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'")),
                new Case("cluster IP not an address", s -> s.withClusterIP("10.0.0.300"),
                        List.of("spec.clusterIPs[0]: Invalid value: \"10.0.0.300\": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void serviceRules(Case row) {
        Service svc = Fixtures.nginxService();
        assertThat(printed(ServiceValidation.service(svc.withSpec(row.change().apply(svc.spec())), null)))
                .containsExactlyElementsOf(row.errors());
    }

    @Test
    void externalNameNeedsAName() {
        Service svc = Defaults.service(new Service(Service.API_VERSION, Service.KIND, io.steersman.api.model.ObjectMeta.named("default", "db"),
                new ServiceSpec("ExternalName", null, null, null, null, null, null, null, null, null, null), null, null));
        assertThat(printed(ServiceValidation.service(svc, null))).containsExactly("spec.externalName: Required value");
    }

    @Test
    void serviceNamesAreDns1035Labels() {
        Service svc = Fixtures.nginxService();
        Service renamed = svc.withMetadata(svc.metadata().withName("1nginx"));
        assertThat(printed(ServiceValidation.service(renamed, null))).singleElement().asString()
                .startsWith("metadata.name: Invalid value: \"1nginx\": a DNS-1035 label must consist of");
    }

    @Test
    void anAllocatedClusterIpIsImmutable() {
        Service svc = Fixtures.nginxService();
        Service allocated = svc.withSpec(svc.spec().withClusterIP("10.96.0.10"));
        Service pending = svc.withSpec(svc.spec().withClusterIP(null));
        assertThat(ServiceValidation.service(allocated, pending)).isEmpty();
        assertThat(printed(ServiceValidation.service(allocated.withSpec(allocated.spec().withClusterIP("10.96.0.11")), allocated)))
                .containsExactly("spec.clusterIPs[0]: Invalid value: \"10.96.0.11\": field is immutable");
    }
}
