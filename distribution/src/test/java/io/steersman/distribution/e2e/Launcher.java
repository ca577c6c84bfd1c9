package io.steersman.distribution.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The built launcher ({@code target/steersman/bin/steersman}) run as a separate process, as a user
 * runs it: its own HOME (so nothing touches the real ~/.steersman), stdout and stderr together in a
 * log file that a failing assertion shows.
 */
final class Launcher implements AutoCloseable {
    /** Generous: the machine running the suite may be busy; a healthy start takes about a second. */
    static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration LOG_CHECK = Duration.ofMillis(50);
    private static final Pattern READY = Pattern.compile("Steersman is ready at (\\S+) \\(kubeconfig: (.+)\\)");

    private final Process process;
    private final Path log;

    private Launcher(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** The launcher script, from the failsafe configuration (the assembled distribution). */
    static Path script() {
        Path script = Path.of(System.getProperty("steersman.launcher", "target/steersman/bin/steersman"));
        if (!Files.isExecutable(script)) {
            throw new IllegalStateException(script + " is missing: the end-to-end tests need the assembled distribution (mvn package)");
        }
        return script;
    }

    static Path examples() {
        return Path.of(System.getProperty("steersman.examples", "../examples"));
    }

    /**
     * Starts {@code steersman ARGS...} with {@code home} as HOME. A server or {@code up} that is
     * told its API port also gets a free DNS port ({@code --dns-port 0}): several launchers share
     * the machine, and the default 10053 could be taken.
     */
    static Launcher start(Path home, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(script().toString());
        command.addAll(List.of(args));
        if (command.contains("--port") && !command.contains("--dns-port")) {
            command.addAll(List.of("--dns-port", "0"));
        }
        Path log = Files.createTempFile(home, "steersman", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("HOME", home.toString());
        // Small and quick to start: several launchers and Maven share a small machine.
        builder.environment().put("STEERSMAN_JAVA_OPTS", "-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");
        return new Launcher(builder.start(), log);
    }

    /** Runs {@code steersman ARGS...} to the end and returns its exit code and output. */
    static Result run(Path home, Duration timeout, String... args) throws IOException, InterruptedException {
        try (Launcher launcher = start(home, args)) {
            if (!launcher.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("steersman " + String.join(" ", args) + " did not end within " + timeout
                        + "; output:\n" + launcher.output());
            }
            return new Result(launcher.process.exitValue(), launcher.output());
        }
    }

    /** What a finished run printed, and how it ended. */
    record Result(int exitCode, String output) {}

    /**
     * The server's URL, once the ready line is in the log; fails if the process ends first or the
     * timeout passes. The log is a file, so this checks it every few milliseconds.
     */
    String awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            boolean ended = !process.isAlive();
            Matcher matcher = READY.matcher(output());
            if (matcher.find()) {
                return matcher.group(1);
            }
            if (ended) {
                throw new AssertionError("the launcher ended with " + process.exitValue() + " before it was ready:\n" + output());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the launcher was not ready within " + START_TIMEOUT + ":\n" + output());
            }
            process.waitFor(LOG_CHECK.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Sends SIGTERM and waits for the exit code. */
    int stop(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the launcher did not stop within " + timeout + " of SIGTERM:\n" + output());
        }
        return process.exitValue();
    }

    /**
     * Kills the server with SIGKILL (the launcher script execs the JVM, so this is the JVM): no
     * shutdown hook runs, nothing is closed or flushed. Returns once the process is gone.
     */
    void kill(Duration timeout) throws InterruptedException {
        // Through the handle: Process.destroyForcibly would also close the streams.
        process.toHandle().destroyForcibly();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the launcher did not die within " + timeout + " of SIGKILL:\n" + output());
        }
    }

    /** Everything printed so far. */
    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
