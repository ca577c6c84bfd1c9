package io.steersman.distribution.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.steersman.core.backend.EtcdServer;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --storage=etcd} end to end: a server on a real etcd keeps a Deployment applied with
 * kubectl across a stop and a start (same uids, controllers carry on); while etcd is away kubectl
 * gets a 500 naming it, and once it is back everything works, the controllers included; a server
 * whose etcd does not answer refuses to start with one clear line.
 */
class EtcdIT {
    private static final String DEPLOY = "deployment/nginx-deployment";
    private static final String WAIT = "--timeout=60s";
    private static final String UIDS = "jsonpath={range .items[*]}{.kind}/{.metadata.name}={.metadata.uid}{\"\\n\"}{end}";

    @TempDir
    Path home;

    @Test
    void aServerOnEtcdKeepsItsObjectsAcrossAStopAndAStart() throws Exception {
        Kubectl kubectl = new Kubectl(home.resolve(".steersman/kubeconfig"), home.resolve("kube-cache"), home);
        try (EtcdServer etcd = EtcdServer.startTemporary()) {
            String[] server = {"server", "--port", "0", "--data-dir", home.resolve("data").toString(),
                "--storage=etcd", "--etcd-endpoints=" + etcd.endpoint()};
            List<String> before;
            try (Launcher first = Launcher.start(home, server)) {
                first.awaitReady();
                kubectl.run("apply", "-f", Launcher.examples().resolve("nginx-deployment.yaml").toString()).expectSuccess();
                kubectl.run("rollout", "status", DEPLOY, WAIT).expectSuccess();
                before = objects(kubectl);
                assertThat(before).as("a Deployment, a ReplicaSet and three pods").hasSize(5);
                assertThat(first.stop(Duration.ofSeconds(30))).isZero();
            }

            try (Launcher second = Launcher.start(home, server)) {
                second.awaitReady();
                assertThat(objects(kubectl)).as("right after the restart").containsExactlyElementsOf(before);
                kubectl.run("rollout", "status", DEPLOY, WAIT).expectSuccess();
                assertThat(objects(kubectl)).as("once the controllers had their say").containsExactlyElementsOf(before);

                etcd.stop();
                Kubectl.Output away = kubectl.run("get", "deployments");
                assertThat(away.exitCode()).as(away.out()).isNotZero();
                assertThat(away.err()).contains("Internal error occurred", "etcdserver: request timed out", etcd.endpoint().toString());

                etcd.start();
                assertThat(objects(kubectl)).as("once etcd is back").containsExactlyElementsOf(before);
                kubectl.run("scale", DEPLOY, "--replicas=4").expectSuccess();
                kubectl.run("rollout", "status", DEPLOY, WAIT).expectSuccess();
                assertThat(second.stop(Duration.ofSeconds(30))).isZero();
            }
        }
    }

    @Test
    void aServerWhoseEtcdDoesNotAnswerOrIsNotNamedRefusesToStart() throws Exception {
        String endpoint;
        try (ServerSocket socket = new ServerSocket(0)) {
            endpoint = "http://127.0.0.1:" + socket.getLocalPort();
        }

        Launcher.Result refused = Launcher.run(home, Duration.ofSeconds(120), "server", "--port", "0",
                "--data-dir", home.resolve("data").toString(), "--storage=etcd", "--etcd-endpoints=" + endpoint);

        assertThat(refused.exitCode()).as(refused.output()).isEqualTo(1);
        assertThat(refused.output()).contains("steersman: error:", "cannot use etcd at " + endpoint, "is etcd running");

        Launcher.Result unusable = Launcher.run(home, Duration.ofSeconds(120), "server", "--port", "0", "--storage=etcd");
        assertThat(unusable.exitCode()).as(unusable.output()).isEqualTo(2);
        assertThat(unusable.output()).contains("--storage=etcd needs --etcd-endpoints=URL[,URL...]");
    }

    /** kind/name=uid of the Deployment, its ReplicaSets and pods, sorted. */
    private static List<String> objects(Kubectl kubectl) throws Exception {
        String out = kubectl.run("get", "deployments,replicasets,pods", "-o", UIDS).expectSuccess().out();
        return Arrays.stream(out.split("\n")).filter(line -> !line.isBlank()).sorted().toList();
    }
}
