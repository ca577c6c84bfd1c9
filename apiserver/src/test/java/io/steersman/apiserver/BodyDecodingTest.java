package io.steersman.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * JSON create and update bodies are read straight into the kind's type, other bodies through a JSON
 * tree; both must answer alike. A JSON document is also a YAML one, and YAML always takes the tree,
 * so each body here is sent both ways and the answers compared (dry run, so nothing is stored).
 */
class BodyDecodingTest {
    private static final String CM = "/api/v1/namespaces/default/configmaps";
    private static TestServer server;

    record Case(String name, String query, String body, int code) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> cases() {
        String meta = "\"metadata\":{\"name\":\"c\"}";
        return List.of(
                new Case("plain", "", "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\"," + meta + ",\"data\":{\"k\":\"v\"}}", 201),
                new Case("no kind or version", "", "{" + meta + "}", 201),
                new Case("null kind", "", "{\"kind\":null,\"apiVersion\":null," + meta + "}", 201),
                new Case("other kind", "", "{\"apiVersion\":\"v1\",\"kind\":\"Secret\"," + meta + "}", 400),
                new Case("other version", "", "{\"apiVersion\":\"v2\",\"kind\":\"ConfigMap\"," + meta + "}", 400),
                new Case("kind a number", "", "{\"kind\":5," + meta + "}", 400),
                new Case("other kind and a bad field", "", "{\"kind\":\"Secret\"," + meta + ",\"data\":5}", 400),
                new Case("metadata a string", "", "{\"kind\":\"ConfigMap\",\"metadata\":\"x\"}", 400),
                new Case("metadata null", "", "{\"kind\":\"ConfigMap\",\"metadata\":null}", 422),
                new Case("resourceVersion", "", "{\"metadata\":{\"name\":\"c\",\"resourceVersion\":\"5\"}}", 400),
                new Case("resourceVersion a number", "", "{\"metadata\":{\"name\":\"c\",\"resourceVersion\":5}}", 400),
                new Case("empty resourceVersion", "", "{\"metadata\":{\"name\":\"c\",\"resourceVersion\":\"\"}}", 201),
                new Case("wrong type", "", "{" + meta + ",\"immutable\":\"yes\"}", 400),
                new Case("an array", "", "[1]", 400),
                new Case("a string", "", "\"text\"", 400),
                new Case("unknown field, strict", "&fieldValidation=Strict", "{" + meta + ",\"foo\":1}", 400),
                new Case("unknown field, warn", "&fieldValidation=Warn", "{" + meta + ",\"foo\":1}", 201),
                new Case("bad fieldValidation", "&fieldValidation=Loose", "{" + meta + "}", 400));
    }

    @BeforeAll
    static void start() {
        server = TestServer.http();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void jsonCreatesAnswerAsTheTreePathDoes(Case c) {
        server.delete(CM + "/c");
        TestServer.Answer json = server.post(CM + "?dryRun=All" + c.query(), "application/json", c.body());
        TestServer.Answer yaml = server.post(CM + "?dryRun=All" + c.query(), "application/yaml", c.body());
        assertThat(json.code()).as(json.toString()).isEqualTo(c.code());
        assertThat(json.code()).isEqualTo(yaml.code());
        assertThat(json.response().headers().allValues("Warning")).isEqualTo(yaml.response().headers().allValues("Warning"));
        if (c.code() != 201) {
            assertThat(json.json().path("message").asText()).as(json.toString()).isEqualTo(yaml.json().path("message").asText());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void jsonUpdatesAnswerAsTheTreePathDoes(Case c) {
        if (server.get(CM + "/c").code() == 404) {
            assertThat(server.post(CM, "application/json", "{\"metadata\":{\"name\":\"c\"}}").code()).isEqualTo(201);
        }
        String body = c.body().replace("\"resourceVersion\":\"5\"", "\"resourceVersion\":\"1\"");
        TestServer.Answer json = server.send(server.request(CM + "/c?dryRun=All" + c.query())
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build());
        TestServer.Answer yaml = server.send(server.request(CM + "/c?dryRun=All" + c.query())
                .header("Content-Type", "application/yaml").PUT(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(json.code()).as(json.toString()).isEqualTo(yaml.code());
        assertThat(json.json().path("message").asText()).isEqualTo(yaml.json().path("message").asText());
        assertThat(json.response().headers().allValues("Warning")).isEqualTo(yaml.response().headers().allValues("Warning"));
    }
}
