package io.steersman.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** /openapi/v2 answers an empty Swagger 2.0 document, as protobuf when asked as kubectl asks. */
class OpenApiV2Test {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.http();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void jsonByDefault() {
        TestServer.Answer answer = server.get("/openapi/v2", "application/json");
        assertThat(answer.code()).isEqualTo(200);
        assertThat(answer.json().path("swagger").asText()).isEqualTo("2.0");
        assertThat(answer.json().path("info").path("title").asText()).isEqualTo("Kubernetes");
        assertThat(answer.json().path("paths").isObject()).isTrue();
        assertThat(answer.json().path("definitions").isObject()).isTrue();
    }

    @Test
    void protobufAsKubectlAsks() throws Exception {
        HttpResponse<byte[]> answer = server.client.send(server.request("/openapi/v2").header("Accept", OpenApiV2.PROTOBUF).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue(OpenApiV2.PROTOBUF_CONTENT_TYPE);
        byte[] title = "Kubernetes".getBytes(StandardCharsets.US_ASCII);
        byte[] version = Version.GIT_VERSION.getBytes(StandardCharsets.US_ASCII);
        // Document{swagger(1)="2.0", info(2){title(1), version(2)}, paths(8)={}, definitions(9)={}}
        java.io.ByteArrayOutputStream expected = new java.io.ByteArrayOutputStream();
        expected.writeBytes(new byte[] {0x0a, 3, '2', '.', '0', 0x12, (byte) (4 + title.length + version.length), 0x0a, (byte) title.length});
        expected.writeBytes(title);
        expected.write(0x12);
        expected.write(version.length);
        expected.writeBytes(version);
        expected.writeBytes(new byte[] {0x42, 0, 0x4a, 0});
        assertThat(answer.body()).isEqualTo(expected.toByteArray());
    }
}
