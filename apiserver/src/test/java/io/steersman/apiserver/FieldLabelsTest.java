package io.steersman.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.steersman.api.client.ApiException;
import io.steersman.api.model.ApiObject;
import io.steersman.api.resource.BuiltinResources;
import io.steersman.api.resource.ResourceType;
import io.steersman.api.selector.FieldSelector;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A field selector on a field the kind cannot select on is a 400, with upstream's two messages. */
class FieldLabelsTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.http();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** One request with a field selector and what upstream answers to it. */
    record Case(String method, String path, int code, String message) {}

    static Stream<Case> cases() {
        String notKnown = " is not a known field selector: only \"metadata.name\", \"metadata.namespace\"";
        return Stream.of(
                new Case("GET", "/api/v1/namespaces/default/pods?fieldSelector=spec.foo%3Dbar", 400, "field label not supported: spec.foo"),
                new Case("GET", "/api/v1/pods?fieldSelector=status.phase%3DRunning,spec.foo%21%3Dx", 400, "field label not supported: spec.foo"),
                new Case("GET", "/api/v1/namespaces/default/pods?fieldSelector=status.phase%3DRunning,spec.nodeName%3D", 200, null),
                new Case("GET", "/api/v1/namespaces/default/pods?watch=true&timeoutSeconds=1&fieldSelector=spec.foo%3Dbar", 400,
                        "field label not supported: spec.foo"),
                new Case("GET", "/api/v1/nodes?fieldSelector=metadata.namespace%3Dx", 400, "field label not supported: metadata.namespace"),
                new Case("GET", "/api/v1/nodes?fieldSelector=spec.unschedulable%3Dtrue", 200, null),
                new Case("GET", "/api/v1/namespaces/default/configmaps?fieldSelector=spec.foo%3Dbar", 400, "\"spec.foo\"" + notKnown),
                new Case("GET", "/api/v1/namespaces/default/configmaps?fieldSelector=metadata.namespace%3Ddefault", 200, null),
                new Case("GET", "/apis/apps/v1/deployments?fieldSelector=status.replicas%3D1", 400, "\"status.replicas\"" + notKnown),
                new Case("DELETE", "/api/v1/namespaces/default/configmaps?fieldSelector=data.k%3Dv", 400, "\"data.k\"" + notKnown));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void answersAsUpstream(Case c) {
        TestServer.Answer answer = c.method().equals("DELETE") ? server.delete(c.path()) : server.get(c.path());
        assertThat(answer.code()).as(answer.toString()).isEqualTo(c.code());
        if (c.message() != null) {
            assertThat(answer.json().path("reason").asText()).isEqualTo("BadRequest");
            assertThat(answer.json().path("message").asText()).isEqualTo(c.message());
        }
    }

    @Test
    void everyBuiltinKindAcceptsItsNameAndRefusesAnUnknownField() {
        FieldLabels labels = new FieldLabels();
        for (ResourceType<?> type : BuiltinResources.all()) {
            check(labels, type);
        }
    }

    private static <T extends ApiObject> void check(FieldLabels labels, ResourceType<T> type) {
        assertThatCode(() -> labels.check(type, FieldSelector.parse("metadata.name=x"))).as(type.toString()).doesNotThrowAnyException();
        assertThatThrownBy(() -> labels.check(type, FieldSelector.parse("no.such.field=x"))).as(type.toString())
                .isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).status().code()).isEqualTo(400));
    }
}
