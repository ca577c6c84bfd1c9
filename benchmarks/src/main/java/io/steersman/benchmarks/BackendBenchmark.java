package io.steersman.benchmarks;

import io.steersman.api.codec.Codec;
import io.steersman.api.controller.Clock;
import io.steersman.api.model.core.Pod;
import io.steersman.api.resource.BuiltinResources;
import io.steersman.api.resource.ResourceRegistry;
import io.steersman.core.backend.Backend;
import io.steersman.core.backend.EtcdBackend;
import io.steersman.core.backend.EtcdServer;
import io.steersman.core.backend.MemoryBackend;
import io.steersman.core.backend.SqliteBackend;
import io.steersman.core.store.BackendStore;
import io.steersman.core.store.ListOptions;
import io.steersman.core.store.WriteOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The durable backends (SQLite, etcd) against the memory backend, in the same JVM and run: pod creates per
 * second through the store (one thread; wall and CPU time of that thread, SQLite's native work
 * included), the time to list every pod, and for SQLite the time to reopen the file and load them
 * all. Three backends: memory, SQLite with {@code synchronous=NORMAL} (the default: survives a
 * process kill) and with {@code synchronous=FULL} (one fsync per write: survives power loss; fewer
 * pods, since each costs a disk sync). Then etcd: a real single-member {@code etcd} started on
 * a data directory under {@code dir} (etcd syncs its WAL on every write, as SQLite FULL does),
 * reached over gRPC on the loopback; its own CPU time (the etcd process) is printed beside the JVM's.
 * Prints one {@code name=value} line per figure.
 *
 * <p>Arguments: {@code [pods] [fullPods] [dir] [etcdPods]}, default 20,000, 2,000, a temporary
 * directory (put it on the disk a server would use: the fsync cost is the disk's) and 2,000.
 */
public final class BackendBenchmark {
    private static final Clock CLOCK = Clock.SYSTEM;
    private static final int LISTS = 7;

    private BackendBenchmark() {}

    public static void main(String[] args) throws Exception {
        int pods = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int fullPods = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        Path dir = args.length > 2 ? Files.createDirectories(Path.of(args[2])) : Files.createTempDirectory("steersman-backend-bench-");
        int etcdPods = args.length > 3 ? Integer.parseInt(args[3]) : 2_000;
        System.out.println("cpus=" + Runtime.getRuntime().availableProcessors());
        System.out.println("java=" + System.getProperty("java.version"));
        System.out.printf("load_average=%.1f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        try {
            // A throw-away round of each first, so the JIT has compiled both paths before timing.
            run("warmup_memory", pods / 4, registry -> new MemoryBackend(), null, false);
            Path warmup = dir.resolve("warmup.db");
            run("warmup_sqlite", pods / 4, registry -> sqlite(warmup, registry, SqliteBackend.Synchronous.NORMAL), warmup, false);
            run("memory", pods, registry -> new MemoryBackend(), null, true);
            Path normal = dir.resolve("normal.db");
            run("sqlite_normal", pods, registry -> sqlite(normal, registry, SqliteBackend.Synchronous.NORMAL), normal, true);
            Path full = dir.resolve("full.db");
            run("sqlite_full", fullPods, registry -> sqlite(full, registry, SqliteBackend.Synchronous.FULL), full, true);
            if (etcdPods > 0) {
                etcd(dir.resolve("etcd"), etcdPods);
            }
        } finally {
            deleteRecursively(dir);
        }
    }

    /** etcd on {@code dir}: a warm-up round under one prefix, then the measured one under another. */
    private static void etcd(Path dir, int pods) {
        try (EtcdServer etcd = EtcdServer.start(dir)) {
            run("warmup_etcd", pods / 4, registry -> etcd(etcd, registry, "/warmup"), null, false);
            Duration before = etcd.cpuTime();
            run("etcd", pods, registry -> etcd(etcd, registry, "/measured"), null, true);
            System.out.printf("backend_etcd_server_cpu_s=%.2f%n", etcd.cpuTime().minus(before).toMillis() / 1e3);
            ResourceRegistry registry = BuiltinResources.registry();
            long began = System.nanoTime();
            try (EtcdBackend reopened = etcd(etcd, registry, "/measured")) {
                long count = reopened.count("/", null, 0);
                System.out.printf("backend_etcd_reopen_and_count_ms=%.1f%n", (System.nanoTime() - began) / 1e6);
                if (count < pods) {
                    throw new IllegalStateException("reopened etcd with " + count + " objects, created " + pods);
                }
            }
        }
    }

    private static EtcdBackend etcd(EtcdServer etcd, ResourceRegistry registry, String prefix) {
        return EtcdBackend.open(List.of(etcd.endpoint()), new Codec(registry), EtcdBackend.Options.defaults().withPrefix(prefix));
    }

    private static SqliteBackend sqlite(Path file, ResourceRegistry registry, SqliteBackend.Synchronous synchronous) {
        return SqliteBackend.open(file, new Codec(registry), SqliteBackend.Options.defaults().withSynchronous(synchronous));
    }

    /** Creates {@code count} pods, lists them, closes; for a file, reopens it and loads them. */
    private static void run(String name, int count, Function<ResourceRegistry, Backend> opener, Path file, boolean print) {
        List<Pod> pods = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            pods.add(StoreBenchmark.pod("default", i));
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean process = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ResourceRegistry registry = BuiltinResources.registry();
        Backend backend = opener.apply(registry);
        long listNanos;
        long wallNanos;
        long cpuNanos;
        long processCpuNanos;
        try (BackendStore store = new BackendStore(registry, CLOCK, backend)) {
            long cpuBefore = cpu.getCurrentThreadCpuTime();
            long processBefore = process.getProcessCpuTime();
            long began = System.nanoTime();
            for (Pod pod : pods) {
                store.create(BuiltinResources.PODS, pod, WriteOptions.DEFAULT);
            }
            wallNanos = System.nanoTime() - began;
            cpuNanos = cpu.getCurrentThreadCpuTime() - cpuBefore;
            processCpuNanos = process.getProcessCpuTime() - processBefore;
            listNanos = medianListNanos(store, count);
        } finally {
            backend.close();
        }
        if (!print) {
            if (file != null) {
                SqliteBackend.open(file, new Codec(registry)).close();
            }
            return;
        }
        System.out.printf("backend_%s_pods=%d%n", name, count);
        System.out.printf("backend_%s_creates_per_s=%.0f%n", name, count / (wallNanos / 1e9));
        System.out.printf("backend_%s_creates_per_cpu_s=%.0f%n", name, count / (cpuNanos / 1e9));
        System.out.printf("backend_%s_create_wall_s=%.2f%n", name, wallNanos / 1e9);
        System.out.printf("backend_%s_create_cpu_s=%.2f%n", name, cpuNanos / 1e9);
        // Every JVM thread: the etcd client does its gRPC work on threads of its own.
        System.out.printf("backend_%s_create_jvm_cpu_s=%.2f%n", name, processCpuNanos / 1e9);
        System.out.printf("backend_%s_list_all_ms=%.1f%n", name, listNanos / 1e6);
        if (file != null) {
            System.out.printf("backend_%s_file_bytes_per_pod=%d%n", name, size(file) / count);
            Codec codec = new Codec(registry);
            long cpuBefore = cpu.getCurrentThreadCpuTime();
            long began = System.nanoTime();
            try (SqliteBackend reopened = SqliteBackend.open(file, codec)) {
                long loaded = System.nanoTime() - began;
                System.out.printf("backend_%s_reopen_ms=%.1f%n", name, loaded / 1e6);
                System.out.printf("backend_%s_reopen_cpu_ms=%.1f%n", name, (cpu.getCurrentThreadCpuTime() - cpuBefore) / 1e6);
                if (reopened.count("/", null, 0) < count) {
                    throw new IllegalStateException("reopened " + file + " with fewer than " + count + " objects");
                }
            }
        }
    }

    /** The median time of listing every pod (the store's list: the backend range plus filtering). */
    private static long medianListNanos(BackendStore store, int count) {
        long[] samples = new long[LISTS];
        for (int i = 0; i < LISTS; i++) {
            long began = System.nanoTime();
            int listed = store.list(BuiltinResources.PODS, ListOptions.all()).items().size();
            samples[i] = System.nanoTime() - began;
            if (listed != count) {
                throw new IllegalStateException("listed " + listed + " pods, created " + count);
            }
        }
        Arrays.sort(samples);
        return samples[LISTS / 2];
    }

    private static long size(Path file) {
        try (Stream<Path> files = Files.list(file.getParent())) {
            String name = file.getFileName().toString();
            // The database and its WAL, whichever holds the rows right now.
            return files.filter(f -> f.getFileName().toString().startsWith(name)).mapToLong(f -> f.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
