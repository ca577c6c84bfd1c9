package io.steersman.distribution.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durable storage end to end: a server killed with SIGKILL and started again on the same data dir
 * still has the Deployment, its ReplicaSet and its pods with the same uids, its controllers carry on
 * from there (no pod is recreated), resourceVersions keep growing, and a rollout still works; a second server on a data dir in use
 * is refused with one clear line.
 */
class RestartIT {
    private static final String DEPLOY = "deployment/nginx-deployment";
    private static final String WAIT = "--timeout=60s";
    private static final String UIDS = "jsonpath={range .items[*]}{.kind}/{.metadata.name}={.metadata.uid}{\"\\n\"}{end}";

    @TempDir
    Path home;

    @Test
    void aKilledServerRestartsWithEveryObjectAndItsControllersCarryOn() throws Exception {
        Path dataDir = home.resolve("data");
        Kubectl kubectl = new Kubectl(home.resolve(".steersman/kubeconfig"), home.resolve("kube-cache"), home);
        List<String> before;
        long lastRevision;
        try (Launcher first = Launcher.start(home, "server", "--port", "0", "--data-dir", dataDir.toString())) {
            first.awaitReady();
            kubectl.run("apply", "-f", Launcher.examples().resolve("nginx-deployment.yaml").toString()).expectSuccess();
            kubectl.run("wait", DEPLOY, "--for=condition=Available", WAIT).expectSuccess();
            kubectl.run("rollout", "status", DEPLOY, WAIT).expectSuccess();
            before = objects(kubectl);
            assertThat(before).as("a Deployment, a ReplicaSet and three pods").hasSize(5);
            lastRevision = resourceVersion(kubectl);

            Launcher.Result refused = Launcher.run(home, Duration.ofSeconds(120), "server", "--port", "0", "--data-dir", dataDir.toString());
            assertThat(refused.exitCode()).as(refused.output()).isEqualTo(1);
            assertThat(refused.output()).contains("steersman: error:", "state.db", "another process is using it");

            first.kill(Duration.ofSeconds(30));
        }

        try (Launcher second = Launcher.start(home, "server", "--port", "0", "--data-dir", dataDir.toString())) {
            second.awaitReady();
            assertThat(objects(kubectl)).as("right after the restart").containsExactlyElementsOf(before);
            kubectl.run("wait", DEPLOY, "--for=condition=Available", WAIT).expectSuccess();
            kubectl.run("rollout", "status", DEPLOY, WAIT).expectSuccess();
            assertThat(objects(kubectl)).as("once the controllers had their say").containsExactlyElementsOf(before);

            assertThat(kubectl.run("rollout", "restart", DEPLOY).expectSuccess().out())
                    .isEqualToIgnoringNewLines("deployment.apps/nginx-deployment restarted");
            assertThat(kubectl.run("rollout", "status", DEPLOY, WAIT).expectSuccess().out())
                    .contains("deployment \"nginx-deployment\" successfully rolled out");
            assertThat(kubectl.run("get", "replicasets", "-o", "name").expectSuccess().out().lines()).hasSize(2);
            assertThat(resourceVersion(kubectl)).as("resourceVersions never go back").isGreaterThan(lastRevision);
            assertThat(second.stop(Duration.ofSeconds(30))).isZero();
        }
    }

    /** The Deployment's resourceVersion: the revision of its last write. */
    private static long resourceVersion(Kubectl kubectl) throws Exception {
        return Long.parseLong(kubectl.run("get", DEPLOY, "-o", "jsonpath={.metadata.resourceVersion}").expectSuccess().out().trim());
    }

    /** kind/name=uid of the Deployment, its ReplicaSets and pods, sorted. */
    private static List<String> objects(Kubectl kubectl) throws Exception {
        String out = kubectl.run("get", "deployments,replicasets,pods", "-o", UIDS).expectSuccess().out();
        return Arrays.stream(out.split("\n")).filter(line -> !line.isBlank()).sorted().toList();
    }
}
