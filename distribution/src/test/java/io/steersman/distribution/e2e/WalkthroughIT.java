package io.steersman.distribution.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/walkthrough.md, step by step: the built launcher as a process, the real kubectl against
 * it, asserting on what kubectl prints and on the cluster state. One server for the whole class;
 * the steps run in order because each starts where the previous one left the Deployment.
 * Waiting on real-time rollouts goes through {@code kubectl wait} and {@code rollout status}
 * (watches, bounded by their --timeout), never through sleeps.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WalkthroughIT {
    private static final String DEPLOY = "deployment/nginx-deployment";
    private static final String WAIT = "--timeout=60s";
    private static final Pattern RS_NAME = Pattern.compile("nginx-deployment-([a-z0-9]+)");

    @TempDir
    static Path home;

    private Launcher server;
    private Kubectl kubectl;

    /**
     * Waits until no pod is terminating. Pods take the launcher's simulated kubelet a second to shut
     * down, as a real kubelet, so a finished rollout can leave old pods Terminating for a moment.
     */
    private void awaitNoTerminatingPods() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!kubectl.run("get", "pods", "-o", "jsonpath={.items[*].metadata.deletionTimestamp}").expectSuccess().out().isBlank()) {
            assertThat(System.nanoTime()).as("pods still terminating after 60 s").isLessThan(deadline);
        }
    }
    private String firstHash;
    private String brokenHash;

    @BeforeAll
    void startServer() throws Exception {
        Path kubeconfig = home.resolve(".steersman/kubeconfig");
        server = Launcher.start(home, "server", "--port", "0");
        server.awaitReady();
        kubectl = new Kubectl(kubeconfig, home.resolve("kube-cache"), home);
    }

    @AfterAll
    void stopServer() throws Exception {
        if (server != null) {
            int exitCode = server.stop(Duration.ofSeconds(30));
            assertThat(exitCode).as("exit code after SIGTERM; output:\n%s", server.output()).isZero();
            assertThat(server.output()).contains("Stopping.");
        }
    }

    @Test
    @Order(1)
    void serverWritesAKubeconfigOnlyItsOwnerCanRead() throws Exception {
        Path kubeconfig = home.resolve(".steersman/kubeconfig");
        assertThat(Files.getPosixFilePermissions(kubeconfig)).extracting(Object::toString)
                .containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
        assertThat(kubectl.run("config", "current-context").expectSuccess().out().strip()).isEqualTo("steersman");
        assertThat(kubectl.run("get", "namespaces").expectSuccess().out())
                .contains("default", "kube-system", "kube-public", "kube-node-lease");
    }

    @Test
    @Order(2)
    void applyRollsOutThreePods() throws Exception {
        assertThat(kubectl.run("apply", "-f", Launcher.examples().resolve("nginx-deployment.yaml").toString()).expectSuccess().out())
                .isEqualToIgnoringNewLines("deployment.apps/nginx-deployment created");
        assertThat(kubectl.run("rollout", "status", DEPLOY, WAIT).expectSuccess().out())
                .contains("deployment \"nginx-deployment\" successfully rolled out");

        assertThat(kubectl.run("get", "deployments").expectSuccess().lines())
                .first().asString().matches("NAME\\s+READY\\s+UP-TO-DATE\\s+AVAILABLE\\s+AGE");
        assertThat(kubectl.run("get", "deployments").out()).containsPattern("nginx-deployment\\s+3/3\\s+3\\s+3\\s+\\d+s");

        List<String> replicaSets = kubectl.run("get", "replicasets", "--no-headers").expectSuccess().lines();
        assertThat(replicaSets).hasSize(1);
        assertThat(replicaSets.get(0)).matches("nginx-deployment-[a-z0-9]+\\s+3\\s+3\\s+3\\s+\\d+s");
        firstHash = hashOf(replicaSets.get(0));

        List<String> pods = kubectl.run("get", "pods", "--show-labels", "--no-headers").expectSuccess().lines();
        assertThat(pods).hasSize(3).allSatisfy(pod -> assertThat(pod)
                .matches("nginx-deployment-" + firstHash + "-[a-z0-9]{5}\\s+1/1\\s+Running\\s+0\\s+\\d+s\\s+app=nginx,pod-template-hash=" + firstHash));
        assertThat(kubectl.run("get", "pods", "-o", "wide", "--no-headers").expectSuccess().lines())
                .hasSize(3).allSatisfy(pod -> assertThat(pod).containsPattern("Running\\s+0\\s+\\d+s\\s+10\\.244\\.\\d+\\.\\d+\\s+node-1\\s+<none>\\s+<none>"));
    }

    @Test
    @Order(3)
    void scaleToFour() throws Exception {
        assertThat(kubectl.run("scale", DEPLOY, "--replicas=4").expectSuccess().out())
                .isEqualToIgnoringNewLines("deployment.apps/nginx-deployment scaled");
        kubectl.run("wait", DEPLOY, "--for=jsonpath={.status.availableReplicas}=4", WAIT).expectSuccess();
        assertThat(kubectl.run("rollout", "status", DEPLOY, WAIT).expectSuccess().out())
                .contains("successfully rolled out");
        assertThat(kubectl.run("get", "pods", "--no-headers").lines()).hasSize(4)
                .allSatisfy(pod -> assertThat(pod).contains("nginx-deployment-" + firstHash + "-").contains("Running"));
    }

    @Test
    @Order(4)
    void aMissingImageStallsTheRolloutWithThreeOldAndTwoNewPods() throws Exception {
        assertThat(kubectl.run("set", "image", DEPLOY, "nginx=nginx:1.91").expectSuccess().out())
                .isEqualToIgnoringNewLines("deployment.apps/nginx-deployment image updated");
        // 4 replicas, maxSurge 1, maxUnavailable 1: at most 5 pods, at least 3 available. The old
        // ReplicaSet goes down to 3, the new one up to 2, and the new pods never become ready.
        kubectl.run("wait", DEPLOY, "--for=jsonpath={.status.updatedReplicas}=2", WAIT).expectSuccess();
        kubectl.run("wait", DEPLOY, "--for=jsonpath={.status.replicas}=5", WAIT).expectSuccess();

        Kubectl.Output status = kubectl.run("rollout", "status", DEPLOY, "--timeout=2s");
        assertThat(status.exitCode()).isEqualTo(1);
        assertThat(status.out()).contains("Waiting for deployment \"nginx-deployment\" rollout to finish: 2 out of 4 new replicas have been updated...");
        assertThat(status.err()).contains("error: timed out waiting for the condition");

        List<String> replicaSets = kubectl.run("get", "replicasets", "--no-headers").expectSuccess().lines();
        assertThat(replicaSets).hasSize(2);
        assertThat(replicaSets).anySatisfy(rs -> assertThat(rs).matches("nginx-deployment-" + firstHash + "\\s+3\\s+3\\s+3\\s+\\d+s"));
        String broken = replicaSets.stream().filter(rs -> !rs.contains(firstHash)).findFirst().orElseThrow();
        assertThat(broken).matches("nginx-deployment-[a-z0-9]+\\s+2\\s+2\\s+0\\s+\\d+s");
        brokenHash = hashOf(broken);

        kubectl.run("wait", "pods", "-l", "pod-template-hash=" + brokenHash,
                "--for=jsonpath={.status.containerStatuses[0].state.waiting.reason}=ImagePullBackOff", WAIT).expectSuccess();
        awaitNoTerminatingPods();
        List<String> pods = kubectl.run("get", "pods", "--no-headers").lines();
        assertThat(pods.stream().filter(p -> p.contains(brokenHash))).hasSize(2)
                .allSatisfy(p -> assertThat(p).containsPattern("0/1\\s+ImagePullBackOff\\s+0"));
        assertThat(pods.stream().filter(p -> p.contains(firstHash))).hasSize(3)
                .allSatisfy(p -> assertThat(p).containsPattern("1/1\\s+Running"));
        assertThat(kubectl.run("get", DEPLOY, "--no-headers").out()).containsPattern("nginx-deployment\\s+3/4\\s+2\\s+3\\s");
    }

    @Test
    @Order(5)
    void historyListsBothRevisions() throws Exception {
        String history = kubectl.run("rollout", "history", DEPLOY).expectSuccess().out();
        assertThat(history).contains("REVISION  CHANGE-CAUSE").containsPattern("(?m)^1\\s+<none>$").containsPattern("(?m)^2\\s+<none>$");

        String revision2 = kubectl.run("rollout", "history", DEPLOY, "--revision=2").expectSuccess().out();
        assertThat(revision2).contains("deployment.apps/nginx-deployment with revision #2")
                .contains("pod-template-hash=" + brokenHash)
                .containsPattern("Image:\\s+nginx:1\\.91");
    }

    @Test
    @Order(6)
    void undoRollsBackToTheFirstImage() throws Exception {
        assertThat(kubectl.run("rollout", "undo", DEPLOY).expectSuccess().out())
                .isEqualToIgnoringNewLines("deployment.apps/nginx-deployment rolled back");
        assertThat(kubectl.run("rollout", "status", DEPLOY, WAIT).expectSuccess().out()).contains("successfully rolled out");
        assertThat(image()).isEqualTo("nginx:1.9.1");
        awaitNoTerminatingPods();
        assertThat(kubectl.run("get", "pods", "-o", "jsonpath={.items[*].spec.containers[0].image}").out().split(" "))
                .hasSize(4).containsOnly("nginx:1.9.1");
        assertThat(kubectl.run("get", "replicasets", "--no-headers").expectSuccess().lines())
                .anySatisfy(rs -> assertThat(rs).matches("nginx-deployment-" + brokenHash + "\\s+0\\s+0\\s+0\\s+\\d+s"));
    }

    @Test
    @Order(7)
    void undoReusesTheReplicaSetOfTheRevisionItRestores() throws Exception {
        // As upstream: the template is revision 1's again, so its ReplicaSet is scaled back up and
        // becomes revision 3; no new ReplicaSet is made.
        List<String> replicaSets = kubectl.run("get", "replicasets", "--no-headers").expectSuccess().lines();
        assertThat(replicaSets).hasSize(2);
        assertThat(replicaSets).anySatisfy(rs -> assertThat(rs).matches("nginx-deployment-" + firstHash + "\\s+4\\s+4\\s+4\\s+\\d+s"));
        assertThat(revisionOf(firstHash)).isEqualTo(3);
        assertThat(kubectl.run("rollout", "history", DEPLOY).out())
                .containsPattern("(?m)^2\\s+<none>$").containsPattern("(?m)^3\\s+<none>$").doesNotContainPattern("(?m)^1\\s");
    }

    @Test
    @Order(8)
    void undoToRevisionTwoStallsAgain() throws Exception {
        assertThat(revisionOf(brokenHash)).isEqualTo(2);
        assertThat(kubectl.run("rollout", "undo", DEPLOY, "--to-revision=2").expectSuccess().out())
                .isEqualToIgnoringNewLines("deployment.apps/nginx-deployment rolled back");
        assertThat(image()).isEqualTo("nginx:1.91");
        kubectl.run("wait", DEPLOY, "--for=jsonpath={.status.updatedReplicas}=2", WAIT).expectSuccess();
        kubectl.run("wait", DEPLOY, "--for=jsonpath={.status.replicas}=5", WAIT).expectSuccess();
        assertThat(kubectl.run("get", DEPLOY, "--no-headers").out()).containsPattern("nginx-deployment\\s+3/4\\s+2\\s+3\\s");

        // And back to the working image, for the rest of the tour.
        kubectl.run("rollout", "undo", DEPLOY).expectSuccess();
        assertThat(kubectl.run("rollout", "status", DEPLOY, WAIT).expectSuccess().out()).contains("successfully rolled out");
        assertThat(image()).isEqualTo("nginx:1.9.1");
    }

    @Test
    @Order(9)
    void changesWhilePausedRollOutOnlyOnResume() throws Exception {
        assertThat(kubectl.run("rollout", "pause", DEPLOY).expectSuccess().out())
                .isEqualToIgnoringNewLines("deployment.apps/nginx-deployment paused");
        List<String> before = replicaSetNames();

        assertThat(kubectl.run("set", "image", DEPLOY, "nginx=nginx:1.27").expectSuccess().out())
                .isEqualToIgnoringNewLines("deployment.apps/nginx-deployment image updated");
        Kubectl.Output edited = kubectl.run(Map.of("EDITOR", "sed -i -e s/nginx:1.27$/nginx:1.27.3/"), "edit", DEPLOY);
        assertThat(edited.expectSuccess().out()).isEqualToIgnoringNewLines("deployment.apps/nginx-deployment edited");
        assertThat(image()).isEqualTo("nginx:1.27.3");

        String generation = kubectl.run("get", DEPLOY, "-o", "jsonpath={.metadata.generation}").expectSuccess().out();
        kubectl.run("wait", DEPLOY, "--for=jsonpath={.status.observedGeneration}=" + generation, WAIT).expectSuccess();
        assertThat(replicaSetNames()).as("no new ReplicaSet while paused").isEqualTo(before);
        assertThat(kubectl.run("rollout", "status", DEPLOY, "--timeout=2s").out())
                .contains("Waiting for deployment \"nginx-deployment\" rollout to finish: 0 out of 4 new replicas have been updated...");

        assertThat(kubectl.run("rollout", "resume", DEPLOY).expectSuccess().out())
                .isEqualToIgnoringNewLines("deployment.apps/nginx-deployment resumed");
        assertThat(kubectl.run("rollout", "status", DEPLOY, WAIT).expectSuccess().out()).contains("successfully rolled out");
        List<String> after = replicaSetNames();
        assertThat(after).hasSize(before.size() + 1);
        awaitNoTerminatingPods();
        assertThat(kubectl.run("get", "pods", "-o", "jsonpath={.items[*].spec.containers[0].image}").out().split(" "))
                .containsOnly("nginx:1.27.3");
    }

    @Test
    @Order(10)
    void revisionHistoryLimitZeroDeletesTheOldReplicaSets() throws Exception {
        List<String> names = replicaSetNames();
        String current = kubectl.run("get", "replicasets", "-o",
                "jsonpath={.items[?(@.spec.replicas==4)].metadata.name}").expectSuccess().out().strip();
        assertThat(kubectl.run("patch", DEPLOY, "-p", "{\"spec\":{\"revisionHistoryLimit\":0}}").expectSuccess().out())
                .isEqualToIgnoringNewLines("deployment.apps/nginx-deployment patched");
        List<String> old = names.stream().filter(n -> !n.equals(current)).map(n -> "replicaset/" + n).toList();
        List<String> waitArgs = new java.util.ArrayList<>(List.of("wait", "--for=delete", WAIT));
        waitArgs.addAll(old);
        kubectl.run(waitArgs.toArray(String[]::new)).expectSuccess();
        assertThat(replicaSetNames()).containsExactly(current);
        assertThat(kubectl.run("rollout", "history", DEPLOY).out().lines().filter(l -> l.matches("\\d+\\s+<none>"))).hasSize(1);
    }

    @Test
    @Order(11)
    void deleteRemovesTheReplicaSetsAndPodsToo() throws Exception {
        List<String> replicaSets = replicaSetNames();
        assertThat(kubectl.run("delete", DEPLOY).expectSuccess().out())
                .isEqualToIgnoringNewLines("deployment.apps \"nginx-deployment\" deleted");
        List<String> waitArgs = new java.util.ArrayList<>(List.of("wait", "--for=delete", WAIT));
        replicaSets.forEach(rs -> waitArgs.add("replicaset/" + rs));
        kubectl.run(waitArgs.toArray(String[]::new)).expectSuccess();
        kubectl.run("wait", "--for=delete", "pods", "-l", "app=nginx", WAIT).expectSuccess();
        Kubectl.Output empty = kubectl.run("get", "deployments,replicasets,pods");
        assertThat(empty.out()).isEmpty();
        assertThat(empty.err()).contains("No resources found in default namespace.");
    }

    private String image() throws Exception {
        return kubectl.run("get", DEPLOY, "-o", "jsonpath={.spec.template.spec.containers[0].image}").expectSuccess().out().strip();
    }

    private List<String> replicaSetNames() throws Exception {
        return kubectl.run("get", "replicasets", "-o", "name").expectSuccess().lines().stream()
                .map(n -> n.substring(n.indexOf('/') + 1)).sorted().toList();
    }

    private int revisionOf(String hash) throws Exception {
        String revision = kubectl.run("get", "replicaset", "nginx-deployment-" + hash, "-o",
                "jsonpath={.metadata.annotations.deployment\\.kubernetes\\.io/revision}").expectSuccess().out().strip();
        return Integer.parseInt(revision);
    }

    private static String hashOf(String replicaSetLine) {
        Matcher matcher = RS_NAME.matcher(replicaSetLine);
        assertThat(matcher.find()).as("a ReplicaSet name in %s", replicaSetLine).isTrue();
        return matcher.group(1);
    }
}
