package io.steersman.benchmarks;

import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import io.fabric8.kubernetes.client.okhttp.OkHttpClientFactory;
import io.fabric8.kubernetes.client.vertx5.Vertx5HttpClientFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The fabric8 HTTP client implementations the API server benchmark can drive every server with,
 * named as on its command line. Only those that share a JVM with fabric8's mock server: it runs on
 * Vert.x 5, so the Vert.x 4 implementation ({@code kubernetes-httpclient-vertx}) cannot be on the
 * class path beside it, and {@code kubernetes-httpclient-jetty} 8.0.0 is not in the repository.
 */
enum HttpClients {
    /** {@code kubernetes-httpclient-jdk}: {@link java.net.http.HttpClient}. */
    JDK("jdk", JdkHttpClientFactory::new),
    /** {@code kubernetes-httpclient-okhttp}: OkHttp. */
    OKHTTP("okhttp", OkHttpClientFactory::new),
    /** {@code kubernetes-httpclient-vertx-5}: Vert.x 5, fabric8 8.0's default; a Vert.x instance per client. */
    VERTX5("vertx5", Vertx5HttpClientFactory::new);

    private final String label;
    private final Supplier<HttpClient.Factory> factory;

    HttpClients(String label, Supplier<HttpClient.Factory> factory) {
        this.label = label;
        this.factory = factory;
    }

    String label() {
        return label;
    }

    /** A new factory; every client the benchmark opens in a run is built with the same one. */
    HttpClient.Factory factory() {
        return factory.get();
    }

    static HttpClients named(String name) {
        return Arrays.stream(values()).filter(c -> c.label.equals(name.toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown --http-client=" + name + ", expected one of "
                        + Arrays.stream(values()).map(HttpClients::label).collect(Collectors.joining(", "))));
    }
}
