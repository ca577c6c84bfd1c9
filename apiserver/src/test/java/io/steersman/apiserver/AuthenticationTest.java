package io.steersman.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AuthenticationTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.https();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private TestServer.Answer withToken(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return server.send(request.build());
    }

    @Test
    void servesHttpsWithTheGeneratedCertificateAndAcceptsTheToken() {
        assertThat(server.server.url().toString()).startsWith("https://127.0.0.1:");
        assertThat(withToken("/api/v1/namespaces", TestServer.TOKEN).code()).isEqualTo(200);
    }

    @Test
    void missingOrWrongTokenIsUnauthorizedStatus() {
        TestServer.Answer missing = withToken("/api/v1/namespaces", null);
        assertThat(missing.code()).isEqualTo(401);
        assertThat(missing.json().path("reason").asText()).isEqualTo("Unauthorized");
        assertThat(missing.json().path("kind").asText()).isEqualTo("Status");
        assertThat(withToken("/apis", "not-the-token").code()).isEqualTo(401);
    }

    @Test
    void healthAndVersionAreOpen() {
        assertThat(withToken("/version", null).code()).isEqualTo(200);
        assertThat(withToken("/healthz", null).code()).isEqualTo(200);
        assertThat(withToken("/readyz", null).code()).isEqualTo(200);
        assertThat(withToken("/livez", null).code()).isEqualTo(200);
    }

    @Test
    void readOnlyTokenMayReadButNotWrite() {
        assertThat(withToken("/api/v1/namespaces/default/pods", TestServer.READ_ONLY_TOKEN).code()).isEqualTo(200);
        TestServer.Answer write = server.send(HttpRequest.newBuilder(server.uri("/api/v1/namespaces/default/configmaps"))
                .header("Authorization", "Bearer " + TestServer.READ_ONLY_TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"x\"}}"))
                .build());
        assertThat(write.code()).isEqualTo(403);
        assertThat(write.json().path("reason").asText()).isEqualTo("Forbidden");
        assertThat(write.json().path("message").asText()).contains("cannot create resource \"configmaps\"");
    }
}
