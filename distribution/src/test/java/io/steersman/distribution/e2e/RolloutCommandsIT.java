package io.steersman.distribution.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kubectl commands the walkthrough does not type, against the launcher's API server with the
 * real Deployment controller: {@code wait --for=condition=Available}, {@code rollout restart}, and
 * {@code delete} waiting until the garbage collector has removed the ReplicaSets and pods.
 */
class RolloutCommandsIT {
    private static final String DEPLOY = "deployment/nginx-deployment";
    private static final String WAIT = "--timeout=60s";

    @TempDir
    static Path home;

    private static Launcher server;
    private static Kubectl kubectl;

    @BeforeAll
    static void startServer() throws Exception {
        server = Launcher.start(home, "server", "--port", "0");
        server.awaitReady();
        kubectl = new Kubectl(home.resolve(".steersman/kubeconfig"), home.resolve("kube-cache"), home);
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.stop(Duration.ofSeconds(30));
        }
    }

    @Test
    void waitAvailableRestartAndDeleteWithTheGarbageCollector() throws Exception {
        kubectl.run("apply", "-f", Launcher.examples().resolve("nginx-deployment.yaml").toString()).expectSuccess();
        assertThat(kubectl.run("wait", DEPLOY, "--for=condition=Available", WAIT).expectSuccess().out())
                .isEqualToIgnoringNewLines("deployment.apps/nginx-deployment condition met");

        assertThat(kubectl.run("rollout", "restart", DEPLOY).expectSuccess().out())
                .isEqualToIgnoringNewLines("deployment.apps/nginx-deployment restarted");
        assertThat(kubectl.run("rollout", "status", DEPLOY, WAIT).expectSuccess().out())
                .contains("deployment \"nginx-deployment\" successfully rolled out");
        assertThat(kubectl.run("get", DEPLOY, "-o", "jsonpath={.spec.template.metadata.annotations}").expectSuccess().out())
                .contains("kubectl.kubernetes.io/restartedAt");
        assertThat(kubectl.run("rollout", "history", DEPLOY).expectSuccess().out()).contains("1 ", "2 ");

        assertThat(kubectl.run("delete", DEPLOY, WAIT).expectSuccess().out())
                .isEqualToIgnoringNewLines("deployment.apps \"nginx-deployment\" deleted");
        kubectl.run("wait", "pods", "-l", "app=nginx", "--for=delete", WAIT).expectSuccess();
        assertThat(kubectl.run("get", "replicasets,pods", "-l", "app=nginx", "-o", "name").expectSuccess().out()).isEmpty();
    }
}
