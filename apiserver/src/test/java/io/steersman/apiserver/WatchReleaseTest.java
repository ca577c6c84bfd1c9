package io.steersman.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.steersman.api.client.DeleteOptions;
import io.steersman.api.controller.Clock;
import io.steersman.api.model.ApiObject;
import io.steersman.api.resource.BuiltinResources;
import io.steersman.api.resource.ResourceRegistry;
import io.steersman.api.resource.ResourceType;
import io.steersman.core.backend.MemoryBackend;
import io.steersman.core.store.BackendStore;
import io.steersman.core.store.ListOptions;
import io.steersman.core.store.ListResult;
import io.steersman.core.store.Store;
import io.steersman.core.store.Watch;
import io.steersman.core.store.WatchListener;
import io.steersman.core.store.WatchOptions;
import io.steersman.core.store.WriteOptions;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** A watch whose client goes away must release its store watch, or watches would pile up. */
class WatchReleaseTest {

    /** Counts store watches opened and closed. */
    static final class CountingStore implements Store {
        final Store delegate;
        final CountDownLatch opened = new CountDownLatch(1);
        final CountDownLatch closed = new CountDownLatch(1);

        CountingStore(Store delegate) {
            this.delegate = delegate;
        }

        @Override
        public <T extends ApiObject> Watch watch(ResourceType<T> type, WatchOptions options, WatchListener<T> listener) {
            Watch watch = delegate.watch(type, options, listener);
            opened.countDown();
            return () -> {
                watch.close();
                closed.countDown();
            };
        }

        @Override public <T extends ApiObject> Optional<T> get(ResourceType<T> type, String namespace, String name) { return delegate.get(type, namespace, name); }
        @Override public <T extends ApiObject> ListResult<T> list(ResourceType<T> type, ListOptions options) { return delegate.list(type, options); }
        @Override public <T extends ApiObject> T create(ResourceType<T> type, T object, WriteOptions options) { return delegate.create(type, object, options); }
        @Override public <T extends ApiObject> T update(ResourceType<T> type, T object, WriteOptions options) { return delegate.update(type, object, options); }
        @Override public <T extends ApiObject> T updateStatus(ResourceType<T> type, T object, WriteOptions options) { return delegate.updateStatus(type, object, options); }
        @Override public <T extends ApiObject> T guaranteedUpdate(ResourceType<T> type, String namespace, String name, Subresource subresource,
                UnaryOperator<T> change, WriteOptions options) { return delegate.guaranteedUpdate(type, namespace, name, subresource, change, options); }
        @Override public <T extends ApiObject> T delete(ResourceType<T> type, String namespace, String name, DeleteOptions options,
                WriteOptions writeOptions) { return delegate.delete(type, namespace, name, options, writeOptions); }
        @Override public long currentRevision() { return delegate.currentRevision(); }
    }

    @Test
    void closingTheClientConnectionClosesTheStoreWatch() throws Exception {
        ResourceRegistry registry = BuiltinResources.registry();
        try (BackendStore backing = new BackendStore(registry, Clock.SYSTEM, new MemoryBackend())) {
            CountingStore store = new CountingStore(backing);
            try (ApiServer server = ApiServer.builder(store, registry).port(0).idleTimeout(java.time.Duration.ofMillis(500)).build().start()) {
                try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
                    socket.getOutputStream().write(("GET /api/v1/namespaces/default/pods?watch=true HTTP/1.1\r\nHost: localhost\r\n\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    socket.getOutputStream().flush();
                    byte[] head = new byte[12];
                    assertThat(socket.getInputStream().readNBytes(head, 0, 12)).isEqualTo(12);
                    assertThat(new String(head, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200");
                    assertThat(store.opened.await(10, TimeUnit.SECONDS)).isTrue();
                }
                assertThat(store.closed.await(20, TimeUnit.SECONDS)).as("store watch closed after the client left").isTrue();
            }
        }
    }

    @Test
    void idlePeriodsDoNotEndAWatchWhoseClientIsThere() throws Exception {
        ResourceRegistry registry = BuiltinResources.registry();
        try (BackendStore backing = new BackendStore(registry, Clock.SYSTEM, new MemoryBackend());
                ApiServer server = ApiServer.builder(backing, registry).port(0).idleTimeout(java.time.Duration.ofMillis(200)).build().start()) {
            long started = System.nanoTime();
            java.net.http.HttpResponse<java.util.stream.Stream<String>> response = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url()
                            + "/api/v1/namespaces/default/pods?watch=true&timeoutSeconds=1&resourceVersion=" + backing.currentRevision())).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofLines());
            assertThat(response.body().count()).isZero();
            // The stream ended at timeoutSeconds, not at the first 200 ms idle period.
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(java.time.Duration.ofMillis(1000));
        }
    }

    @Test
    void aResourceVersionOlderThanTheHistoryIsAnExpiredErrorEvent() throws Exception {
        ResourceRegistry registry = BuiltinResources.registry();
        try (BackendStore backing = new BackendStore(registry, Clock.SYSTEM, new MemoryBackend(MemoryBackend.Options.defaults().withHistorySize(5)));
                ApiServer server = ApiServer.builder(backing, registry).port(0).build().start()) {
            long start = backing.currentRevision();
            for (int i = 0; i < 20; i++) {
                backing.create(BuiltinResources.CONFIG_MAPS, io.steersman.api.model.core.ConfigMap.of(
                        io.steersman.api.model.ObjectMeta.named("default", "cm-" + i), java.util.Map.of("k", "v")), WriteOptions.DEFAULT);
            }
            java.net.http.HttpResponse<java.util.stream.Stream<String>> response = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url()
                            + "/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=" + start)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofLines());
            assertThat(response.statusCode()).isEqualTo(200);
            java.util.List<String> lines = response.body().toList();
            assertThat(lines).hasSize(1);
            com.fasterxml.jackson.databind.JsonNode event = TestServer.MAPPER.readTree(lines.get(0));
            assertThat(event.path("type").asText()).isEqualTo("ERROR");
            assertThat(event.path("object").path("kind").asText()).isEqualTo("Status");
            assertThat(event.path("object").path("code").asInt()).isEqualTo(410);
            assertThat(event.path("object").path("reason").asText()).isIn("Expired", "Gone");
        }
    }
}
