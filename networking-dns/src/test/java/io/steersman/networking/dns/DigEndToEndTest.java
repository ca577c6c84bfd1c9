package io.steersman.networking.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.steersman.api.model.IntOrString;
import io.steersman.api.model.core.ContainerPort;
import io.steersman.networking.Net;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real {@code dig} (Debian's bind9-dnsutils) against the DNS server that the control plane
 * starts from the plugin: a StatefulSet-like headless Service with pods named by hostname and
 * subdomain, and a normal Service with a cluster IP.
 */
class DigEndToEndTest {
    private static final Path DIG = Path.of("/usr/bin/dig");
    private Net net;
    private int port;

    @BeforeEach
    void start() throws IOException {
        assumeTrue(Files.isExecutable(DIG), "dig is not installed (apt-get install bind9-dnsutils)");
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        net = new Net(Map.of("steersman.dns.port", String.valueOf(port)));
    }

    @AfterEach
    void stop() {
        if (net != null) {
            net.close();
        }
    }

    private List<String> dig(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(DIG.toString(), "@127.0.0.1", "-p", String.valueOf(port), "+time=5", "+tries=1"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("dig did not answer within 30 s: " + command);
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(out).isZero();
        return out.lines().map(String::trim).filter(line -> !line.isEmpty()).toList();
    }

    @Test
    void digResolvesServicesAndStatefulPodNames() throws Exception {
        String clusterIp = net.service("web", Map.of("app", "web"), Net.port("http", 80, IntOrString.of("http")))
                .spec().clusterIP();
        net.pod("web-a", Map.of("app", "web"), ContainerPort.of("http", 8080));
        net.running("web-a", "10.244.0.5", true);
        net.headless("nginx", Map.of("app", "nginx"), Net.port("web", 80, IntOrString.of(80)));
        net.pod("web-0", Map.of("app", "nginx"), "web-0", "nginx");
        net.pod("web-1", Map.of("app", "nginx"), "web-1", "nginx");
        net.running("web-0", "10.244.1.2", true);
        net.running("web-1", "10.244.1.3", true);
        net.settle();

        assertThat(dig("+short", "web.default.svc.cluster.local")).containsExactly(clusterIp);
        assertThat(dig("+short", "nginx.default.svc.cluster.local")).containsExactlyInAnyOrder("10.244.1.2", "10.244.1.3");
        assertThat(dig("+short", "web-0.nginx.default.svc.cluster.local")).containsExactly("10.244.1.2");
        assertThat(dig("+short", "+tcp", "web-1.nginx.default.svc.cluster.local")).containsExactly("10.244.1.3");
        assertThat(dig("+short", "SRV", "_web._tcp.nginx.default.svc.cluster.local"))
                .containsExactlyInAnyOrder("0 50 80 web-0.nginx.default.svc.cluster.local.", "0 50 80 web-1.nginx.default.svc.cluster.local.");
        assertThat(dig("+short", "-x", "10.244.1.3")).containsExactly("web-1.nginx.default.svc.cluster.local.");
        assertThat(String.join("\n", dig("nothing.default.svc.cluster.local"))).contains("status: NXDOMAIN", "AUTHORITY: 1");
        assertThat(String.join("\n", dig("example.com"))).contains("status: REFUSED");
    }
}
