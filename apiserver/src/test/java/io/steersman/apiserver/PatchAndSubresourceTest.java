package io.steersman.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PatchAndSubresourceTest {
    static final String DEPLOYMENTS = "/apis/apps/v1/namespaces/default/deployments";
    static final String WEBSITES = "/apis/example.com/v1/namespaces/default/websites";
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.http();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static void createDeployment(String name) {
        TestServer.Answer created = server.post(DEPLOYMENTS, "application/json", ResourceCrudTest.deployment(name, 3));
        assertThat(created.code()).as(created.toString()).isEqualTo(201);
    }

    @Test
    void strategicMergePatchMergesContainersByName() {
        createDeployment("smp");
        TestServer.Answer patched = server.patch(DEPLOYMENTS + "/smp?fieldManager=kubectl-set", "application/strategic-merge-patch+json",
                "{\"spec\":{\"template\":{\"spec\":{\"$setElementOrder/containers\":[{\"name\":\"nginx\"}],"
                        + "\"containers\":[{\"image\":\"nginx:1.91\",\"name\":\"nginx\"}]}}}}");
        assertThat(patched.code()).as(patched.toString()).isEqualTo(200);
        JsonNode containers = patched.json().path("spec").path("template").path("spec").path("containers");
        assertThat(containers).hasSize(1);
        assertThat(containers.get(0).path("image").asText()).isEqualTo("nginx:1.91");
        assertThat(patched.json().path("metadata").path("generation").asLong()).isEqualTo(2);
    }

    @Test
    void mergePatchNullDeletesAField() {
        createDeployment("merge");
        server.patch(DEPLOYMENTS + "/merge", "application/strategic-merge-patch+json", "{\"spec\":{\"paused\":true}}");
        TestServer.Answer resumed = server.patch(DEPLOYMENTS + "/merge", "application/merge-patch+json", "{\"spec\":{\"paused\":null}}");
        assertThat(resumed.code()).isEqualTo(200);
        assertThat(resumed.json().path("spec").has("paused")).isFalse();
    }

    @Test
    void jsonPatchReplacesAndFailsOnMissingPaths() {
        createDeployment("jp");
        TestServer.Answer patched = server.patch(DEPLOYMENTS + "/jp", "application/json-patch+json",
                "[{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":5}]");
        assertThat(patched.code()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.json().path("spec").path("replicas").asInt()).isEqualTo(5);
        TestServer.Answer missing = server.patch(DEPLOYMENTS + "/jp", "application/json-patch+json",
                "[{\"op\":\"replace\",\"path\":\"/metadata/nothing/here\",\"value\":1}]");
        assertThat(missing.code()).isBetween(400, 499);
        assertThat(missing.json().path("kind").asText()).isEqualTo("Status");
    }

    @Test
    void patchWithStaleResourceVersionConflictsAndWithoutNeverDoes() {
        createDeployment("rv");
        TestServer.Answer stale = server.patch(DEPLOYMENTS + "/rv", "application/merge-patch+json",
                "{\"metadata\":{\"resourceVersion\":\"1\"},\"spec\":{\"replicas\":4}}");
        assertThat(stale.code()).isEqualTo(409);
        assertThat(server.patch(DEPLOYMENTS + "/rv", "application/merge-patch+json", "{\"spec\":{\"replicas\":4}}").code()).isEqualTo(200);
    }

    @Test
    void strategicMergePatchOfACustomKindIsUnsupportedMediaType() {
        server.post(WEBSITES, "application/json", "{\"apiVersion\":\"example.com/v1\",\"kind\":\"Website\",\"metadata\":{\"name\":\"s\"},\"spec\":{\"replicas\":1}}");
        TestServer.Answer answer = server.patch(WEBSITES + "/s", "application/strategic-merge-patch+json", "{\"spec\":{\"replicas\":2}}");
        assertThat(answer.code()).isEqualTo(415);
        assertThat(server.patch(WEBSITES + "/s", "application/merge-patch+json", "{\"spec\":{\"replicas\":2}}").code()).isEqualTo(200);
        assertThat(server.patch(WEBSITES + "/s", "text/plain", "x").code()).isEqualTo(415);
    }

    @Test
    void patchOfAMissingObjectIsNotFound() {
        assertThat(server.patch(DEPLOYMENTS + "/absent", "application/merge-patch+json", "{}").code()).isEqualTo(404);
    }

    @Test
    void scaleReadsAndWritesReplicasAsAutoscalingScale() {
        createDeployment("sc");
        JsonNode scale = server.get(DEPLOYMENTS + "/sc/scale").json();
        assertThat(scale.path("kind").asText()).isEqualTo("Scale");
        assertThat(scale.path("apiVersion").asText()).isEqualTo("autoscaling/v1");
        assertThat(scale.path("spec").path("replicas").asInt()).isEqualTo(3);
        assertThat(scale.path("status").path("selector").asText()).isEqualTo("app=sc");
        TestServer.Answer patched = server.patch(DEPLOYMENTS + "/sc/scale", "application/merge-patch+json", "{\"spec\":{\"replicas\":4}}");
        assertThat(patched.code()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.json().path("spec").path("replicas").asInt()).isEqualTo(4);
        assertThat(server.get(DEPLOYMENTS + "/sc").json().path("spec").path("replicas").asInt()).isEqualTo(4);
        String stale = "{\"apiVersion\":\"autoscaling/v1\",\"kind\":\"Scale\",\"metadata\":{\"name\":\"sc\",\"resourceVersion\":\""
                + scale.path("metadata").path("resourceVersion").asText() + "\"},\"spec\":{\"replicas\":1}}";
        assertThat(server.put(DEPLOYMENTS + "/sc/scale", stale).code()).isEqualTo(409);
        TestServer.Answer negative = server.patch(DEPLOYMENTS + "/sc/scale", "application/merge-patch+json", "{\"spec\":{\"replicas\":-1}}");
        assertThat(negative.code()).isEqualTo(422);
        assertThat(negative.json().path("details").path("causes").get(0).path("field").asText()).isEqualTo("spec.replicas");
    }

    @Test
    void customKindsScaleThroughTheirScaleSpec() {
        server.post(WEBSITES, "application/json", "{\"apiVersion\":\"example.com/v1\",\"kind\":\"Website\",\"metadata\":{\"name\":\"ws\"},\"spec\":{\"replicas\":1}}");
        TestServer.Answer patched = server.patch(WEBSITES + "/ws/scale", "application/merge-patch+json", "{\"spec\":{\"replicas\":3}}");
        assertThat(patched.code()).as(patched.toString()).isEqualTo(200);
        assertThat(server.get(WEBSITES + "/ws").json().path("spec").path("replicas").asInt()).isEqualTo(3);
        assertThat(server.get("/api/v1/namespaces/default/configmaps/x/scale").code()).isEqualTo(404);
    }

    @Test
    void statusPatchChangesOnlyStatus() {
        createDeployment("st");
        TestServer.Answer patched = server.patch(DEPLOYMENTS + "/st/status", "application/merge-patch+json",
                "{\"spec\":{\"replicas\":9},\"status\":{\"readyReplicas\":2}}");
        assertThat(patched.code()).as(patched.toString()).isEqualTo(200);
        JsonNode stored = server.get(DEPLOYMENTS + "/st/status").json();
        assertThat(stored.path("status").path("readyReplicas").asInt()).isEqualTo(2);
        assertThat(stored.path("spec").path("replicas").asInt()).isEqualTo(3);
    }

    @Test
    void aBindingAssignsAPodToItsNodeOnceAsUpstreamsBindingRest() {
        String pods = "/api/v1/namespaces/default/pods";
        String pod = "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"%s\"},"
                + "\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"nginx\"}]}}";
        assertThat(server.post(pods, "application/json", pod.formatted("bound")).code()).isEqualTo(201);
        assertThat(server.post(pods, "application/json", pod.formatted("by-body")).code()).isEqualTo(201);

        TestServer.Answer bound = server.post(pods + "/bound/binding", "application/json",
                "{\"apiVersion\":\"v1\",\"kind\":\"Binding\",\"metadata\":{\"name\":\"bound\",\"annotations\":{\"by\":\"my-scheduler\"}},"
                        + "\"target\":{\"apiVersion\":\"v1\",\"kind\":\"Node\",\"name\":\"node-a\"}}");
        assertThat(bound.code()).as(bound.toString()).isEqualTo(201);
        assertThat(bound.json().path("status").asText()).isEqualTo("Success");
        JsonNode stored = server.get(pods + "/bound").json();
        assertThat(stored.path("spec").path("nodeName").asText()).isEqualTo("node-a");
        assertThat(stored.path("metadata").path("annotations").path("by").asText()).isEqualTo("my-scheduler");
        assertThat(stored.path("status").path("conditions").get(0).path("type").asText()).isEqualTo("PodScheduled");

        TestServer.Answer again = server.post(pods + "/bound/binding", "application/json",
                "{\"metadata\":{\"name\":\"bound\"},\"target\":{\"name\":\"node-b\"}}");
        assertThat(again.code()).isEqualTo(409);
        assertThat(again.json().path("message").asText()).contains("is already assigned to node \"node-a\"");
        TestServer.Answer otherName = server.post(pods + "/by-body/binding", "application/json",
                "{\"metadata\":{\"name\":\"bound\"},\"target\":{\"name\":\"node-b\"}}");
        assertThat(otherName.code()).isEqualTo(400);
        assertThat(server.get(pods + "/bound/binding").code()).isEqualTo(405);
        assertThat(server.post("/api/v1/namespaces/default/configmaps/x/binding", "application/json", "{}").code()).isEqualTo(404);

        TestServer.Answer byBody = server.post("/api/v1/namespaces/default/bindings", "application/json",
                "{\"apiVersion\":\"v1\",\"kind\":\"Binding\",\"metadata\":{\"name\":\"by-body\"},\"target\":{\"name\":\"node-b\"}}");
        assertThat(byBody.code()).as(byBody.toString()).isEqualTo(201);
        assertThat(server.get(pods + "/by-body").json().path("spec").path("nodeName").asText()).isEqualTo("node-b");
        assertThat(server.post("/api/v1/namespaces/default/bindings", "application/json", "{\"target\":{\"name\":\"n\"}}").code())
                .isEqualTo(400);
    }

    @Test
    void containerSubresourcesOfAPodAnswerBadRequestSayingNoContainersRunAndNotFoundForAMissingPod() {
        String pods = "/api/v1/namespaces/default/pods";
        assertThat(server.post(pods, "application/json", "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"streams\"},"
                + "\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"nginx\"}]}}").code()).isEqualTo(201);
        for (TestServer.Answer answer : java.util.List.of(server.get(pods + "/streams/log?container=c"),
                server.post(pods + "/streams/exec?command=hostname&stdout=true", "application/json", ""),
                server.get(pods + "/streams/exec?command=hostname&stdout=true"),
                server.post(pods + "/streams/attach?stdin=true", "application/json", ""),
                server.post(pods + "/streams/portforward?ports=80", "application/json", ""),
                server.get(pods + "/streams/proxy"))) {
            assertThat(answer.code()).as(answer.toString()).isEqualTo(400);
            assertThat(answer.json().path("reason").asText()).isEqualTo("BadRequest");
            assertThat(answer.json().path("message").asText()).contains("Steersman runs no containers").contains("\"streams\"");
        }
        TestServer.Answer missing = server.get(pods + "/nothing/log");
        assertThat(missing.code()).isEqualTo(404);
        assertThat(missing.json().path("message").asText()).isEqualTo("pods \"nothing\" not found");
        assertThat(server.get("/api/v1/namespaces/default/configmaps/x/log").code()).isEqualTo(404);
        assertThat(server.get(pods + "/streams/shell").code()).isEqualTo(404);
    }
}
