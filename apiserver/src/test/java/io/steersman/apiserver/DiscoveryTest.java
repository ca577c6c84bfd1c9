package io.steersman.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DiscoveryTest {
    static final String AGG = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,"
            + "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json";
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
    void versionReportsMinor32AndNamesSteersman() {
        JsonNode version = server.get("/version").json();
        assertThat(version.path("major").asText()).isEqualTo("1");
        assertThat(version.path("minor").asText()).isEqualTo("32");
        assertThat(version.path("gitVersion").asText()).isEqualTo("v1.32.0-steersman+0.1.0");
    }

    @Test
    void aggregatedDiscoveryAnswersWithExactlyTheAskedContentType() {
        TestServer.Answer api = server.get("/api", AGG);
        assertThat(api.contentType()).isEqualTo("application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList");
        assertThat(api.json().path("apiVersion").asText()).isEqualTo("apidiscovery.k8s.io/v2");
        TestServer.Answer beta = server.get("/apis", "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList");
        assertThat(beta.contentType()).isEqualTo("application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList");
        assertThat(beta.json().path("apiVersion").asText()).isEqualTo("apidiscovery.k8s.io/v2beta1");
    }

    @Test
    void aggregatedCoreGroupListsPodsWithShortNamesCategoriesAndStatus() {
        JsonNode items = server.get("/api", AGG).json().path("items");
        assertThat(items).hasSize(1);
        JsonNode pods = resource(items.get(0), "pods");
        assertThat(pods.path("scope").asText()).isEqualTo("Namespaced");
        assertThat(pods.path("shortNames").toString()).isEqualTo("[\"po\"]");
        assertThat(pods.path("categories").toString()).isEqualTo("[\"all\"]");
        assertThat(pods.path("responseKind").path("kind").asText()).isEqualTo("Pod");
        assertThat(pods.path("verbs")).hasSize(8);
        assertThat(pods.path("subresources").get(0).path("subresource").asText()).isEqualTo("status");
        assertThat(resource(items.get(0), "namespaces").path("scope").asText()).isEqualTo("Cluster");
    }

    @Test
    void aggregatedGroupsListDeploymentsScaleAndThePluginKind() {
        JsonNode items = server.get("/apis", AGG).json().path("items");
        JsonNode apps = group(items, "apps");
        JsonNode deployments = resource(apps, "deployments");
        assertThat(deployments.path("shortNames").toString()).isEqualTo("[\"deploy\"]");
        JsonNode scale = deployments.path("subresources").get(0);
        assertThat(scale.path("subresource").asText()).isEqualTo("scale");
        assertThat(scale.path("responseKind").toString()).isEqualTo("{\"group\":\"autoscaling\",\"version\":\"v1\",\"kind\":\"Scale\"}");
        JsonNode websites = resource(group(items, "example.com"), "websites");
        assertThat(websites.path("shortNames").toString()).isEqualTo("[\"ws\"]");
        assertThat(websites.path("singularResource").asText()).isEqualTo("website");
    }

    @Test
    void legacyDiscoveryWhenTheClientDoesNotAskForAggregated() {
        JsonNode api = server.get("/api", "application/json").json();
        assertThat(api.path("kind").asText()).isEqualTo("APIVersions");
        assertThat(api.path("versions").toString()).isEqualTo("[\"v1\"]");
        JsonNode groups = server.get("/apis").json();
        assertThat(groups.path("kind").asText()).isEqualTo("APIGroupList");
        assertThat(groups.path("groups").findValuesAsText("name")).contains("apps", "example.com", "storage.k8s.io");
        JsonNode v1 = server.get("/api/v1").json();
        assertThat(v1.path("groupVersion").asText()).isEqualTo("v1");
        assertThat(v1.path("resources").findValuesAsText("name")).contains("pods", "pods/status", "namespaces");
        JsonNode appsV1 = server.get("/apis/apps/v1").json();
        JsonNode scale = byName(appsV1.path("resources"), "deployments/scale");
        assertThat(scale.path("group").asText()).isEqualTo("autoscaling");
        assertThat(scale.path("kind").asText()).isEqualTo("Scale");
        JsonNode apps = server.get("/apis/apps").json();
        assertThat(apps.path("kind").asText()).isEqualTo("APIGroup");
        assertThat(apps.path("preferredVersion").path("groupVersion").asText()).isEqualTo("apps/v1");
        assertThat(server.get("/apis/nothing.example/v1").code()).isEqualTo(404);
    }

    @Test
    void openApiRootListsEveryGroupVersionAndDocumentsAdvertiseFieldValidation() {
        JsonNode root = server.get("/openapi/v3").json().path("paths");
        assertThat(root.has("api/v1")).isTrue();
        assertThat(root.has("apis/apps/v1")).isTrue();
        String url = root.path("apis/example.com/v1").path("serverRelativeURL").asText();
        assertThat(url).startsWith("/openapi/v3/apis/example.com/v1?hash=");
        JsonNode doc = server.get(url + "&timeout=32s").json();
        JsonNode patch = doc.path("paths").path("/apis/example.com/v1/namespaces/{namespace}/websites/{name}").path("patch");
        assertThat(patch.path("x-kubernetes-group-version-kind").path("kind").asText()).isEqualTo("Website");
        assertThat(patch.path("parameters").findValuesAsText("name")).contains("fieldValidation");
        JsonNode apps = server.get("/openapi/v3/apis/apps/v1").json();
        assertThat(apps.path("components").path("schemas").has("io.k8s.api.apps.v1.Deployment")).isTrue();
        assertThat(server.get("/openapi/v2").json().path("definitions").size()).as("an empty v2 document: see OpenApiV2").isZero();
        assertThat(server.get("/openapi/v3/apis/nothing/v1").code()).isEqualTo(404);
    }

    @Test
    void unknownPathsAreNotFoundStatuses() {
        TestServer.Answer answer = server.get("/apis/apps/v1/namespaces/default/widgets");
        assertThat(answer.code()).isEqualTo(404);
        assertThat(answer.json().path("kind").asText()).isEqualTo("Status");
        assertThat(answer.json().path("reason").asText()).isEqualTo("NotFound");
        assertThat(server.get("/nonsense").code()).isEqualTo(404);
    }

    @Test
    void healthEndpointsAnswerOk() {
        assertThat(server.get("/healthz").body()).isEqualTo("ok");
        assertThat(server.get("/livez").code()).isEqualTo(200);
        assertThat(server.get("/readyz").code()).isEqualTo(200);
    }

    static JsonNode group(JsonNode items, String name) {
        for (JsonNode item : items) {
            if (item.path("metadata").path("name").asText().equals(name)) {
                return item;
            }
        }
        throw new AssertionError("no group " + name);
    }

    static JsonNode resource(JsonNode group, String plural) {
        for (JsonNode resource : group.path("versions").get(0).path("resources")) {
            if (resource.path("resource").asText().equals(plural)) {
                return resource;
            }
        }
        throw new AssertionError("no resource " + plural);
    }

    static JsonNode byName(JsonNode resources, String name) {
        for (JsonNode resource : resources) {
            if (resource.path("name").asText().equals(name)) {
                return resource;
            }
        }
        throw new AssertionError("no resource " + name);
    }
}
