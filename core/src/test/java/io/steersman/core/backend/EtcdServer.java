package io.steersman.core.backend;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real single-member etcd ({@code etcd} from the PATH, Debian's {@code etcd-server}) for tests
 * and benchmarks: its own data directory and free loopback ports, started and stopped by the
 * caller; a stopped server starts again on the same directory and ports, with its data.
 *
 * <p>Used by other modules' tests and benchmarks through core's test jar. Not thread-safe.
 */
public final class EtcdServer implements AutoCloseable {
    private static final long START_TIMEOUT_SECONDS = 30;

    private final Path dataDir;
    private final int clientPort;
    private final int peerPort;
    private final List<String> log = new ArrayList<>();
    private Process process;
    /** The directory to remove on close, for a temporary server. */
    private Path temporary;

    private EtcdServer(Path dataDir, int clientPort, int peerPort) {
        this.dataDir = dataDir;
        this.clientPort = clientPort;
        this.peerPort = peerPort;
    }

    /** Starts etcd with its data in {@code dir} (created when absent); returns once it serves clients. */
    public static EtcdServer start(Path dir) {
        EtcdServer server = new EtcdServer(dir, freePort(), freePort());
        server.start();
        return server;
    }

    /**
     * Starts etcd in a new directory in memory ({@code /dev/shm} where there is one, so its fsyncs
     * cost nothing), removed when it is closed.
     */
    public static EtcdServer startTemporary() {
        try {
            Path shm = Path.of("/dev/shm");
            Path dir = Files.isWritable(shm) ? Files.createTempDirectory(shm, "steersman-etcd-") : Files.createTempDirectory("steersman-etcd-");
            EtcdServer server = new EtcdServer(dir.resolve("data"), freePort(), freePort());
            server.temporary = dir;
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether an {@code etcd} binary is on the PATH. */
    public static boolean available() {
        for (String entry : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(entry, "etcd"))) {
                return true;
            }
        }
        return false;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + clientPort);
    }

    /** The CPU time the running etcd process has used (for benchmarks); zero when unknown. */
    public java.time.Duration cpuTime() {
        return process == null ? java.time.Duration.ZERO : process.info().totalCpuDuration().orElse(java.time.Duration.ZERO);
    }

    /** (Re)starts etcd on the same directory and ports; returns once it serves clients. */
    public void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        String peer = "http://127.0.0.1:" + peerPort;
        ProcessBuilder builder = new ProcessBuilder("etcd",
                "--name", "steersman-test",
                "--data-dir", dataDir.toString(),
                "--listen-client-urls", endpoint().toString(),
                "--advertise-client-urls", endpoint().toString(),
                "--listen-peer-urls", peer,
                "--initial-advertise-peer-urls", peer,
                "--initial-cluster", "steersman-test=" + peer,
                "--log-level", "info")
                .redirectErrorStream(true);
        try {
            Files.createDirectories(dataDir.getParent());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run etcd (apt-get install etcd-server)", e);
        }
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Process running = process;
        Thread reader = new Thread(() -> readLog(running, ready), "etcd-log-" + clientPort);
        reader.setDaemon(true);
        reader.start();
        try {
            ready.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            throw new IllegalStateException("interrupted while etcd started", e);
        } catch (ExecutionException | TimeoutException e) {
            stop();
            throw new IllegalStateException("etcd did not start; its log:\n" + String.join("\n", log()), e);
        }
    }

    /** Follows etcd's log until it exits; completes {@code ready} when etcd serves clients. */
    private void readLog(Process running, CompletableFuture<Void> ready) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(running.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                synchronized (log) {
                    log.add(line);
                }
                if (line.contains("ready to serve client requests")) {
                    ready.complete(null);
                }
            }
        } catch (IOException e) {
            // The process ended; the lines read so far are kept.
        }
        ready.completeExceptionally(new IllegalStateException("etcd exited"));
    }

    private List<String> log() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    /** Stops etcd (SIGTERM, then waits for it to exit); its data stays. */
    public void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** Stops etcd; a temporary server's directory is removed. */
    @Override
    public void close() {
        stop();
        if (temporary != null) {
            try (var paths = Files.walk(temporary)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
