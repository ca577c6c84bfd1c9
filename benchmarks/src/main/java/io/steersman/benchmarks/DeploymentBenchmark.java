package io.steersman.benchmarks;

import io.steersman.api.model.IntOrString;
import io.steersman.api.model.LabelSelector;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.apps.Deployment;
import io.steersman.api.model.apps.DeploymentSpec;
import io.steersman.api.model.apps.DeploymentStrategy;
import io.steersman.api.model.core.Container;
import io.steersman.api.model.core.Namespace;
import io.steersman.api.model.core.PodSpec;
import io.steersman.api.model.core.PodTemplateSpec;
import io.steersman.core.NotSettledException;
import io.steersman.core.queue.QueueMetrics;
import io.steersman.testing.ControlPlane;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Deployment controller under load, on one in-process control plane with the simulated node
 * agent (pods Ready as soon as they run), every controller driven by {@code settle()}:
 * <ol>
 *   <li>{@code deployments.*}: 100 Deployments of 1,000 replicas (100,000 pods), from create to
 *       every Deployment reporting all replicas available;</li>
 *   <li>{@code rollout.*}: one 10,000-replica Deployment (maxSurge 25%, maxUnavailable 25%) rolled
 *       to a new image until every pod runs it and all are available.</li>
 * </ol>
 * Prints one {@code name=value} line per figure. Arguments (optional): number of Deployments,
 * replicas each, replicas of the rollout Deployment, the mode: {@code deterministic} (the
 * default: {@code settle()} runs every controller on the benchmark's thread, manual clock) or
 * {@code workers} (the real-time mode the launcher runs: each controller on its own worker threads,
 * system clock, {@code settle()} waits for them), and {@code cold} (the default: the figures of a
 * fresh JVM, JIT compilation included) or {@code warm} (both workloads run first at a tenth of
 * their size on throwaway control planes, so the figures are those of compiled code).
 */
public final class DeploymentBenchmark {
    private static final String NS = "bench";

    private DeploymentBenchmark() {}

    public static void main(String[] args) {
        int deployments = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int replicas = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int rolloutReplicas = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        boolean workers = args.length > 3 && args[3].equals("workers");
        if (args.length > 3 && !workers && !args[3].equals("deterministic")) {
            throw new IllegalArgumentException("mode must be deterministic or workers: " + args[3]);
        }
        boolean warm = args.length > 4 && args[4].equals("warm");
        if (args.length > 4 && !warm && !args[4].equals("cold")) {
            throw new IllegalArgumentException("the last argument must be cold or warm: " + args[4]);
        }
        print("mode", workers ? "workers" : "deterministic");
        print("jvm", warm ? "warm" : "cold");
        print("java.version", System.getProperty("java.version"));
        print("cpus", Runtime.getRuntime().availableProcessors());
        print("heap.max.mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        if (warm) {
            warmUp(workers, Math.max(1, deployments / 10), replicas, Math.max(1, rolloutReplicas / 10));
        }

        try (ControlPlane cp = controlPlane(workers)) {
            cp.apply(Namespace.of(ObjectMeta.builder().name(NS).build(), null));
            settle(cp);
            resetPeaks();
            long start = System.nanoTime();
            long cpuStart = processCpuNanos();
            for (int i = 0; i < deployments; i++) {
                cp.client().create(deployment("web-" + i, replicas, "nginx:1.25"));
            }
            settle(cp);
            double seconds = (System.nanoTime() - start) / 1e9;
            int available = 0;
            for (Deployment d : cp.list(Deployment.class, NS)) {
                available += d.status().availableReplicasOrZero();
            }
            print("deployments.count", deployments);
            print("deployments.pods", deployments * replicas);
            print("deployments.available", available);
            print("deployments.seconds", String.format(Locale.ROOT, "%.2f", seconds));
            print("deployments.cpu_seconds", String.format(Locale.ROOT, "%.2f", (processCpuNanos() - cpuStart) / 1e9));
            print("deployments.pods_per_second", String.format(Locale.ROOT, "%.0f", available / seconds));
            print("deployments.heap.peak.mb", peakHeapMb());
            print("deployments.heap.after_gc.mb", usedAfterGcMb());
            printControllers("deployments", cp);
        }

        try (ControlPlane cp = controlPlane(workers)) {
            cp.apply(Namespace.of(ObjectMeta.builder().name(NS).build(), null));
            settle(cp);
            cp.client().create(deployment("big", rolloutReplicas, "nginx:1.25"));
            settle(cp);
            resetPeaks();
            long start = System.nanoTime();
            long cpuStart = processCpuNanos();
            Deployment d = cp.get(Deployment.class, NS, "big").orElseThrow();
            cp.client().update(d.withSpec(d.spec().withTemplate(template("big", "nginx:1.26"))));
            settle(cp);
            double seconds = (System.nanoTime() - start) / 1e9;
            d = cp.get(Deployment.class, NS, "big").orElseThrow();
            print("rollout.replicas", rolloutReplicas);
            print("rollout.updated", d.status().updatedReplicasOrZero());
            print("rollout.available", d.status().availableReplicasOrZero());
            print("rollout.total", d.status().replicasOrZero());
            print("rollout.seconds", String.format(Locale.ROOT, "%.2f", seconds));
            print("rollout.cpu_seconds", String.format(Locale.ROOT, "%.2f", (processCpuNanos() - cpuStart) / 1e9));
            print("rollout.heap.peak.mb", peakHeapMb());
            printControllers("rollout", cp);
        }
    }

    /** Both workloads at a smaller size, unmeasured, so that the JIT has compiled what they run. */
    private static void warmUp(boolean workers, int deployments, int replicas, int rolloutReplicas) {
        try (ControlPlane cp = controlPlane(workers)) {
            cp.apply(Namespace.of(ObjectMeta.builder().name(NS).build(), null));
            for (int i = 0; i < deployments; i++) {
                cp.client().create(deployment("warm-" + i, replicas, "nginx:1.25"));
            }
            settle(cp);
            cp.client().create(deployment("big", rolloutReplicas, "nginx:1.25"));
            settle(cp);
            Deployment d = cp.get(Deployment.class, NS, "big").orElseThrow();
            cp.client().update(d.withSpec(d.spec().withTemplate(template("big", "nginx:1.26"))));
            settle(cp);
        }
    }

    /**
     * Deterministic settle on the benchmark's thread with a manual clock that never moves, or
     * worker threads on the system clock (readiness is immediate either way), and a pod CIDR with
     * room for 100,000 pod IPs (the default /16 holds 65,536).
     */
    private static ControlPlane controlPlane(boolean workers) {
        ControlPlane.Builder builder = ControlPlane.builder().settleRounds(1_000_000)
                .setting("steersman.node.pod-cidr", "10.0.0.0/8");
        return (workers ? builder.systemClock() : builder.manualClock()).start();
    }

    /** In worker mode settle() gives up after 60 s of work; a big workload may take longer, so wait on. */
    private static void settle(ControlPlane cp) {
        for (int attempt = 1; ; attempt++) {
            try {
                cp.settle();
                return;
            } catch (NotSettledException busy) {
                if (attempt == 10) {
                    throw busy;
                }
            }
        }
    }

    private static Deployment deployment(String name, int replicas, String image) {
        DeploymentSpec spec = DeploymentSpec.of(replicas, LabelSelector.matchLabels(Map.of("app", name)), template(name, image))
                .withStrategy(DeploymentStrategy.rollingUpdate(IntOrString.of("25%"), IntOrString.of("25%")));
        return Deployment.of(ObjectMeta.named(NS, name), spec);
    }

    private static PodTemplateSpec template(String name, String image) {
        return PodTemplateSpec.of(ObjectMeta.builder().labels(Map.of("app", name)).build(),
                PodSpec.of(List.of(Container.of("web", image))));
    }

    /** CPU time of the whole process (all threads): on a shared machine, steadier than wall time. */
    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    /** The sum of the heap pools' peaks since the last reset (an upper bound of the peak heap). */
    private static long peakHeapMb() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / (1024 * 1024);
    }

    private static long usedAfterGcMb() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
    }

    /** Reconciles per controller, counted from the control plane's start. */
    private static void printControllers(String prefix, ControlPlane cp) {
        for (QueueMetrics m : cp.runtime().metrics()) {
            if (m.processed() > 0) {
                print(prefix + ".controller." + m.name() + ".reconciles", m.processed());
            }
        }
    }

    private static void print(String name, Object value) {
        System.out.println(name + "=" + value);
    }
}
