package io.steersman.benchmarks;

import io.steersman.api.controller.Clock;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.apps.Deployment;
import io.steersman.api.model.core.Container;
import io.steersman.api.model.core.Pod;
import io.steersman.api.model.core.PodSpec;
import io.steersman.api.resource.BuiltinResources;
import io.steersman.api.selector.Selector;
import io.steersman.core.ControlPlaneRuntime;
import io.steersman.core.informer.SharedInformer;
import io.steersman.core.informer.SharedInformers;
import io.steersman.core.queue.MaxOfRateLimiter;
import io.steersman.core.queue.WorkQueue;
import io.steersman.core.store.ListOptions;
import io.steersman.core.store.WriteOptions;
import io.steersman.testing.ControlPlane;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Measures the control loop: work-queue operations per second, a label-selector list from an
 * informer cache of 100,000 pods with and without an index to narrow it (and the store's own list
 * of them, which the informer's first list includes), how long a test's
 * ControlPlane takes to start and close, and how long settle() takes to roll out a Deployment of
 * 100 replicas (ReplicaSet, pods, node agent). Prints one {@code name=value} line per figure. Run
 * as the benchmarks pom says, with {@code io.steersman.benchmarks.ControlLoopBenchmark}.
 */
public final class ControlLoopBenchmark {
    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              replicas: 100
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers:
                  - {name: nginx, image: "nginx:1.27"}
            """;

    private ControlLoopBenchmark() {}

    public static void main(String[] args) throws Exception {
        System.out.println("cpus=" + Runtime.getRuntime().availableProcessors());
        System.out.println("java=" + System.getProperty("java.version"));
        queue(2_000_000);
        if (args.length > 0 && args[0].equals("informers")) {
            informerLists(100, 1_000);
            return;
        }
        informerLists(100, 1_000);
        controlPlaneStart(30);
        deploymentRollout(10);
    }

    /** add + poll + done + forget on one thread, over 10,000 keys. */
    private static void queue(int operations) {
        WorkQueue<Integer> queue = new WorkQueue<>("bench", Clock.SYSTEM, MaxOfRateLimiter.defaultControllerRateLimiter(Clock.SYSTEM));
        for (int round = 0; round < 2; round++) { // the first round warms up
            long start = System.nanoTime();
            for (int i = 0; i < operations; i++) {
                queue.add(i % 10_000);
                Integer key = queue.poll();
                queue.done(key);
                queue.forget(key);
            }
            long nanos = System.nanoTime() - start;
            if (round == 1) {
                System.out.printf("queue_add_poll_done_per_s=%.0f%n", operations / (nanos / 1e9));
            }
        }
    }

    /** {@code sets} label sets of {@code perSet} pods each; lists one set through the index and through a scan. */
    private static void informerLists(int sets, int perSet) throws Exception {
        try (ControlPlaneRuntime runtime = ControlPlaneRuntime.builder().plugins(List.of()).systemPlugins(false).start()) {
            for (int s = 0; s < sets; s++) {
                for (int p = 0; p < perSet; p++) {
                    Map<String, String> labels = Map.of("app", "app-" + s, "pod-template-hash", "h" + s);
                    Pod pod = Pod.of(ObjectMeta.named("default", "pod-" + s + "-" + p).withLabels(labels),
                            PodSpec.of(List.of(Container.of("c", "nginx:1.27"))));
                    runtime.store().create(BuiltinResources.PODS, pod, WriteOptions.DEFAULT);
                }
            }
            for (int i = 0; i < 3; i++) {
                long startStoreList = System.nanoTime();
                int listed = runtime.store().list(BuiltinResources.PODS, ListOptions.all()).items().size();
                check(listed == sets * perSet, "the store lost pods");
                if (i == 2) {
                    System.out.printf("store_list_%d_pods_ms=%.1f%n", listed, (System.nanoTime() - startStoreList) / 1e6);
                }
            }
            for (int i = 0; i < 2; i++) { // the first fill warms up
                try (SharedInformers warmUp = new SharedInformers(runtime.store(), runtime.registry())) {
                    warmUp.forType(BuiltinResources.PODS).start();
                }
            }
            SharedInformer<Pod> pods = runtime.informers().forType(BuiltinResources.PODS);
            long startList = System.nanoTime();
            pods.start();
            System.out.printf("informer_initial_list_%d_pods_ms=%.1f%n", sets * perSet, (System.nanoTime() - startList) / 1e6);
            Selector indexed = Selector.parse("app=app-42,pod-template-hash=h42");
            // The same selection without requirements the index can use: what a cache without indexes does.
            Selector scanned = new Selector() {
                @Override
                public boolean matches(Map<String, String> labels) {
                    return indexed.matches(labels);
                }

                @Override
                public boolean isEverything() {
                    return false;
                }

                @Override
                public String toString() {
                    return indexed.toString();
                }
            };
            System.out.printf("informer_list_indexed_us=%.1f%n", timeList(pods, indexed, perSet, 2_000));
            System.out.printf("informer_list_full_scan_us=%.1f%n", timeList(pods, scanned, perSet, 50));
        }
    }

    private static double timeList(SharedInformer<Pod> pods, Selector selector, int expected, int repeats) {
        for (int i = 0; i < repeats; i++) {
            check(pods.list("default", selector).size() == expected, "list returned the wrong pods");
        }
        long start = System.nanoTime();
        for (int i = 0; i < repeats; i++) {
            pods.list("default", selector);
        }
        return (System.nanoTime() - start) / 1e3 / repeats;
    }

    /** ControlPlane.builder().start(), settle(), close(), with every plugin on the class path; the median of warm runs. */
    private static void controlPlaneStart(int runs) {
        double[] millis = new double[runs];
        for (int i = -5; i < runs; i++) {
            long start = System.nanoTime();
            try (ControlPlane cp = ControlPlane.builder().start()) {
                cp.settle();
            }
            if (i >= 0) {
                millis[i] = (System.nanoTime() - start) / 1e6;
            }
        }
        System.out.printf("controlplane_start_settle_close_ms_median=%.1f%n", median(millis));
    }

    /** A Deployment of 100 replicas applied and settled until every pod is ready; the median of warm runs. */
    private static void deploymentRollout(int runs) {
        double[] millis = new double[runs];
        for (int i = -3; i < runs; i++) {
            try (ControlPlane cp = ControlPlane.builder().start()) {
                cp.settle();
                long start = System.nanoTime();
                cp.apply(DEPLOYMENT);
                cp.settle();
                double elapsed = (System.nanoTime() - start) / 1e6;
                Deployment web = cp.get(Deployment.class, "default", "web").orElseThrow();
                check(web.status() != null && Integer.valueOf(100).equals(web.status().readyReplicas()), "the rollout did not finish");
                if (i >= 0) {
                    millis[i] = elapsed;
                }
            }
        }
        System.out.printf("deployment_100_replicas_apply_settle_ms_median=%.1f%n", median(millis));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
