package io.steersman.distribution.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real kubectl against one server: its own kubeconfig and a fresh cache dir, so discovery is
 * always the server's own and never another run's.
 */
final class Kubectl {
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(90);

    private final Path kubeconfig;
    private final Path cacheDir;
    private final Path home;

    Kubectl(Path kubeconfig, Path cacheDir, Path home) {
        this.kubeconfig = kubeconfig;
        this.cacheDir = cacheDir;
        this.home = home;
    }

    /** What one kubectl run printed: stdout and stderr apart, and the exit code. */
    record Output(int exitCode, String out, String err) {
        Output expectSuccess() {
            if (exitCode != 0) {
                throw new AssertionError("kubectl failed with " + exitCode + ":\n" + out + err);
            }
            return this;
        }

        List<String> lines() {
            return out.lines().toList();
        }
    }

    Output run(String... args) throws IOException, InterruptedException {
        return run(Map.of(), args);
    }

    /** Runs kubectl with {@code --kubeconfig} and {@code --cache-dir} and extra environment (EDITOR, say). */
    Output run(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(System.getProperty("kubectl", "kubectl"));
        command.add("--kubeconfig=" + kubeconfig);
        command.add("--cache-dir=" + cacheDir);
        command.addAll(List.of(args));
        Path out = Files.createTempFile(home, "kubectl", ".out");
        Path err = Files.createTempFile(home, "kubectl", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("HOME", home.toString());
        builder.environment().remove("KUBECONFIG");
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("kubectl " + String.join(" ", args) + " did not end within " + COMMAND_TIMEOUT);
        }
        Output output = new Output(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return output;
    }
}
