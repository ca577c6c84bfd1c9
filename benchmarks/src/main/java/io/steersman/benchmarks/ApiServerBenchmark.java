package io.steersman.benchmarks;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.steersman.api.controller.Clock;
import io.steersman.api.resource.BuiltinResources;
import io.steersman.api.resource.ResourceRegistry;
import io.steersman.apiserver.ApiServer;
import io.steersman.apiserver.ServerCertificates;
import io.steersman.core.backend.MemoryBackend;
import io.steersman.core.store.BackendStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The API server as Java users meet it: the fabric8 client over HTTPS with a bearer token, against
 * Steersman (store and API server, no controllers) and against fabric8's own mock server in CRUD
 * mode, started in the same run. Prints one {@code name=value} line per figure:
 * <ul>
 *   <li>{@code <server>.create_pods_per_s.<threads>t}: 10,000 pods created with 1 and 8 threads;</li>
 *   <li>{@code <server>.list_10000_pods_ms.{best,median}}: one list of the 10,000 pods;</li>
 *   <li>{@code <server>.watch_latency_ms.<watchers>w.{p50,p99}}: from sending a create to each
 *       watcher receiving its ADDED event, one event in flight at a time, 1 and 100 watchers, each
 *       watcher with its own fabric8 client (as separate processes would have);
 *       {@code <server>.watch_latency_ms.<watchers>w_1client.{p50,p99}}: the same with all the watches
 *       opened on one client (as one process watching many times would have);</li>
 *   <li>{@code <server>.list_cpu_ms.<pods>_pods.server/rest} (per list, in milliseconds),
 *       {@code <server>.create_cpu_us_per_pod.1t.server/rest} and
 *       {@code <server>.watch_cpu_us_per_delivery.<watchers>w.server/rest}: CPU microseconds per pod
 *       created and per event delivered to one watcher, spent by the server's threads and by the rest
 *       of the process (the fabric8 clients, GC, JIT), as {@code server/rest};</li>
 *   <li>{@code floor.create_pods_per_s.<threads>t}: the same creates against a server that does no
 *       work ({@link CannedServer}): the most the client reaches on this machine.</li>
 * </ul>
 * Every client of a run uses the same fabric8 HTTP client implementation ({@link HttpClients}),
 * chosen with {@code --http-client=NAME} (default {@value #DEFAULT_HTTP_CLIENT}) and printed as
 * {@code http_client}: comparing servers through different clients would measure the clients.
 * Where the client's threads cannot be told from the server's by name (the Vert.x client against
 * the mock server, both on {@code vert.x-*} threads), the CPU figures say {@code all} instead of
 * {@code server/rest}.
 * Before its figures each server gets the same warm-up: {@value #WARM_UP} pods created and deleted
 * at once, so the client and the JVM are equally warm for both servers (the server measured second
 * would otherwise have a client warmed by the first run) and both stores are empty again (the mock
 * server's creates slow down with every object it holds); the measured lists follow
 * {@value #LIST_WARM_UP} unmeasured ones. Each watch run likewise sends
 * {@value #WATCH_WARM_UP_DELIVERIES} deliveries (at least {@value #WATCH_WARM_UP_EVENTS_MIN} events) through its watches,
 * then collects garbage, before the {@value #WATCH_EVENTS} events it measures.
 * Arguments: the number of pods (default 10,000) and of watchers in the second watch run (default 100),
 * and {@code --http-client=jdk|okhttp|vertx5} anywhere.
 * Run: {@code mvn -B -q -pl benchmarks -am -DskipTests package} then
 * {@code java -Xmx3g -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" io.steersman.benchmarks.ApiServerBenchmark [--http-client=okhttp] [pods watchers]}.
 */
public final class ApiServerBenchmark {
    /** Measured events per watch run: with 1,000 the p99 is the tenth-worst event, not the second-worst. */
    private static final int WATCH_EVENTS = 1_000;
    /**
     * Deliveries sent through each new set of watches before measuring (at least
     * {@value #WATCH_WARM_UP_EVENTS_MIN} events): the JIT keeps compiling the watch path on both
     * sides (ConfigMap creates, watch encoding, the client's decoding and dispatch) for thousands of
     * events, and its compilations on the two cores decide the tail. With one watcher, the p99 of
     * successive rounds of 1,000 events fell from 6.4 ms to 0.5-1.5 ms after about 5,000 events
     * (BENCHMARKS.md). The runs with many watchers follow the one-watcher run in the same JVM.
     */
    private static final int WATCH_WARM_UP_DELIVERIES = 5_000;
    private static final int WATCH_WARM_UP_EVENTS_MIN = 200;
    /**
     * Pods created and deleted before measuring. The JIT keeps compiling the client's and the
     * server's code for about 40,000 requests: one thread's creates against Steersman ran at about
     * 800, 1,800, 2,200, 2,500 and 2,800 pods/s in successive rounds of 10,000 (BENCHMARKS.md), so
     * a shorter warm-up measures the compiler rather than either server.
     */
    static final int WARM_UP = 20_000;
    /** Lists of the 10,000 pods sent before the measured ones, for the same reason (decoding 7 MB runs cold code). */
    private static final int LIST_WARM_UP = 10;
    /** The fastest implementation measured on this machine (BENCHMARKS.md). */
    static final String DEFAULT_HTTP_CLIENT = "okhttp";

    private ApiServerBenchmark() {}

    public static void main(String[] args) throws Exception {
        String httpClientName = DEFAULT_HTTP_CLIENT;
        List<String> numbers = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--http-client=")) {
                httpClientName = arg.substring("--http-client=".length());
            } else {
                numbers.add(arg);
            }
        }
        HttpClients httpClients = HttpClients.named(httpClientName);
        HttpClient.Factory factory = httpClients.factory();
        int pods = numbers.size() > 0 ? Integer.parseInt(numbers.get(0)) : 10_000;
        int manyWatchers = numbers.size() > 1 ? Integer.parseInt(numbers.get(1)) : 100;
        System.out.println("http_client=" + httpClients.label());
        System.out.println("pods=" + pods);
        System.out.println("watchers=" + manyWatchers);
        ResourceRegistry registry = BuiltinResources.registry();
        ServerCertificates certificates = ServerCertificates.generate();
        try (BackendStore store = new BackendStore(registry, Clock.SYSTEM, new MemoryBackend());
                ApiServer server = ApiServer.builder(store, registry).port(0).tls(certificates).token("bench-token").build().start()) {
            Config config = config(server.url().toString(), certificates);
            run("steersman", "steersman-", () -> new KubernetesClientBuilder().withConfig(config).withHttpClientFactory(factory).build(),
                    pods, manyWatchers);
        }
        KubernetesMockServer mock = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), true);
        mock.init();
        try {
            // The mock's own client settings (trusting its self-signed certificate, HTTP/1.1), with the
            // same concurrency limits as the other servers' clients and the run's HTTP client.
            Config mockConfig;
            try (KubernetesClient probe = mock.createClient(factory)) {
                mockConfig = new ConfigBuilder(probe.getConfiguration())
                        .withMaxConcurrentRequests(256)
                        .withMaxConcurrentRequestsPerHost(256)
                        .build();
            }
            // The Vert.x client's threads are vert.x-* like the mock's: no server/rest split then.
            String mockThreads = httpClients == HttpClients.VERTX5 ? null : "vert.x-";
            run("mock", mockThreads, () -> mock.createClient(builder -> builder.withConfig(mockConfig).withHttpClientFactory(factory)),
                    pods, manyWatchers);
        } finally {
            mock.destroy();
        }
        try (CannedServer canned = new CannedServer(certificates);
                KubernetesClient client = new KubernetesClientBuilder().withConfig(config(canned.url().toString(), certificates))
                        .withHttpClientFactory(factory).build()) {
            for (int i = 0; i < 2 * WARM_UP; i++) {
                client.pods().inNamespace("warm-up").resource(pod("warm-up", "w-" + i)).create();
            }
            report("floor.create_pods_per_s.1t", createPods(client, "bench-1", pods, 1));
            report("floor.create_pods_per_s.8t", createPods(client, "bench-8", pods, 8));
        }
    }

    static Config config(String url, ServerCertificates certificates) {
        return new ConfigBuilder(Config.empty())
                .withMasterUrl(url)
                .withOauthToken("bench-token")
                .withCaCertData(Base64.getEncoder().encodeToString(certificates.caCertificatePem().getBytes(StandardCharsets.US_ASCII)))
                .withMaxConcurrentRequests(256)
                .withMaxConcurrentRequestsPerHost(256)
                .build();
    }

    interface Clients {
        KubernetesClient open();
    }

    private static void run(String name, String serverThreads, Clients clients, int pods, int manyWatchers) throws Exception {
        try (KubernetesClient client = clients.open()) {
            for (String ns : List.of("bench-1", "bench-8", "watch-1", "watch-many", "watch-shared")) {
                client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).create();
            }
            warmUp(name, client);
            CpuMeter cpu = CpuMeter.start(serverThreads);
            report(name + ".create_pods_per_s.1t", createPods(client, "bench-1", pods, 1));
            System.out.println(name + ".create_cpu_us_per_pod.1t." + cpu.stop().perUnit(pods));
            report(name + ".create_pods_per_s.8t", createPods(client, "bench-8", pods, 8));
            for (int i = 0; i < LIST_WARM_UP; i++) {
                client.pods().inNamespace("bench-1").list();
            }
            double[] lists = new double[10];
            CpuMeter listCpu = CpuMeter.start(serverThreads);
            for (int i = 0; i < lists.length; i++) {
                long start = System.nanoTime();
                int count = client.pods().inNamespace("bench-1").list().getItems().size();
                lists[i] = (System.nanoTime() - start) / 1e6;
                if (count != pods) {
                    throw new IllegalStateException(name + ": listed " + count + " pods, expected " + pods);
                }
            }
            System.out.println(name + ".list_cpu_ms." + pods + "_pods." + listCpu.stop().perUnit(1000L * lists.length));
            Arrays.sort(lists);
            report(name + ".list_" + pods + "_pods_ms.best", lists[0]);
            report(name + ".list_" + pods + "_pods_ms.median", lists[lists.length / 2]);
            watchLatency(name, serverThreads, clients, client, "watch-1", 1, true);
            watchLatency(name, serverThreads, clients, client, "watch-many", manyWatchers, true);
            watchLatency(name, serverThreads, clients, client, "watch-shared", manyWatchers, false);
        }
    }

    /** Creates and deletes {@link #WARM_UP} pods, then lists the empty namespace: the store ends as it began. */
    private static void warmUp(String name, KubernetesClient client) {
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("warm-up").endMetadata().build()).create();
        for (int i = 0; i < WARM_UP; i++) {
            client.pods().inNamespace("warm-up").resource(pod("warm-up", "w-" + i)).create();
            client.pods().inNamespace("warm-up").withName("w-" + i).withGracePeriod(0).delete();
        }
        for (int i = 0; i < 50; i++) {
            int left = client.pods().inNamespace("warm-up").list().getItems().size();
            if (left != 0) {
                throw new IllegalStateException(name + ": " + left + " warm-up pods are left");
            }
        }
    }

    static Pod pod(String namespace, String name) {
        return new PodBuilder().withNewMetadata().withName(name).withNamespace(namespace).addToLabels("app", "bench").endMetadata()
                .withNewSpec().addNewContainer().withName("nginx").withImage("nginx:1.27").addNewPort().withContainerPort(80).endPort()
                .endContainer().endSpec().build();
    }

    private static double createPods(KubernetesClient client, String namespace, int pods, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                futures.add(pool.submit(() -> {
                    for (int i = first; i < pods; i += threads) {
                        client.pods().inNamespace(namespace).resource(pod(namespace, "pod-" + i)).create();
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            return pods / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    /**
     * Measures watch latency with {@code watchers} watches, each on its own client when
     * {@code clientPerWatcher}, else all on one client (figures suffixed {@code _1client}).
     */
    private static void watchLatency(String name, String serverThreads, Clients clients, KubernetesClient writer, String namespace, int watchers,
            boolean clientPerWatcher) throws Exception {
        String figure = name + ".watch_latency_ms." + watchers + "w" + (clientPerWatcher ? "" : "_1client");
        Map<String, Long> sent = new ConcurrentHashMap<>();
        long[] samples = new long[WATCH_EVENTS * watchers];
        int[] next = {0};
        CountDownLatch[] delivered = new CountDownLatch[1];
        List<KubernetesClient> watchClients = new ArrayList<>();
        List<Watch> watches = new ArrayList<>();
        try {
            for (int w = 0; w < watchers; w++) {
                if (clientPerWatcher || watchClients.isEmpty()) {
                    watchClients.add(clients.open());
                }
                KubernetesClient client = watchClients.get(watchClients.size() - 1);
                watches.add(client.configMaps().inNamespace(namespace).watch(new Watcher<ConfigMap>() {
                    @Override
                    public void eventReceived(Action action, ConfigMap resource) {
                        long now = System.nanoTime();
                        if (action != Action.ADDED) {
                            return;
                        }
                        Long at = sent.get(resource.getMetadata().getName());
                        if (at != null) {
                            synchronized (samples) {
                                if (next[0] < samples.length) {
                                    samples[next[0]++] = now - at;
                                }
                            }
                            delivered[0].countDown();
                        }
                    }

                    @Override
                    public void onClose(WatcherException cause) {
                    }
                }));
            }
            int warmUpEvents = Math.max(WATCH_WARM_UP_EVENTS_MIN, WATCH_WARM_UP_DELIVERIES / watchers);
            for (int i = 0; i < warmUpEvents; i++) {
                sendAndAwait(name, writer, namespace, "warm-" + i, watchers, sent, delivered);
            }
            synchronized (samples) {
                next[0] = 0;
            }
            // The garbage of opening up to 100 clients would otherwise be copied by the first young
            // collections of the measured events, one pause landing on every watcher of an event.
            System.gc();
            CpuMeter cpu = CpuMeter.start(serverThreads);
            for (int i = 0; i < WATCH_EVENTS; i++) {
                sendAndAwait(name, writer, namespace, "cm-" + i, watchers, sent, delivered);
            }
            System.out.println(name + ".watch_cpu_us_per_delivery." + watchers + "w" + (clientPerWatcher ? "" : "_1client") + "."
                    + cpu.stop().perUnit((long) WATCH_EVENTS * watchers));
        } finally {
            watches.forEach(Watch::close);
            watchClients.forEach(KubernetesClient::close);
        }
        long[] sorted = Arrays.copyOf(samples, next[0]);
        Arrays.sort(sorted);
        report(figure + ".p50", sorted[sorted.length / 2] / 1e6);
        report(figure + ".p99", sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6);
    }

    /** Creates ConfigMap {@code cm} and waits until every watcher has seen it. */
    private static void sendAndAwait(String name, KubernetesClient writer, String namespace, String cm, int watchers,
            Map<String, Long> sent, CountDownLatch[] delivered) throws InterruptedException {
        delivered[0] = new CountDownLatch(watchers);
        sent.put(cm, System.nanoTime());
        writer.configMaps().inNamespace(namespace).resource(new ConfigMapBuilder().withNewMetadata().withName(cm).endMetadata()
                .addToData("k", "v").build()).create();
        if (!delivered[0].await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + ": " + cm + " did not reach all " + watchers + " watchers");
        }
    }

    private static void report(String key, double value) {
        System.out.printf("%s=%.3f%n", key, value);
    }
}
