package io.steersman.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WatchTest {
    static final String CM = "/api/v1/namespaces/default/configmaps";
    static final String TABLE = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.http();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** An open watch stream, read line by line. */
    static final class Stream implements AutoCloseable {
        final HttpResponse<InputStream> response;
        final BufferedReader reader;

        Stream(String path, String accept) throws Exception {
            this.response = server.client.send(server.request(path).header("Accept", accept).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            this.reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
        }

        JsonNode next() throws Exception {
            String line = CompletableFuture.supplyAsync(() -> {
                try {
                    return reader.readLine();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).get(10, TimeUnit.SECONDS);
            return line == null ? null : TestServer.MAPPER.readTree(line);
        }

        @Override
        public void close() throws IOException {
            response.body().close();
        }
    }

    static String rvOf(TestServer.Answer answer) {
        return answer.json().path("metadata").path("resourceVersion").asText();
    }

    @Test
    void watchFromAResourceVersionStreamsLaterChangesInOrder() throws Exception {
        String rv = rvOf(server.get(CM));
        try (Stream stream = new Stream(CM + "?watch=true&resourceVersion=" + rv, "application/json")) {
            assertThat(stream.response.statusCode()).isEqualTo(200);
            server.post(CM, "application/json", ResourceCrudTest.configMap("w1", "\"app\":\"w\""));
            server.patch(CM + "/w1", "application/merge-patch+json", "{\"data\":{\"k\":\"changed\"}}");
            server.delete(CM + "/w1");
            JsonNode added = stream.next();
            assertThat(added.path("type").asText()).isEqualTo("ADDED");
            assertThat(added.path("object").path("metadata").path("name").asText()).isEqualTo("w1");
            assertThat(stream.next().path("type").asText()).isEqualTo("MODIFIED");
            assertThat(stream.next().path("type").asText()).isEqualTo("DELETED");
        }
    }

    @Test
    void watchWithoutResourceVersionStartsWithTheCurrentObjectsAndAppliesSelectors() throws Exception {
        server.post(CM, "application/json", ResourceCrudTest.configMap("sel-a", "\"tier\":\"a\""));
        server.post(CM, "application/json", ResourceCrudTest.configMap("sel-b", "\"tier\":\"b\""));
        try (Stream stream = new Stream("/api/v1/watch/namespaces/default/configmaps?labelSelector=tier%3Db", "application/json")) {
            JsonNode first = stream.next();
            assertThat(first.path("type").asText()).isEqualTo("ADDED");
            assertThat(first.path("object").path("metadata").path("name").asText()).isEqualTo("sel-b");
            server.patch(CM + "/sel-a", "application/merge-patch+json", "{\"data\":{\"x\":\"1\"}}");
            server.patch(CM + "/sel-b", "application/merge-patch+json", "{\"data\":{\"x\":\"1\"}}");
            JsonNode next = stream.next();
            assertThat(next.path("type").asText()).isEqualTo("MODIFIED");
            assertThat(next.path("object").path("metadata").path("name").asText()).isEqualTo("sel-b");
        }
    }

    @Test
    void timeoutSecondsEndsTheStream() throws Exception {
        String rv = rvOf(server.get(CM));
        try (Stream stream = new Stream(CM + "?watch=1&timeoutSeconds=1&resourceVersion=" + rv, "application/json")) {
            assertThat(stream.next()).isNull();
        }
    }

    @Test
    void tableWatchSendsOneRowTablesWithColumnsFirst() throws Exception {
        String rv = rvOf(server.get("/api/v1/namespaces/default/pods", TABLE));
        try (Stream stream = new Stream("/api/v1/namespaces/default/pods?watch=true&resourceVersion=" + rv, TABLE)) {
            assertThat(stream.response.headers().firstValue("Content-Type").orElse("")).contains("as=Table");
            String pod = "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"%s\"},\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"nginx\"}]}}";
            server.post("/api/v1/namespaces/default/pods", "application/json", pod.formatted("p1"));
            server.post("/api/v1/namespaces/default/pods", "application/json", pod.formatted("p2"));
            JsonNode first = stream.next();
            assertThat(first.path("object").path("kind").asText()).isEqualTo("Table");
            assertThat(first.path("object").path("columnDefinitions")).hasSize(9);
            assertThat(first.path("object").path("rows").get(0).path("cells").get(0).asText()).isEqualTo("p1");
            assertThat(first.path("object").path("metadata").path("resourceVersion").asText()).isNotEmpty();
            JsonNode second = stream.next();
            assertThat(second.path("object").path("columnDefinitions")).isEmpty();
            assertThat(second.path("object").path("rows").get(0).path("object").path("kind").asText()).isEqualTo("PartialObjectMetadata");
        }
    }

    @Test
    void watchOfOneItemFollowsOnlyIt() throws Exception {
        server.post(CM, "application/json", ResourceCrudTest.configMap("one", ""));
        server.post(CM, "application/json", ResourceCrudTest.configMap("two", ""));
        String rv = rvOf(server.get(CM));
        try (Stream stream = new Stream("/api/v1/watch/namespaces/default/configmaps/two?resourceVersion=" + rv, "application/json")) {
            server.patch(CM + "/one", "application/merge-patch+json", "{\"data\":{\"y\":\"1\"}}");
            server.patch(CM + "/two", "application/merge-patch+json", "{\"data\":{\"y\":\"1\"}}");
            assertThat(stream.next().path("object").path("metadata").path("name").asText()).isEqualTo("two");
        }
    }
}
