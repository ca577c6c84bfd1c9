package io.steersman.apiserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real kubectl against a test server: a temp kubeconfig (CA and token) and one cache dir per instance. */
final class Kubectl {
    static final Path BINARY = Path.of("/usr/bin/kubectl");

    final Path dir;
    final Path kubeconfig;
    final Path cacheDir;

    /** What one kubectl run printed. */
    record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "rc=" + code + "\nstdout:\n" + out + "\nstderr:\n" + err;
        }
    }

    Kubectl(ApiServer server, ServerCertificates certificates, String token, Path dir) {
        this.dir = dir;
        this.kubeconfig = dir.resolve("kubeconfig");
        this.cacheDir = dir.resolve("cache");
        String ca = Base64.getEncoder().encodeToString(certificates.caCertificatePem().getBytes(StandardCharsets.US_ASCII));
        String config = """
                apiVersion: v1
                kind: Config
                clusters:
                - name: steersman
                  cluster:
                    server: %s
                    certificate-authority-data: %s
                users:
                - name: admin
                  user:
                    token: %s
                contexts:
                - name: steersman
                  context:
                    cluster: steersman
                    user: admin
                    namespace: default
                current-context: steersman
                """.formatted(server.url(), ca, token);
        try {
            Files.writeString(kubeconfig, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean available() {
        return Files.isExecutable(BINARY);
    }

    Result run(String... args) {
        return run(null, Map.of(), args);
    }

    Result runWithInput(String stdin, String... args) {
        return run(stdin, Map.of(), args);
    }

    Result run(String stdin, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>();
        command.add(BINARY.toString());
        command.add("--kubeconfig=" + kubeconfig);
        command.add("--cache-dir=" + cacheDir);
        command.addAll(List.of(args));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
            builder.environment().put("HOME", dir.toString());
            builder.environment().remove("KUBECONFIG");
            builder.environment().putAll(env);
            Path out = Files.createTempFile(dir, "out", ".txt");
            Path err = Files.createTempFile(dir, "err", ".txt");
            builder.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process process = builder.start();
            if (stdin != null) {
                process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            process.getOutputStream().close();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("kubectl " + String.join(" ", args) + " did not finish in 90 s; stderr: " + Files.readString(err));
            }
            return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts kubectl and leaves it running (for {@code get -w}); stdout is read line by line. */
    Process start(String... args) {
        List<String> command = new ArrayList<>();
        command.add(BINARY.toString());
        command.add("--kubeconfig=" + kubeconfig);
        command.add("--cache-dir=" + cacheDir);
        command.addAll(List.of(args));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
            builder.environment().put("HOME", dir.toString());
            builder.environment().remove("KUBECONFIG");
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a file in the working directory and returns its path. */
    Path file(String name, String content) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
