package io.steersman.api.validation;

import static io.steersman.api.validation.Fixtures.printed;
import static org.assertj.core.api.Assertions.assertThat;

import io.steersman.api.defaults.Defaults;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.core.EndpointAddress;
import io.steersman.api.model.core.EndpointPort;
import io.steersman.api.model.core.EndpointSubset;
import io.steersman.api.model.core.Endpoints;
import io.steersman.api.model.discovery.Endpoint;
import io.steersman.api.model.discovery.EndpointConditions;
import io.steersman.api.model.discovery.EndpointSlice;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkValidationTest {

    private static EndpointAddress address(String ip) {
        return new EndpointAddress(ip, null, null, null, null);
    }

    @Test
    void endpointsNeedAddressesThatAreRealIps() {
        Endpoints ok = Defaults.endpoints(Endpoints.of(ObjectMeta.named("default", "nginx"), List.of(new EndpointSubset(
                List.of(address("10.244.0.5")), null, List.of(new EndpointPort("web", 80, null, null, null)), null))));
        assertThat(ok.subsets().get(0).ports().get(0).protocol()).isEqualTo("TCP");
        assertThat(NetworkValidation.endpoints(ok, null)).isEmpty();
        Endpoints bad = Defaults.endpoints(Endpoints.of(ok.metadata(), List.of(
                new EndpointSubset(null, null, null, null),
                new EndpointSubset(List.of(address("127.0.0.1"), address("nope")), null,
                        List.of(new EndpointPort(null, 80, null, null, null), new EndpointPort("b", 0, null, null, null)), null))));
        assertThat(printed(NetworkValidation.endpoints(bad, null))).containsExactly(
                "subsets[0]: Required value: must specify `addresses` or `notReadyAddresses`",
                "subsets[1].addresses[0].ip: Invalid value: \"127.0.0.1\": may not be in the loopback range (127.0.0.0/8, ::1/128)",
                "subsets[1].addresses[1].ip: Invalid value: \"nope\": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)",
                "subsets[1].ports[0].name: Required value",
                "subsets[1].ports[1].port: Invalid value: 0: must be between 1 and 65535, inclusive");
    }

    @Test
    void endpointSlicesCheckAddressesByType() {
        Endpoint endpoint = new Endpoint(List.of("10.244.0.5"), EndpointConditions.of(true, true, false), "web-0", null, "node-1", null, null);
        EndpointSlice ok = Defaults.endpointSlice(EndpointSlice.of(ObjectMeta.named("default", "nginx-abc"), "IPv4", List.of(endpoint),
                List.of(new EndpointPort(null, 80, null, null, null))));
        assertThat(ok.ports().get(0).name()).isEmpty();
        assertThat(ok.ports().get(0).protocol()).isEqualTo("TCP");
        assertThat(NetworkValidation.endpointSlice(ok, null)).isEmpty();
        Endpoint empty = new Endpoint(List.of(), null, "Web_0", null, null, null, null);
        EndpointSlice bad = Defaults.endpointSlice(EndpointSlice.of(ok.metadata(), "IPv5", List.of(empty), ok.ports()));
        assertThat(printed(NetworkValidation.endpointSlice(bad, null))).containsExactly(
                "endpoints[0].addresses: Required value: must contain at least 1 address",
                "endpoints[0].hostname: Invalid value: \"Web_0\": a lowercase RFC 1123 label must consist of lower case alphanumeric "
                        + "characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', "
                        + "regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
                "addressType: Unsupported value: \"IPv5\": supported values: \"FQDN\", \"IPv4\", \"IPv6\"");
        EndpointSlice v6 = EndpointSlice.of(ok.metadata(), "IPv6", ok.endpoints(), ok.ports());
        assertThat(printed(NetworkValidation.endpointSlice(v6, ok))).containsExactly(
                "endpoints[0].addresses[0]: Invalid value: \"10.244.0.5\": must be a valid IPv6 address",
                "addressType: Invalid value: \"IPv6\": field is immutable");
    }
}
