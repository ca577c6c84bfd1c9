package io.steersman.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.steersman.api.controller.Clock;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.core.Namespace;
import io.steersman.api.resource.BuiltinResources;
import io.steersman.api.resource.ResourceRegistry;
import io.steersman.core.backend.MemoryBackend;
import io.steersman.core.store.BackendStore;
import io.steersman.core.store.Store;
import io.steersman.core.store.WriteOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** An in-process API server over the in-memory store, with the built-in kinds and {@link Website}, and a JDK client for it. */
final class TestServer implements AutoCloseable {
    static final String TOKEN = "test-token-0123456789";
    static final String READ_ONLY_TOKEN = "viewer-token-0123456789";
    static final ObjectMapper MAPPER = new ObjectMapper();

    final ResourceRegistry registry;
    final BackendStore store;
    final ApiServer server;
    final HttpClient client;
    final ServerCertificates certificates;
    private final boolean tls;

    private TestServer(boolean tls) {
        this.tls = tls;
        this.registry = BuiltinResources.registry().register(Website.TYPE);
        this.store = new BackendStore(registry, Clock.SYSTEM, new MemoryBackend());
        if (store.get(BuiltinResources.NAMESPACES, null, "default").isEmpty()) {
            store.create(BuiltinResources.NAMESPACES, Namespace.of(ObjectMeta.builder().name("default").build(), null), WriteOptions.DEFAULT);
        }
        ApiServer.Builder builder = ApiServer.builder(store, registry).port(0);
        if (tls) {
            certificates = ServerCertificates.generate();
            builder.tls(certificates).token(TOKEN).token(READ_ONLY_TOKEN, "viewer", true);
        } else {
            certificates = null;
        }
        this.server = builder.build().start();
        HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        if (tls) {
            http.sslContext(sslContext(certificates));
        }
        this.client = http.build();
    }

    static TestServer http() {
        return new TestServer(false);
    }

    static TestServer https() {
        return new TestServer(true);
    }

    static SSLContext sslContext(ServerCertificates certificates) {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(certificates.trustStore());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    Store store() {
        return store;
    }

    URI uri(String pathAndQuery) {
        return URI.create(server.url() + pathAndQuery);
    }

    HttpRequest.Builder request(String pathAndQuery) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(20));
        if (tls) {
            builder.header("Authorization", "Bearer " + TOKEN);
        }
        return builder;
    }

    Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Answer get(String path) {
        return send(request(path).GET().build());
    }

    Answer get(String path, String accept) {
        return send(request(path).header("Accept", accept).GET().build());
    }

    Answer post(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    Answer put(String path, String body) {
        return send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    Answer patch(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType).method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build());
    }

    Answer delete(String path) {
        return send(request(path).DELETE().build());
    }

    Answer delete(String path, String body) {
        return send(request(path).header("Content-Type", "application/json").method("DELETE", HttpRequest.BodyPublishers.ofString(body)).build());
    }

    @Override
    public void close() {
        server.close();
        store.close();
    }

    /** One answer: status code, Content-Type, body (and its JSON). */
    record Answer(int code, String contentType, String body, HttpResponse<String> response) {
        JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        @Override
        public String toString() {
            return code + " " + contentType + " " + body;
        }
    }
}
