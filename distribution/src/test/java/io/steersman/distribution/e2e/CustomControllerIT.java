package io.steersman.distribution.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** examples/custom-controller, built and dropped into the launcher's plugin path, driven with kubectl. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomControllerIT {
    @TempDir
    static Path home;

    private Launcher server;
    private Kubectl kubectl;

    @BeforeAll
    void startServerWithThePlugin() throws Exception {
        Path jar = websiteJar();
        assertThat(jar).as("the custom-controller example's jar (built before this module)").isRegularFile();
        Path plugins = Files.createDirectories(home.resolve("plugins"));
        Files.copy(jar, plugins.resolve(jar.getFileName()));
        server = Launcher.start(home, "server", "--port", "0", "--plugin-path", plugins.toString());
        server.awaitReady();
        kubectl = new Kubectl(home.resolve(".steersman/kubeconfig"), home.resolve("kube-cache"), home);
    }

    /** From the failsafe configuration; run from an IDE, the example module's build output. */
    private static Path websiteJar() throws IOException {
        String configured = System.getProperty("steersman.website.jar");
        if (configured != null) {
            return Path.of(configured);
        }
        Path target = Launcher.examples().resolve("custom-controller/target");
        try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
            return files.filter(f -> f.getFileName().toString().matches("steersman-example-website-.*\\.jar"))
                    .findFirst().orElse(target.resolve("steersman-example-website.jar"));
        }
    }

    @AfterAll
    void stopServer() throws Exception {
        if (server != null) {
            assertThat(server.stop(Duration.ofSeconds(30))).isZero();
        }
    }

    @Test
    void aWebsiteGetsItsDeploymentAndServiceAndReportsAvailability() throws Exception {
        Path website = Launcher.examples().resolve("custom-controller/website.yaml");
        assertThat(kubectl.run("apply", "-f", website.toString()).expectSuccess().out())
                .isEqualToIgnoringNewLines("website.example.steersman.io/blog created");

        kubectl.run("wait", "website/blog", "--for=jsonpath={.status.availableReplicas}=2", "--timeout=60s").expectSuccess();
        assertThat(kubectl.run("get", "websites").expectSuccess().out()).containsPattern("blog\\s+2\\s+nginx:1\\.27\\s+2");
        assertThat(kubectl.run("get", "ws", "blog", "-o", "name").expectSuccess().out())
                .isEqualToIgnoringNewLines("website.example.steersman.io/blog");
        assertThat(kubectl.run("get", "deployment", "blog", "--no-headers").expectSuccess().out()).containsPattern("blog\\s+2/2\\s+2\\s+2");
        assertThat(kubectl.run("get", "service", "blog", "-o", "name").expectSuccess().out()).isEqualToIgnoringNewLines("service/blog");

        assertThat(kubectl.run("delete", "website", "blog").expectSuccess().out())
                .isEqualToIgnoringNewLines("website.example.steersman.io \"blog\" deleted");
        kubectl.run("wait", "--for=delete", "deployment/blog", "service/blog", "--timeout=60s").expectSuccess();
    }
}
