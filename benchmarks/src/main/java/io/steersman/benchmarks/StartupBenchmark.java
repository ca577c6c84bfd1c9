package io.steersman.benchmarks;

import io.steersman.apiserver.ApiServer;
import io.steersman.testing.ControlPlane;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * How fast Steersman starts, the two figures issue 6 sets targets for:
 * <ol>
 *   <li>{@code controlplane.*}: an in-process {@link ControlPlane} (every plugin on the class path:
 *       the Deployment controllers and the node agent; manual clock) from {@code builder()} to
 *       {@code start()} returning with caches synced and controllers ready, in a warm JVM: the
 *       median of many starts after a warm-up (target: under 100 ms). {@code controlplane.api.*}
 *       adds the HTTP API server, as {@code @SteersmanTest(apiServer = true)} does. {@code .first}
 *       is the first start in the benchmark's JVM (class loading included).</li>
 *   <li>{@code launcher.*}: the assembled launcher ({@code bin/steersman server --port 0}) as a new
 *       process, from exec to its ready line, which it prints once GET /readyz has answered 200
 *       (target: under 1 s). {@code launcher.first} is a fresh data dir (the CA and server
 *       certificate are made); the median is of starts that reuse them, each in a cold JVM.</li>
 * </ol>
 * Prints one {@code name=value} line per figure. Arguments (optional): the launcher script
 * (default {@code distribution/target/steersman/bin/steersman}), launcher runs (default 7),
 * in-process starts measured (default 50).
 */
public final class StartupBenchmark {
    private static final int WARMUP = 20;

    private StartupBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path launcher = Path.of(args.length > 0 ? args[0] : "distribution/target/steersman/bin/steersman");
        int launcherRuns = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        int inProcessRuns = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        print("java.version", System.getProperty("java.version"));
        print("cpus", Runtime.getRuntime().availableProcessors());
        print("load_average", String.format(Locale.ROOT, "%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));

        if (Files.isExecutable(launcher)) {
            launcher(launcher, launcherRuns);
        } else {
            print("launcher.skipped", launcher + " is missing: mvn -B -q -DskipTests package");
        }
        inProcess(inProcessRuns, false, "controlplane");
        inProcess(inProcessRuns, true, "controlplane.api");
    }

    private static void inProcess(int runs, boolean apiServer, String name) {
        // The first start of the JVM's life pays for class loading: what a test class pays once.
        print(name + ".first.ms", format(startAndStop(apiServer)));
        for (int i = 1; i < WARMUP; i++) {
            startAndStop(apiServer);
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            millis.add(startAndStop(apiServer));
        }
        report(name, millis);
    }

    /** Milliseconds from builder() to a started control plane (and API server); stopping is not counted. */
    private static double startAndStop(boolean apiServer) {
        long start = System.nanoTime();
        ControlPlane cp = ControlPlane.builder().start();
        ApiServer server = apiServer
                ? ApiServer.builder(cp.store(), cp.registry()).bindAddress("127.0.0.1").port(0).clock(cp.clock()).build().start()
                : null;
        double millis = (System.nanoTime() - start) / 1e6;
        if (server != null) {
            server.close();
        }
        cp.close();
        return millis;
    }

    private static void launcher(Path script, int runs) throws IOException, InterruptedException {
        Path home = Files.createTempDirectory("steersman-startup-");
        try {
            print("launcher.first.ms", format(launchOnce(script, home)));
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                millis.add(launchOnce(script, home));
            }
            report("launcher", millis);
        } finally {
            try (Stream<Path> paths = Files.walk(home)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    /** Milliseconds from starting the process to its ready line; then stops it with SIGTERM. */
    private static double launchOnce(Path script, Path home) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(script.toString(), "server", "--port", "0", "--log-level", "warn")
                .redirectErrorStream(true);
        builder.environment().put("HOME", home.toString());
        long start = System.nanoTime();
        Process process = builder.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            StringBuilder seen = new StringBuilder();
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("Steersman is ready at ")) {
                    double millis = (System.nanoTime() - start) / 1e6;
                    process.destroy();
                    if (!process.waitFor(30, TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                    }
                    return millis;
                }
                seen.append(line).append('\n');
            }
            throw new IllegalStateException("the launcher ended (" + process.waitFor() + ") without its ready line:\n" + seen);
        } finally {
            process.destroyForcibly();
        }
    }

    private static void report(String name, List<Double> millis) {
        List<Double> sorted = millis.stream().sorted().toList();
        print(name + ".runs", sorted.size());
        print(name + ".median.ms", format(sorted.get(sorted.size() / 2)));
        print(name + ".min.ms", format(sorted.get(0)));
        print(name + ".max.ms", format(sorted.get(sorted.size() - 1)));
    }

    private static String format(double millis) {
        return String.format(Locale.ROOT, "%.1f", millis);
    }

    private static void print(String name, Object value) {
        System.out.println(name + "=" + value);
    }
}
