package io.steersman.benchmarks;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.steersman.api.controller.Clock;
import io.steersman.api.resource.BuiltinResources;
import io.steersman.api.resource.ResourceRegistry;
import io.steersman.apiserver.ApiServer;
import io.steersman.apiserver.ServerCertificates;
import io.steersman.core.backend.MemoryBackend;
import io.steersman.core.store.BackendStore;

/**
 * One thread's pod creates through the fabric8 client, in rounds, against Steersman's API server and
 * against {@link CannedServer} (Jetty over the same TLS answering at once) in turn, in one JVM: each
 * round creates {@code pods} pods on each, so the two figures of a round share the machine's load
 * of that moment, and their difference is what the server's work costs a client that waits for each
 * answer. Per round it prints creates/s for both, and the CPU per create split as {@code server/rest}:
 * the server's threads (Steersman's {@code steersman-*}, the canned server's Jetty {@code qtp*}), then
 * the client, GC and JIT; the difference of the server figures is what Steersman's handler costs. The first
 * rounds run while the JIT still compiles (about 40,000 requests, see {@link ApiServerBenchmark#WARM_UP}):
 * read the later ones.
 *
 * <p>Arguments: rounds (default 8), pods per round and server (default 10,000), and
 * {@code --http-client=jdk|okhttp|vertx5} anywhere (default okhttp).
 * Run: {@code mvn -B -q -pl benchmarks -am -DskipTests package} then
 * {@code java -Xmx3g -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" io.steersman.benchmarks.CreateBenchmark [rounds pods]}.
 */
public final class CreateBenchmark {
    private CreateBenchmark() {}

    public static void main(String[] args) throws Exception {
        String httpClientName = ApiServerBenchmark.DEFAULT_HTTP_CLIENT;
        int[] numbers = {8, 10_000};
        int given = 0;
        for (String arg : args) {
            if (arg.startsWith("--http-client=")) {
                httpClientName = arg.substring("--http-client=".length());
            } else if (given < numbers.length) {
                numbers[given++] = Integer.parseInt(arg);
            }
        }
        HttpClients httpClients = HttpClients.named(httpClientName);
        HttpClient.Factory factory = httpClients.factory();
        int rounds = numbers[0];
        int pods = numbers[1];
        System.out.println("http_client=" + httpClients.label() + " rounds=" + rounds + " pods=" + pods);
        ResourceRegistry registry = BuiltinResources.registry();
        ServerCertificates certificates = ServerCertificates.generate();
        try (BackendStore store = new BackendStore(registry, Clock.SYSTEM, new MemoryBackend());
                ApiServer server = ApiServer.builder(store, registry).port(0).tls(certificates).token("bench-token").build().start();
                CannedServer canned = new CannedServer(certificates);
                KubernetesClient steersman = new KubernetesClientBuilder()
                        .withConfig(ApiServerBenchmark.config(server.url().toString(), certificates)).withHttpClientFactory(factory).build();
                KubernetesClient floor = new KubernetesClientBuilder()
                        .withConfig(ApiServerBenchmark.config(canned.url().toString(), certificates)).withHttpClientFactory(factory).build()) {
            steersman.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("b").endMetadata().build()).create();
            for (int round = 0; round < rounds; round++) {
                CpuMeter meter = CpuMeter.start("steersman-");
                double rate = creates(steersman, "r" + round + "-", pods);
                CpuMeter.Split cpu = meter.stop();
                CpuMeter floorMeter = CpuMeter.start("qtp");
                double floorRate = creates(floor, "r" + round + "-", pods);
                CpuMeter.Split floorCpu = floorMeter.stop();
                System.out.printf("round %d: steersman %.0f creates/s (%s us per create), floor %.0f creates/s (%s), steersman/floor %.2f%n",
                        round, rate, cpu.perUnit(pods), floorRate, floorCpu.perUnit(pods), rate / floorRate);
            }
        }
    }

    private static double creates(KubernetesClient client, String prefix, int pods) {
        long start = System.nanoTime();
        for (int i = 0; i < pods; i++) {
            client.pods().inNamespace("b").resource(ApiServerBenchmark.pod("b", prefix + i)).create();
        }
        return pods / ((System.nanoTime() - start) / 1e9);
    }
}
