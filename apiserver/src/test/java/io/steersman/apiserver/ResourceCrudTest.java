package io.steersman.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.steersman.api.resource.BuiltinResources;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ResourceCrudTest {
    static final String CM = "/api/v1/namespaces/default/configmaps";
    static final String DEPLOYMENTS = "/apis/apps/v1/namespaces/default/deployments";
    TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.http();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static String configMap(String name, String labels) {
        return "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"" + name + "\",\"labels\":{" + labels + "}},"
                + "\"data\":{\"k\":\"v\"}}";
    }

    static String deployment(String name, int replicas) {
        return "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"" + name + "\"},"
                + "\"spec\":{\"replicas\":" + replicas + ",\"selector\":{\"matchLabels\":{\"app\":\"" + name + "\"}},"
                + "\"template\":{\"metadata\":{\"labels\":{\"app\":\"" + name + "\"}},"
                + "\"spec\":{\"containers\":[{\"name\":\"nginx\",\"image\":\"nginx:1.14.2\"}]}}}}";
    }

    @Test
    void createAnswers201WithTheStoredObjectAndGetReadsItBack() {
        TestServer.Answer created = server.post(CM, "application/json", configMap("a", "\"app\":\"x\""));
        assertThat(created.code()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("metadata").path("uid").asText()).isNotEmpty();
        assertThat(created.json().path("metadata").path("namespace").asText()).isEqualTo("default");
        JsonNode read = server.get(CM + "/a").json();
        assertThat(read.path("data").path("k").asText()).isEqualTo("v");
        assertThat(read.path("metadata").path("resourceVersion").asText())
                .isEqualTo(created.json().path("metadata").path("resourceVersion").asText());
    }

    @Test
    void createAcceptsYamlBodies() {
        TestServer.Answer created = server.post(CM, "application/yaml",
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: y\ndata:\n  a: b\n");
        assertThat(created.code()).as(created.toString()).isEqualTo(201);
        assertThat(server.store().get(BuiltinResources.CONFIG_MAPS, "default", "y")).isPresent();
    }

    @Test
    void secondCreateIsAlreadyExists() {
        server.post(CM, "application/json", configMap("a", ""));
        TestServer.Answer again = server.post(CM, "application/json", configMap("a", ""));
        assertThat(again.code()).isEqualTo(409);
        assertThat(again.json().path("reason").asText()).isEqualTo("AlreadyExists");
    }

    @Test
    void missingObjectIsNotFoundWithUpstreamMessage() {
        TestServer.Answer missing = server.get(DEPLOYMENTS + "/nope");
        assertThat(missing.code()).isEqualTo(404);
        assertThat(missing.json().path("message").asText()).isEqualTo("deployments.apps \"nope\" not found");
        assertThat(missing.json().path("details").path("kind").asText()).isEqualTo("deployments");
        assertThat(missing.json().path("details").path("group").asText()).isEqualTo("apps");
    }

    @Test
    void createRefusesAResourceVersion() {
        TestServer.Answer answer = server.post(CM, "application/json",
                "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"rv\",\"resourceVersion\":\"5\"}}");
        assertThat(answer.code()).isEqualTo(400);
        assertThat(answer.json().path("message").asText()).isEqualTo("resourceVersion should not be set on objects to be created");
    }

    @Test
    void generateNameFillsAName() {
        TestServer.Answer created = server.post(CM, "application/json",
                "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"generateName\":\"gen-\"}}");
        assertThat(created.code()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("metadata").path("name").asText()).startsWith("gen-").hasSize(9);
    }

    @Test
    void dryRunCreateStoresNothing() {
        TestServer.Answer created = server.post(CM + "?dryRun=All", "application/json", configMap("dry", ""));
        assertThat(created.code()).as(created.toString()).isEqualTo(201);
        assertThat(server.store().get(BuiltinResources.CONFIG_MAPS, "default", "dry")).isEmpty();
        assertThat(server.post(CM + "?dryRun=Some", "application/json", configMap("dry", "")).code()).isEqualTo(422);
    }

    @Test
    void listFiltersByLabelAndFieldSelectorsAndCarriesTheResourceVersion() {
        server.post(CM, "application/json", configMap("a", "\"app\":\"x\""));
        server.post(CM, "application/json", configMap("b", "\"app\":\"y\""));
        JsonNode all = server.get(CM).json();
        assertThat(all.path("kind").asText()).isEqualTo("ConfigMapList");
        assertThat(all.path("items")).hasSize(2);
        assertThat(all.path("metadata").path("resourceVersion").asText()).isNotEmpty();
        assertThat(server.get(CM + "?labelSelector=app%3Dy").json().path("items").findValuesAsText("name")).containsExactly("b");
        assertThat(server.get(CM + "?fieldSelector=metadata.name%3Da").json().path("items").findValuesAsText("name")).containsExactly("a");
        assertThat(server.get("/api/v1/configmaps").json().path("items")).hasSize(2);
        assertThat(server.get(CM + "?labelSelector=app%3D%28").code()).isEqualTo(400);
    }

    @Test
    void listPagesWithLimitAndContinue() {
        for (String name : new String[] {"a", "b", "c"}) {
            server.post(CM, "application/json", configMap(name, ""));
        }
        JsonNode first = server.get(CM + "?limit=2").json();
        assertThat(first.path("items")).hasSize(2);
        String token = first.path("metadata").path("continue").asText();
        assertThat(token).isNotEmpty();
        JsonNode second = server.get(CM + "?limit=2&continue=" + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8)).json();
        assertThat(second.path("items").findValuesAsText("name")).containsExactly("c");
        assertThat(second.path("metadata").has("continue")).isFalse();
    }

    @Test
    void updateWithStaleResourceVersionIsConflict() {
        JsonNode created = server.post(CM, "application/json", configMap("a", "")).json();
        String rv = created.path("metadata").path("resourceVersion").asText();
        String updated = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"a\",\"resourceVersion\":\"" + rv + "\"},\"data\":{\"k\":\"w\"}}";
        TestServer.Answer ok = server.put(CM + "/a", updated);
        assertThat(ok.code()).as(ok.toString()).isEqualTo(200);
        assertThat(ok.json().path("data").path("k").asText()).isEqualTo("w");
        TestServer.Answer stale = server.put(CM + "/a", updated);
        assertThat(stale.code()).isEqualTo(409);
        assertThat(stale.json().path("reason").asText()).isEqualTo("Conflict");
        assertThat(stale.json().path("message").asText()).contains("the object has been modified");
    }

    @Test
    void bodyThatDisagreesWithTheUrlIsBadRequest() {
        server.post(CM, "application/json", configMap("a", ""));
        assertThat(server.put(CM + "/a", configMap("b", "")).json().path("message").asText())
                .isEqualTo("the name of the object (b) does not match the name on the URL (a)");
        TestServer.Answer otherNamespace = server.post(CM, "application/json",
                "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"c\",\"namespace\":\"other\"}}");
        assertThat(otherNamespace.code()).isEqualTo(400);
        assertThat(otherNamespace.json().path("message").asText()).contains("does not match the namespace");
        TestServer.Answer otherKind = server.post(CM, "application/json", "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"s\"}}");
        assertThat(otherKind.code()).isEqualTo(400);
        TestServer.Answer otherVersion = server.post(DEPLOYMENTS, "application/json", deployment("d", 1).replace("apps/v1", "v1"));
        assertThat(otherVersion.code()).isEqualTo(400);
        assertThat(otherVersion.json().path("message").asText()).contains("does not match the expected API version (apps/v1)");
    }

    @Test
    void malformedBodiesAndWrongTypesAreBadRequestsNamingTheField() {
        TestServer.Answer malformed = server.post(CM, "application/json", "{\"apiVersion\":");
        assertThat(malformed.code()).isEqualTo(400);
        assertThat(malformed.json().path("kind").asText()).isEqualTo("Status");
        TestServer.Answer wrongType = server.post(DEPLOYMENTS, "application/json", deployment("d", 1).replace("\"replicas\":1", "\"replicas\":\"many\""));
        assertThat(wrongType.code()).isEqualTo(400);
        assertThat(wrongType.json().path("message").asText()).contains("spec.replicas");
        assertThat(server.post(CM, "application/yaml", "a: [b").code()).isEqualTo(400);
    }

    @Test
    void fieldValidationStrictRefusesWarnWarnsIgnoreKeepsSilent() {
        String unknown = deployment("d", 1).replace("\"replicas\":1", "\"replicas\":1,\"foo\":true");
        TestServer.Answer strict = server.post(DEPLOYMENTS + "?fieldValidation=Strict", "application/json", unknown);
        assertThat(strict.code()).isEqualTo(400);
        assertThat(strict.json().path("message").asText())
                .isEqualTo("Deployment in version \"v1\" cannot be handled as a Deployment: strict decoding error: unknown field \"spec.foo\"");
        TestServer.Answer warn = server.post(DEPLOYMENTS + "?fieldValidation=Warn", "application/json", unknown);
        assertThat(warn.code()).isEqualTo(201);
        assertThat(warn.response().headers().allValues("Warning")).containsExactly("299 - \"unknown field \\\"spec.foo\\\"\"");
        assertThat(warn.json().path("spec").path("foo").asBoolean()).isTrue();
        TestServer.Answer ignore = server.post(DEPLOYMENTS + "?fieldValidation=Ignore", "application/json", unknown.replace("\"d\"", "\"e\""));
        assertThat(ignore.code()).isEqualTo(201);
        assertThat(ignore.response().headers().allValues("Warning")).isEmpty();
    }

    @Test
    void aFieldNamedTwiceIsRefusedByStrictWarnedOfByWarnAndTheLastValueCountsOtherwise() {
        String twice = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"first\",\"name\":\"%s\"},"
                + "\"data\":{\"a\":\"1\",\"a\":\"2\"},\"dta\":{}}";
        TestServer.Answer strict = server.post(CM + "?fieldValidation=Strict", "application/json", twice.formatted("strict"));
        assertThat(strict.code()).isEqualTo(400);
        assertThat(strict.json().path("message").asText()).isEqualTo("ConfigMap in version \"v1\" cannot be handled as a ConfigMap: "
                + "strict decoding error: duplicate field \"metadata.name\", duplicate field \"data.a\", unknown field \"dta\"");
        assertThat(server.get(CM + "/strict").code()).isEqualTo(404);

        TestServer.Answer warn = server.post(CM, "application/json", twice.formatted("warned"));
        assertThat(warn.code()).as(warn.toString()).isEqualTo(201);
        assertThat(warn.response().headers().allValues("Warning")).containsExactly("299 - \"duplicate field \\\"metadata.name\\\"\"",
                "299 - \"duplicate field \\\"data.a\\\"\"", "299 - \"unknown field \\\"dta\\\"\"");
        assertThat(warn.json().path("metadata").path("name").asText()).isEqualTo("warned");
        assertThat(warn.json().path("data").path("a").asText()).isEqualTo("2");

        TestServer.Answer ignore = server.post(CM + "?fieldValidation=Ignore", "application/json", twice.formatted("ignored"));
        assertThat(ignore.code()).isEqualTo(201);
        assertThat(ignore.response().headers().allValues("Warning")).isEmpty();
        assertThat(ignore.json().path("metadata").path("name").asText()).isEqualTo("ignored");
    }

    @Test
    void strictValidationAcceptsUpstreamFieldsTheModelKeepsUntyped() {
        String withUpstreamFields = deployment("tolerant", 1).replace("\"containers\":[",
                "\"tolerations\":[{\"key\":\"k\",\"operator\":\"Exists\"}],\"securityContext\":{\"runAsNonRoot\":true},\"containers\":[")
                .replace("\"image\":\"nginx:1.14.2\"", "\"image\":\"nginx:1.14.2\",\"terminationMessagePolicy\":\"File\"");
        TestServer.Answer strict = server.post(DEPLOYMENTS + "?fieldValidation=Strict", "application/json", withUpstreamFields);
        assertThat(strict.code()).as(strict.toString()).isEqualTo(201);
        assertThat(strict.json().path("spec").path("template").path("spec").path("tolerations").get(0).path("key").asText()).isEqualTo("k");
    }

    @Test
    void protobufBodiesAreUnsupportedWithAHint() {
        TestServer.Answer answer = server.post(DEPLOYMENTS, "application/vnd.kubernetes.protobuf", "k8s\u0000");
        assertThat(answer.code()).isEqualTo(415);
        assertThat(answer.json().path("reason").asText()).isEqualTo("UnsupportedMediaType");
        assertThat(answer.json().path("message").asText()).contains("--dry-run=client -o yaml | kubectl apply -f -");
        assertThat(server.post(CM, "text/plain", "x").code()).isEqualTo(415);
    }

    @Test
    void protobufAcceptIsAnsweredWithJsonAndUnservableAcceptIsNotAcceptable() {
        server.post(CM, "application/json", configMap("a", ""));
        TestServer.Answer answer = server.get(CM + "/a", "application/vnd.kubernetes.protobuf,application/json");
        assertThat(answer.code()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo("application/json");
        assertThat(server.get(CM + "/a", "text/html").code()).isEqualTo(406);
    }

    @Test
    void bodiesOverThreeMebibytesAreRefused() {
        String big = configMap("big", "").replace("\"v\"", "\"" + "x".repeat(3 * 1024 * 1024) + "\"");
        TestServer.Answer answer = server.post(CM, "application/json", big);
        assertThat(answer.code()).isEqualTo(413);
        assertThat(answer.json().path("reason").asText()).isEqualTo("RequestEntityTooLarge");
    }

    @Test
    void methodsARouteDoesNotServeAreMethodNotAllowed() {
        TestServer.Answer answer = server.send(server.request("/api/v1/pods").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(answer.code()).isEqualTo(405);
        assertThat(answer.json().path("reason").asText()).isEqualTo("MethodNotAllowed");
        assertThat(server.send(server.request(CM).method("PATCH", HttpRequest.BodyPublishers.noBody()).build()).code()).isEqualTo(405);
    }

    @Test
    void deleteAnswersStatusOrTheObjectAsUpstreamAndHonoursPreconditions() {
        server.post(DEPLOYMENTS, "application/json", deployment("d", 1));
        TestServer.Answer wrongUid = server.delete(DEPLOYMENTS + "/d", "{\"preconditions\":{\"uid\":\"nope\"}}");
        assertThat(wrongUid.code()).isEqualTo(409);
        TestServer.Answer deleted = server.delete(DEPLOYMENTS + "/d", "{\"propagationPolicy\":\"Background\"}");
        assertThat(deleted.code()).as(deleted.toString()).isEqualTo(200);
        assertThat(deleted.json().path("kind").asText()).isEqualTo("Status");
        assertThat(deleted.json().path("status").asText()).isEqualTo("Success");
        assertThat(server.get(DEPLOYMENTS + "/d").code()).isEqualTo(404);
        server.post("/api/v1/namespaces/default/services", "application/json",
                "{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"s\"},\"spec\":{\"ports\":[{\"port\":80}]}}");
        TestServer.Answer service = server.delete("/api/v1/namespaces/default/services/s?propagationPolicy=Foreground&gracePeriodSeconds=0");
        assertThat(service.code()).as(service.toString()).isEqualTo(200);
        assertThat(service.json().path("kind").asText()).isEqualTo("Service");
        assertThat(server.delete(DEPLOYMENTS + "/d?propagationPolicy=Sideways").code()).isEqualTo(422);
    }

    @Test
    void finalizersKeepADeletedObjectWhichIsAnswered() {
        server.post(CM, "application/json", configMap("f", "").replace("\"labels\":{}", "\"finalizers\":[\"example.com/hold\"]"));
        TestServer.Answer deleted = server.delete(CM + "/f");
        assertThat(deleted.code()).isEqualTo(200);
        assertThat(deleted.json().path("kind").asText()).isEqualTo("ConfigMap");
        assertThat(deleted.json().path("metadata").path("deletionTimestamp").asText()).isNotEmpty();
    }

    @Test
    void deleteCollectionDeletesWhatTheSelectorsMatch() {
        server.post(CM, "application/json", configMap("a", "\"app\":\"x\""));
        server.post(CM, "application/json", configMap("b", "\"app\":\"y\""));
        TestServer.Answer answer = server.delete(CM + "?labelSelector=app%3Dx");
        assertThat(answer.code()).isEqualTo(200);
        assertThat(answer.json().path("items").findValuesAsText("name")).containsExactly("a");
        assertThat(server.get(CM).json().path("items").findValuesAsText("name")).containsExactly("b");
    }

    @Test
    void customKindsAreServedLikeBuiltIns() {
        String path = "/apis/example.com/v1/namespaces/default/websites";
        TestServer.Answer created = server.post(path, "application/json",
                "{\"apiVersion\":\"example.com/v1\",\"kind\":\"Website\",\"metadata\":{\"name\":\"w\"},\"spec\":{\"replicas\":2,\"image\":\"nginx\"}}");
        assertThat(created.code()).as(created.toString()).isEqualTo(201);
        assertThat(server.get(path + "/w").json().path("spec").path("image").asText()).isEqualTo("nginx");
        TestServer.Answer status = server.put(path + "/w/status",
                "{\"apiVersion\":\"example.com/v1\",\"kind\":\"Website\",\"metadata\":{\"name\":\"w\"},\"spec\":{\"replicas\":9},\"status\":{\"replicas\":2}}");
        assertThat(status.code()).as(status.toString()).isEqualTo(200);
        JsonNode stored = server.get(path + "/w").json();
        assertThat(stored.path("status").path("replicas").asInt()).isEqualTo(2);
        assertThat(stored.path("spec").path("replicas").asInt()).isEqualTo(2);
    }

    @Test
    void clusterScopedKindsLiveOutsideNamespaces() {
        TestServer.Answer created = server.post("/api/v1/namespaces", "application/json",
                "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"team\"}}");
        assertThat(created.code()).as(created.toString()).isEqualTo(201);
        assertThat(server.get("/api/v1/namespaces/team").json().path("metadata").path("name").asText()).isEqualTo("team");
        assertThat(server.get("/api/v1/namespaces/team/persistentvolumes").code()).isEqualTo(404);
        assertThat(server.post("/api/v1/namespaces/team/configmaps", "application/json", configMap("in-team", "")).code()).isEqualTo(201);
    }
}
