package io.steersman.distribution.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code examples/web-statefulset.yaml} through the launcher with the real kubectl: ordered pods
 * with claims bound by the storage plugin, a scale-down that keeps the claims, an image change
 * rolled pod by pod, and {@code rollout status}, {@code history}, {@code undo} and {@code restart};
 * with dig installed, each pod's name resolves through the headless Service.
 */
class StatefulSetIT {
    private static final String STS = "statefulset/web";
    private static final String WAIT = "--timeout=90s";
    private static final Path DIG = Path.of("/usr/bin/dig");

    @TempDir
    static Path home;

    private static Launcher server;
    private static Kubectl kubectl;
    private static int dnsPort;

    @BeforeAll
    static void startServer() throws Exception {
        try (ServerSocket probe = new ServerSocket(0)) {
            dnsPort = probe.getLocalPort();
        }
        server = Launcher.start(home, "server", "--port", "0", "--dns-port", Integer.toString(dnsPort));
        server.awaitReady();
        kubectl = new Kubectl(home.resolve(".steersman/kubeconfig"), home.resolve("kube-cache"), home);
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.stop(Duration.ofSeconds(30));
        }
    }

    private static String dig(String name) throws Exception {
        Process process = new ProcessBuilder(DIG.toString(), "@127.0.0.1", "-p", Integer.toString(dnsPort), "+short", "+tries=3", name)
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    private static String get(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = "get";
        System.arraycopy(args, 0, command, 1, args.length);
        return kubectl.run(command).expectSuccess().out();
    }

    @Test
    void orderedPodsWithClaimsScaleDownRollingUpdateAndUndo() throws Exception {
        assertThat(kubectl.run("apply", "-f", Launcher.examples().resolve("web-statefulset.yaml").toString()).expectSuccess().out())
                .contains("service/nginx created", "statefulset.apps/web created");
        assertThat(kubectl.run("rollout", "status", STS, WAIT).expectSuccess().out())
                .contains("partitioned roll out complete: 3 new pods have been updated...");
        assertThat(get("pods", "-l", "app=nginx", "-o", "jsonpath={range .items[*]}{.metadata.name} {.spec.hostname}"
                + " {.spec.subdomain} {.status.phase}{\"\\n\"}{end}"))
                .isEqualTo("web-0 web-0 nginx Running\nweb-1 web-1 nginx Running\nweb-2 web-2 nginx Running\n");
        assertThat(get("pvc", "-o", "jsonpath={range .items[*]}{.metadata.name} {.status.phase}{\"\\n\"}{end}"))
                .isEqualTo("www-web-0 Bound\nwww-web-1 Bound\nwww-web-2 Bound\n");
        if (Files.isExecutable(DIG)) {
            // The headless Service gives each pod a stable name: <pod>.<serviceName>.<namespace>.svc.cluster.local.
            String ips = get("pods", "-l", "app=nginx", "-o", "jsonpath={range .items[*]}{.status.podIP}{\"\\n\"}{end}");
            String resolved = dig("web-0.nginx.default.svc.cluster.local") + dig("web-1.nginx.default.svc.cluster.local")
                    + dig("web-2.nginx.default.svc.cluster.local");
            assertThat(ips.lines()).hasSize(3);
            assertThat(resolved).isEqualTo(ips);
        }
        // web-1 started only after web-0 was Ready, web-2 after web-1.
        String started = get("pods", "-l", "app=nginx", "--sort-by=.metadata.creationTimestamp", "-o", "name");
        assertThat(started).isEqualTo("pod/web-0\npod/web-1\npod/web-2\n");

        kubectl.run("scale", STS, "--replicas=1").expectSuccess();
        kubectl.run("wait", "pod/web-2", "pod/web-1", "--for=delete", WAIT).expectSuccess();
        assertThat(get("pods", "-l", "app=nginx", "-o", "name")).isEqualTo("pod/web-0\n");
        assertThat(get("pvc", "-o", "name")).as("claims outlive the scale-down")
                .isEqualTo("persistentvolumeclaim/www-web-0\npersistentvolumeclaim/www-web-1\npersistentvolumeclaim/www-web-2\n");
        kubectl.run("scale", STS, "--replicas=3").expectSuccess();
        kubectl.run("rollout", "status", STS, WAIT).expectSuccess();

        // As the StatefulSet tutorial: a deleted pod comes back under its name. kubectl waits for the
        // deleted pod's own DELETED event, so it must still be terminating when kubectl starts watching.
        for (int i = 0; i < 3; i++) {
            String uid = get("pod", "web-1", "-o", "jsonpath={.metadata.uid}");
            assertThat(kubectl.run("delete", "pod", "web-1", WAIT).expectSuccess().out()).contains("pod \"web-1\" deleted");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            String ready = "";
            while (System.nanoTime() < deadline) {
                ready = kubectl.run("get", "pod", "web-1", "--ignore-not-found", "-o",
                        "jsonpath={.metadata.uid} {.status.conditions[?(@.type==\"Ready\")].status}").out();
                if (!ready.isBlank() && !ready.startsWith(uid) && ready.endsWith("True")) {
                    break;
                }
                Thread.onSpinWait();
            }
            assertThat(ready).as("web-1 is back, a new pod, Ready").doesNotStartWith(uid).endsWith("True");
        }

        kubectl.run("set", "image", STS, "nginx=registry.k8s.io/nginx-slim:0.25").expectSuccess();
        assertThat(kubectl.run("rollout", "status", STS, WAIT).expectSuccess().out())
                .contains("partitioned roll out complete: 3 new pods have been updated...");
        assertThat(get("pods", "-l", "app=nginx", "-o", "jsonpath={.items[*].spec.containers[0].image}"))
                .isEqualTo("registry.k8s.io/nginx-slim:0.25 registry.k8s.io/nginx-slim:0.25 registry.k8s.io/nginx-slim:0.25");
        assertThat(kubectl.run("rollout", "history", STS).expectSuccess().out()).containsPattern("(?m)^1 ").containsPattern("(?m)^2 ");
        assertThat(kubectl.run("rollout", "history", STS, "--revision=1").expectSuccess().out()).contains("registry.k8s.io/nginx-slim:0.24");

        assertThat(kubectl.run("rollout", "undo", STS).expectSuccess().out()).contains("statefulset.apps/web rolled back");
        kubectl.run("rollout", "status", STS, WAIT).expectSuccess();
        assertThat(get("pods", "-l", "app=nginx", "-o", "jsonpath={.items[*].spec.containers[0].image}"))
                .isEqualTo("registry.k8s.io/nginx-slim:0.24 registry.k8s.io/nginx-slim:0.24 registry.k8s.io/nginx-slim:0.24");
        assertThat(kubectl.run("rollout", "history", STS).expectSuccess().out())
                .as("undo renumbers revision 1 as 3").containsPattern("(?m)^2 ").containsPattern("(?m)^3 ").doesNotContainPattern("(?m)^1 ");

        assertThat(kubectl.run("rollout", "restart", STS).expectSuccess().out()).contains("statefulset.apps/web restarted");
        kubectl.run("rollout", "status", STS, WAIT).expectSuccess();
        assertThat(get("sts", "web", "-o", "jsonpath={.status.currentRevision}={.status.updateRevision} {.status.readyReplicas}"))
                .matches("(web-[a-z0-9]+)=\\1 3");
    }
}
