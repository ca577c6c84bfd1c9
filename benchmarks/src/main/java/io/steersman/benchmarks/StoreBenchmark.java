package io.steersman.benchmarks;

import io.steersman.api.controller.Clock;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.OwnerReference;
import io.steersman.api.model.Quantity;
import io.steersman.api.model.core.ConfigMap;
import io.steersman.api.model.core.Container;
import io.steersman.api.model.core.ContainerPort;
import io.steersman.api.model.core.ContainerState;
import io.steersman.api.model.core.ContainerStatus;
import io.steersman.api.model.core.Pod;
import io.steersman.api.model.core.PodCondition;
import io.steersman.api.model.core.PodIP;
import io.steersman.api.model.core.PodSpec;
import io.steersman.api.model.core.PodStatus;
import io.steersman.api.model.core.ResourceRequirements;
import io.steersman.api.resource.BuiltinResources;
import io.steersman.api.resource.ResourceType;
import io.steersman.core.backend.MemoryBackend;
import io.steersman.core.store.BackendStore;
import io.steersman.core.store.Watch;
import io.steersman.core.store.WatchEvent;
import io.steersman.core.store.WatchListener;
import io.steersman.core.store.WatchOptions;
import io.steersman.core.store.WriteOptions;
import java.lang.ref.Reference;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Measures the API store over the memory backend: writes per second (one and two threads, simple
 * ConfigMaps and controller-shaped pods, with a ConcurrentHashMap put as the peer), watch fan-out
 * latency to 1 and 100 watchers, and heap bytes per stored pod. Prints one {@code name=value} line
 * per figure. Run it as the benchmarks pom says (package, then java with target/classpath.txt);
 * arguments name the parts to run: {@code writes}, {@code watch}, {@code heap} (synthetic pods),
 * {@code system} (pods the control plane made: the headline heap figure); none runs them all.
 */
public final class StoreBenchmark {
    private static final Clock CLOCK = Clock.SYSTEM;
    private static final WriteOptions WRITE = WriteOptions.DEFAULT;

    private StoreBenchmark() {}

    public static void main(String[] args) throws Exception {
        // Arguments name the parts to run (writes, watch, heap, system); none runs them all.
        java.util.Set<String> parts = args.length == 0 ? java.util.Set.of("writes", "watch", "heap", "system") : java.util.Set.of(args);
        System.out.println("cpus=" + Runtime.getRuntime().availableProcessors());
        System.out.println("java=" + System.getProperty("java.version"));
        System.out.printf("load_average=%.1f%n", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        if (parts.contains("writes")) {
            writes("configmap", 300_000, StoreBenchmark::configMap, BuiltinResources.CONFIG_MAPS);
            writes("pod", 200_000, StoreBenchmark::pod, BuiltinResources.PODS);
            peer(300_000);
        }
        if (parts.contains("watch")) {
            watchLatency(1, 20_000);
            watchLatency(100, 3_000);
        }
        if (parts.contains("heap")) {
            heapPerPod(100_000);
        }
        if (parts.contains("system")) {
            heapPerSystemPod(20_000);
        }
    }

    // ---------------------------------------------------------------------------- writes

    private interface Factory<T> {
        T make(String namespace, int i);
    }

    private static <T extends io.steersman.api.model.ApiObject> void writes(String name, int count, Factory<T> factory, ResourceType<T> type)
            throws InterruptedException {
        for (int threads : new int[] {1, 2}) {
            // Warm up in a throw-away store, then measure in a fresh one.
            run(threads, count / 2, factory, type);
            Rate rate = run(threads, count, factory, type);
            System.out.printf("store_create_%s_writes_per_s_%dthread=%.0f%n", name, threads, rate.perSecond());
            System.out.printf("store_create_%s_writes_per_cpu_s_%dthread=%.0f%n", name, threads, rate.perCpuSecond());
        }
        for (int threads : new int[] {1, 2}) {
            Rate rate = runUpdates(threads, count, factory, type);
            System.out.printf("store_update_%s_writes_per_s_%dthread=%.0f%n", name, threads, rate.perSecond());
            System.out.printf("store_update_%s_writes_per_cpu_s_%dthread=%.0f%n", name, threads, rate.perCpuSecond());
        }
    }

    private static <T extends io.steersman.api.model.ApiObject> Rate run(int threads, int count, Factory<T> factory, ResourceType<T> type)
            throws InterruptedException {
        List<List<T>> batches = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            List<T> batch = new ArrayList<>(count / threads);
            for (int i = 0; i < count / threads; i++) {
                batch.add(factory.make("default", t * 10_000_000 + i));
            }
            batches.add(batch);
        }
        try (MemoryBackend backend = new MemoryBackend(); BackendStore store = new BackendStore(BuiltinResources.registry(), CLOCK, backend)) {
            return timed(threads, count, t -> {
                for (T object : batches.get(t)) {
                    store.create(type, object, WRITE);
                }
            });
        }
    }

    private static <T extends io.steersman.api.model.ApiObject> Rate runUpdates(int threads, int count, Factory<T> factory, ResourceType<T> type)
            throws InterruptedException {
        int objects = 1_000;
        try (MemoryBackend backend = new MemoryBackend(); BackendStore store = new BackendStore(BuiltinResources.registry(), CLOCK, backend)) {
            List<List<T>> owned = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                List<T> mine = new ArrayList<>();
                for (int i = 0; i < objects; i++) {
                    mine.add(store.create(type, factory.make("default", t * 10_000_000 + i), WRITE));
                }
                owned.add(mine);
            }
            IntConsumer work = t -> {
                List<T> mine = owned.get(t);
                for (int i = 0; i < count / threads; i++) {
                    int at = i % objects;
                    T current = mine.get(at);
                    T changed = type.cast(current.withMetadata(current.metadata().withAnnotation("n", Integer.toString(i))));
                    mine.set(at, store.update(type, changed, WRITE));
                }
            };
            timed(threads, count / 4, work);
            return timed(threads, count, work);
        }
    }

    /**
     * Operations per second of wall time, and per second of CPU time of the working threads (what a
     * machine shared with other work still shows: the figure for an idle machine, GC aside).
     */
    record Rate(double perSecond, double perCpuSecond) {}

    /** Runs {@code work} on {@code threads} threads. */
    private static Rate timed(int threads, int operations, IntConsumer work) throws InterruptedException {
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        java.util.concurrent.atomic.AtomicLong cpuNanos = new java.util.concurrent.atomic.AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int index = t;
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                long before = cpu.getCurrentThreadCpuTime();
                work.accept(index);
                cpuNanos.addAndGet(cpu.getCurrentThreadCpuTime() - before);
            });
            thread.start();
            running.add(thread);
        }
        long began = System.nanoTime();
        start.countDown();
        for (Thread thread : running) {
            thread.join();
        }
        double wall = operations / ((System.nanoTime() - began) / 1e9);
        return new Rate(wall, operations / (cpuNanos.get() / 1e9));
    }

    private static void peer(int count) throws InterruptedException {
        for (int threads : new int[] {1, 2}) {
            Rate best = null;
            for (int round = 0; round < 2; round++) {
                ConcurrentHashMap<String, ConfigMap> map = new ConcurrentHashMap<>();
                List<List<ConfigMap>> batches = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    List<ConfigMap> batch = new ArrayList<>();
                    for (int i = 0; i < count / threads; i++) {
                        batch.add(configMap("default", t * 10_000_000 + i));
                    }
                    batches.add(batch);
                }
                best = timed(threads, count, t -> {
                    for (ConfigMap cm : batches.get(t)) {
                        map.put("/registry/core/configmaps/" + cm.metadata().namespace() + "/" + cm.metadata().name(), cm);
                    }
                });
            }
            System.out.printf("peer_concurrenthashmap_put_per_s_%dthread=%.0f%n", threads, best.perSecond());
            System.out.printf("peer_concurrenthashmap_put_per_cpu_s_%dthread=%.0f%n", threads, best.perCpuSecond());
        }
    }

    // ---------------------------------------------------------------------------- watch

    private static void watchLatency(int watchers, int writes) throws InterruptedException {
        try (MemoryBackend backend = new MemoryBackend(); BackendStore store = new BackendStore(BuiltinResources.registry(), CLOCK, backend)) {
            long[] samples = new long[watchers * writes];
            AtomicInteger next = new AtomicInteger();
            AtomicInteger[] pending = {new AtomicInteger()};
            CountDownLatch[] done = {new CountDownLatch(0)};
            long[] sentAt = {0};
            boolean[] recording = {false};
            List<Watch> watches = new ArrayList<>();
            String from = Long.toString(store.currentRevision());
            for (int w = 0; w < watchers; w++) {
                watches.add(store.watch(BuiltinResources.CONFIG_MAPS, new WatchOptions("default", null, null, from, false),
                        new WatchListener<>() {
                            @Override
                            public void onEvent(WatchEvent<ConfigMap> event) {
                                long latency = System.nanoTime() - sentAt[0];
                                if (recording[0]) {
                                    samples[next.getAndIncrement()] = latency;
                                }
                                if (pending[0].decrementAndGet() == 0) {
                                    done[0].countDown();
                                }
                            }

                            @Override
                            public void onClose(RuntimeException cause) {
                            }
                        }));
            }
            int warmup = Math.min(2_000, writes);
            for (int i = 0; i < warmup + writes; i++) {
                recording[0] = i >= warmup;
                pending[0] = new AtomicInteger(watchers);
                done[0] = new CountDownLatch(1);
                ConfigMap cm = configMap("default", i);
                sentAt[0] = System.nanoTime();
                store.create(BuiltinResources.CONFIG_MAPS, cm, WRITE);
                if (!done[0].await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("watchers did not receive write " + i);
                }
            }
            watches.forEach(Watch::close);
            long[] recorded = Arrays.copyOf(samples, next.get());
            Arrays.sort(recorded);
            System.out.printf("watch_fanout_%dwatchers_p50_us=%.1f%n", watchers, recorded[recorded.length / 2] / 1e3);
            System.out.printf("watch_fanout_%dwatchers_p99_us=%.1f%n", watchers, recorded[(int) (recorded.length * 0.99)] / 1e3);
            System.out.printf("watch_fanout_%dwatchers_max_us=%.1f%n", watchers, recorded[recorded.length - 1] / 1e3);
        }
    }

    // ---------------------------------------------------------------------------- memory

    /**
     * Heap per stored pod: 100,000 Running pods written as a node agent leaves them (create, then
     * a status update), measured after GC; the pod objects alone in an array are the peer. "decoded"
     * pods share no string (as pods decoded from JSON); "template" pods share their spec with the
     * ReplicaSet template, as pods a controller in this JVM makes.
     */
    private static void heapPerPod(int count) throws InterruptedException {
        // The template of a stored ReplicaSet is defaulted already, as the store defaulted it.
        PodSpec template = BuiltinResources.PODS.defaulter().apply(pod("default", 0)).spec();
        PodMaker decoded = i -> pod("default", i);
        PodMaker fromTemplate = i -> Pod.of(pod("default", i).metadata(), template);
        alone("decoded", count, decoded);
        alone("template", count, fromTemplate);
        storedPods("decoded", count, decoded);
        storedPods("template", count, fromTemplate);
    }

    /**
     * Heap per stored pod for pods the control plane itself made (the headline figure): a
     * Deployment of {@code count} replicas run to Available by the built-in controllers, scheduler
     * and node agent (manual clock), its pods taken from the store, the control plane closed, and
     * the pods written into a fresh store as they got there (created by their controller, then
     * their status by the node agent). What the pods share with one another (the template's
     * labels, a defaulted spec) they share as the control plane made them, no more.
     */
    private static void heapPerSystemPod(int count) throws InterruptedException {
        Pod[] pods = SystemPods.make(count).toArray(new Pod[0]);
        long withPods = usedHeap();
        long[] stored = storeAndDrop(pods);
        // Measured here, where no local of storeAndDrop's frame can keep the store reachable.
        long empty = usedHeap();
        System.out.printf("heap_bytes_per_pod_system_with_history=%d%n", (stored[0] - empty) / count);
        System.out.printf("heap_bytes_per_pod_system_after_compaction=%d%n", (stored[1] - empty) / count);
        System.out.printf("peer_heap_bytes_per_pod_system_in_array=%d%n", (withPods - empty) / count);
    }

    /**
     * Writes {@code pods} into a fresh store as they got there (created, then their status), drops
     * them from the array, and returns the heap used with the store's history and after compaction.
     */
    private static long[] storeAndDrop(Pod[] pods) throws InterruptedException {
        try (MemoryBackend backend = new MemoryBackend(); BackendStore store = new BackendStore(BuiltinResources.registry(), CLOCK, backend)) {
            store.create(BuiltinResources.NAMESPACES, SystemPods.namespace(), WRITE);
            for (int i = 0; i < pods.length; i++) {
                Pod pod = pods[i];
                Pod created = store.create(BuiltinResources.PODS, SystemPods.asCreated(pod), WRITE);
                store.updateStatus(BuiltinResources.PODS, created.withStatus(pod.status()), WRITE);
                pods[i] = null;
            }
            long withHistory = usedHeap();
            backend.compact(backend.currentRevision());
            return new long[] {withHistory, usedHeap()};
        }
    }

    /** The peer: the same Running pods, defaulted as the store defaults them (kept when unchanged), in an array. */
    private static void alone(String name, int count, PodMaker maker) throws InterruptedException {
        long before = usedHeap();
        Pod[] pods = new Pod[count];
        for (int i = 0; i < count; i++) {
            Pod made = maker.make(i);
            Pod defaulted = BuiltinResources.PODS.defaulter().apply(made);
            pods[i] = (defaulted.equals(made) ? made : defaulted).withStatus(runningStatus(i));
        }
        long after = usedHeap();
        System.out.printf("peer_heap_bytes_per_pod_%s_in_array=%d%n", name, (after - before) / count);
        Reference.reachabilityFence(pods);
    }

    private interface PodMaker {
        Pod make(int i);
    }

    private static void storedPods(String name, int count, PodMaker maker) throws InterruptedException {
        try (MemoryBackend backend = new MemoryBackend(); BackendStore store = new BackendStore(BuiltinResources.registry(), CLOCK, backend)) {
            long before = usedHeap();
            for (int i = 0; i < count; i++) {
                Pod created = store.create(BuiltinResources.PODS, maker.make(i), WRITE);
                store.updateStatus(BuiltinResources.PODS, created.withStatus(runningStatus(i)), WRITE);
            }
            long withHistory = usedHeap();
            System.out.printf("heap_bytes_per_pod_%s_with_history=%d%n", name, (withHistory - before) / count);
            backend.compact(backend.currentRevision());
            long compacted = usedHeap();
            System.out.printf("heap_bytes_per_pod_%s_after_compaction=%d%n", name, (compacted - before) / count);
        }
    }

    private static long usedHeap() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }

    // ---------------------------------------------------------------------------- objects

    /** A copy, as a decoder makes one: no string is shared between objects. */
    private static String s(String value) {
        return new String(value.toCharArray());
    }

    public static ConfigMap configMap(String namespace, int i) {
        return ConfigMap.of(ObjectMeta.named(namespace, "cm-" + i), Map.of(s("key"), s("value-" + i)));
    }

    /** A pod as a ReplicaSet controller makes it, every string its own copy. */
    public static Pod pod(String namespace, int i) {
        String hash = s("7d4b9c8f5d");
        ObjectMeta meta = ObjectMeta.builder()
                .namespace(s(namespace))
                .name("web-" + hash + "-" + Integer.toString(i, 36))
                .generateName(s("web-7d4b9c8f5d-"))
                .labels(Map.of(s("app"), s("web"), s("pod-template-hash"), hash))
                .ownerReferences(List.of(new OwnerReference(s("apps/v1"), s("ReplicaSet"), s("web-7d4b9c8f5d"),
                        s("0b6e7f7a-1c1d-4a55-9a3c-5f0c2f4f2a11"), true, true, null)))
                .build();
        Container container = new Container(s("web"), s("nginx:1.27.3"), s("IfNotPresent"), null, null,
                List.of(ContainerPort.of(s("http"), 80)), null,
                ResourceRequirements.requests(Map.of(s("cpu"), Quantity.of(s("100m")), s("memory"), Quantity.of(s("128Mi")))),
                null, null, null, null, null);
        PodSpec spec = new PodSpec(null, null, List.of(container), s("Always"), 30L, s("ClusterFirst"), s("default"),
                s("node-1"), null, null, s("default-scheduler"), null, null);
        return Pod.of(meta, spec);
    }

    public static PodStatus runningStatus(int i) {
        Instant started = Instant.parse("2026-11-26T00:00:00Z").plusSeconds(i);
        String ip = "10.244." + (i / 250) % 256 + "." + (i % 250 + 1);
        List<PodCondition> conditions = List.of(
                PodCondition.of(s("Initialized"), true, started),
                PodCondition.of(s("Ready"), true, started),
                PodCondition.of(s("ContainersReady"), true, started),
                PodCondition.of(s("PodScheduled"), true, started));
        ContainerStatus container = new ContainerStatus(s("web"), ContainerState.running(started), null, true, 0,
                s("nginx:1.27.3"), s("docker.io/library/nginx@sha256:0a3c"), s("containerd://" + Integer.toHexString(i)), true, null);
        return new PodStatus(s("Running"), conditions, null, null, null, s("172.18.0.2"), List.of(PodIP.of(s("172.18.0.2"))),
                ip, List.of(PodIP.of(ip)), started, null, List.of(container), null);
    }
}
