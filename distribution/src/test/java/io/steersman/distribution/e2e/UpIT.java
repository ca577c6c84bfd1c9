package io.steersman.distribution.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code steersman up --exit-when-ready}: 0 once the example is rolled out, 1 when a rollout misses its deadline. */
class UpIT {
    private static final Duration LIMIT = Duration.ofSeconds(180);

    @TempDir
    Path home;

    @Test
    void theNginxExampleRollsOutAndExitsZero() throws Exception {
        Launcher.Result result = Launcher.run(home, LIMIT, "up", "--exit-when-ready", "--port", "0", "--timeout", "2m",
                "-f", Launcher.examples().resolve("nginx-deployment.yaml").toString());
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output())
                .contains("deployments.apps/nginx-deployment applied")
                .contains("deployment/nginx-deployment desired=3 updated=3 ready=3 available=3 rolled out")
                .contains("All 1 workloads are rolled out.");
    }

    @Test
    void aMissingImageMissesTheProgressDeadlineAndExitsOne() throws Exception {
        Path manifest = home.resolve("broken.yaml");
        Files.writeString(manifest, Files.readString(Launcher.examples().resolve("broken-image-deployment.yaml"))
                .replace("progressDeadlineSeconds: 30", "progressDeadlineSeconds: 5"));
        assertThat(Files.readString(manifest)).contains("progressDeadlineSeconds: 5");

        Launcher.Result result = Launcher.run(home, LIMIT, "up", "--exit-when-ready", "--port", "0", "--timeout", "2m",
                "-f", manifest.toString());
        assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
        assertThat(result.output())
                .contains("deployment/broken desired=2 updated=2 ready=0 available=0 rolling out")
                .containsPattern("error: deployment/broken failed: .*has timed out progressing")
                .doesNotContain("timed out after");
    }
}
