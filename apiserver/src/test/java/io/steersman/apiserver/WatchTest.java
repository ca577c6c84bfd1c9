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
    void eventsQueuedBehindAFullSocketArriveWholeAndInOrder() throws Exception {
        String rv = rvOf(server.get(CM));
        try (java.net.Socket socket = new java.net.Socket()) {
            // A client that reads nothing until every change is made: the socket fills, the server's
            // write stays pending and later events queue up, to leave together once it completes.
            socket.setReceiveBufferSize(4096);
            socket.setSoTimeout(20_000);
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", server.server.port()));
            socket.getOutputStream().write(("GET " + CM + "?watch=true&labelSelector=set%3Dbig&resourceVersion=" + rv
                    + " HTTP/1.1\r\nHost: x\r\nAccept: application/json\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            String value = "x".repeat(400_000);
            java.util.List<String> names = new java.util.ArrayList<>();
            for (int i = 0; i < 12; i++) {
                names.add("big-" + i);
                assertThat(server.post(CM, "application/json", "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"big-" + i
                        + "\",\"labels\":{\"set\":\"big\"}},\"data\":{\"k\":\"" + value + "\"}}").code()).isEqualTo(201);
            }
            java.io.DataInputStream in = new java.io.DataInputStream(new java.io.BufferedInputStream(socket.getInputStream()));
            assertThat(headerLine(in)).startsWith("HTTP/1.1 200 ");
            while (!headerLine(in).isEmpty()) {
                // the headers
            }
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            java.util.List<String> seen = new java.util.ArrayList<>();
            while (seen.size() < names.size()) {
                // Chunked framing, then newline-delimited events that may span chunks or share one.
                String size = headerLine(in);
                if (size.isEmpty()) {
                    continue;
                }
                byte[] chunk = new byte[Integer.parseInt(size, 16)];
                in.readFully(chunk);
                body.writeBytes(chunk);
                byte[] bytes = body.toByteArray();
                int start = 0;
                for (int i = 0; i < bytes.length; i++) {
                    if (bytes[i] == '\n') {
                        JsonNode event = TestServer.MAPPER.readTree(java.util.Arrays.copyOfRange(bytes, start, i));
                        assertThat(event.path("type").asText()).isEqualTo("ADDED");
                        assertThat(event.path("object").path("data").path("k").asText()).hasSize(value.length());
                        seen.add(event.path("object").path("metadata").path("name").asText());
                        start = i + 1;
                    }
                }
                body.reset();
                body.write(bytes, start, bytes.length - start);
            }
            assertThat(seen).containsExactlyElementsOf(names);
        }
    }

    /** One CRLF-terminated line of the raw answer. */
    private static String headerLine(java.io.DataInputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != '\n') {
            assertThat(c).as("the server closed the connection").isNotEqualTo(-1);
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
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
