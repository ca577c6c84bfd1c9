package io.steersman.networking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.steersman.api.model.IntOrString;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.core.Service;
import io.steersman.api.model.core.ServicePort;
import io.steersman.api.model.core.ServiceSpec;
import io.steersman.testing.ControlPlane;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The control plane's settings choose the ranges the store allocates Service cluster IPs and node ports from. */
class ServiceRangeSettingsTest {

    @Test
    void clusterIpsAndNodePortsComeFromTheConfiguredRanges() {
        try (Net net = new Net(Map.of("steersman.service.cluster-ip-range", "172.20.0.0/24",
                "steersman.service.node-port-range", "31000-31009"))) {
            Service service = net.cp.apply(Service.of(ObjectMeta.named(Net.NS, "np"),
                    ServiceSpec.of(Map.of("app", "web"), List.of(Net.port("http", 80, IntOrString.of(80)))).withType("NodePort")));

            assertThat(service.spec().clusterIP()).startsWith("172.20.0.");
            assertThat(service.spec().ports()).extracting(ServicePort::nodePort).allMatch(p -> p >= 31000 && p <= 31009);
        }
    }

    @Test
    void aBadRangeStopsTheStartWithTheSettingsName() {
        assertThatThrownBy(() -> ControlPlane.builder().plugins(new NetworkingPlugin())
                .setting("steersman.service.cluster-ip-range", "10.96.0.0/40").manualClock().start())
                .hasMessageContaining("steersman.service.cluster-ip-range: the prefix length of \"10.96.0.0/40\" must be between 8 and 30");
    }
}
