package io.steersman.distribution.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What scripts rely on: help, version, usage errors (2) and start-up failures (1), each in a line. */
class CommandLineIT {
    private static final Duration QUICK = Duration.ofSeconds(60);

    @TempDir
    Path home;

    @Test
    void helpOfEveryCommandExitsZero() throws Exception {
        for (String[] args : new String[][] {{"--help"}, {"server", "--help"}, {"up", "--help"}, {"version", "--help"}}) {
            Launcher.Result result = Launcher.run(home, QUICK, args);
            assertThat(result.exitCode()).as(String.join(" ", args)).isZero();
            assertThat(result.output()).startsWith("Usage: steersman");
        }
        Launcher.Result server = Launcher.run(home, QUICK, "server", "--help");
        assertThat(server.output()).contains("--data-dir", "--bind-address", "--port", "--kubeconfig", "--log-level",
                "--plugin-path", "--set", "--storage", "DATA_DIR/state.db");
    }

    @Test
    void versionNamesTheBuild() throws Exception {
        Launcher.Result result = Launcher.run(home, QUICK, "version");
        assertThat(result.exitCode()).isZero();
        assertThat(result.output()).startsWith("steersman ").contains("Kubernetes API v1.32");
    }

    @Test
    void anUnknownFlagIsAUsageErrorWithExitCodeTwo() throws Exception {
        Launcher.Result result = Launcher.run(home, QUICK, "server", "--prot=6443");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.output()).contains("Unknown option: '--prot=6443'").contains("steersman server --help")
                .doesNotContain("Exception");
    }

    @Test
    void aPortInUseFailsWithOneLineAndExitCodeOne() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Launcher.Result result = Launcher.run(home, QUICK, "server", "--port", String.valueOf(taken.getLocalPort()));
            assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
            assertThat(result.output().lines().filter(l -> l.startsWith("steersman: error:")))
                    .singleElement().asString().contains(String.valueOf(taken.getLocalPort())).contains("in use");
            assertThat(result.output()).doesNotContain("\tat ").doesNotContain("Ready");
        }
    }
}
