package io.steersman.distribution.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Storage through the real kubectl against the launcher: the default class, a claim provisioned and
 * bound, a pod that mounts it, the volume (and its directory under the data dir) deleted with the
 * claim; a hand-made volume bound to its claim.
 */
class StorageIT {
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
    void claimOfTheDefaultClassIsProvisionedMountedAndDeletedWithItsVolume() throws Exception {
        assertThat(kubectl.run("get", "storageclass").expectSuccess().out())
                .contains("standard (default)", "steersman.io/hostpath", "Delete", "Immediate");

        kubectl.run("apply", "-f", Launcher.examples().resolve("claim-and-pod.yaml").toString()).expectSuccess();
        kubectl.run("wait", "pvc/data", "--for=jsonpath={.status.phase}=Bound", WAIT).expectSuccess();
        kubectl.run("wait", "pod/writer", "--for=condition=Ready", WAIT).expectSuccess();

        String volume = kubectl.run("get", "pvc/data", "-o", "jsonpath={.spec.volumeName}").expectSuccess().out().trim();
        assertThat(volume).startsWith("pvc-");
        String table = kubectl.run("get", "pvc,pv").expectSuccess().out();
        assertThat(table).contains("persistentvolumeclaim/data", "persistentvolume/" + volume);
        assertThat(table.lines().filter(l -> l.contains("Bound")).count()).isEqualTo(2);
        Path dir = Path.of(kubectl.run("get", "pv", volume, "-o", "jsonpath={.spec.hostPath.path}").expectSuccess().out().trim());
        assertThat(dir).isDirectory().startsWith(home);

        kubectl.run("delete", "pod/writer", WAIT).expectSuccess();
        kubectl.run("delete", "pvc/data", WAIT).expectSuccess();
        kubectl.run("wait", "pv/" + volume, "--for=delete", WAIT).expectSuccess();
        assertThat(dir).doesNotExist();
    }

    @Test
    void handMadeVolumeIsBoundToItsClaim() throws Exception {
        kubectl.run("apply", "-f", Launcher.examples().resolve("static-volume.yaml").toString()).expectSuccess();
        kubectl.run("wait", "pvc/manual-claim", "--for=jsonpath={.status.phase}=Bound", WAIT).expectSuccess();

        assertThat(kubectl.run("get", "pv/manual-pv", "-o", "jsonpath={.status.phase} {.spec.claimRef.name}").expectSuccess().out())
                .isEqualToIgnoringNewLines("Bound manual-claim");

        kubectl.run("delete", "pvc/manual-claim", WAIT).expectSuccess();
        kubectl.run("wait", "pv/manual-pv", "--for=jsonpath={.status.phase}=Released", WAIT).expectSuccess();
    }
}
