package io.steersman.core.patch;

import static io.steersman.core.patch.TestJson.bytes;
import static io.steersman.core.patch.TestJson.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.steersman.api.client.ApiException;
import io.steersman.api.client.ConflictException;
import io.steersman.api.client.InvalidException;
import io.steersman.api.client.PatchType;
import io.steersman.api.model.Status;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ServerSideApplyTest {
    private static final Instant T1 = Instant.parse("2026-11-26T01:00:00Z");
    private static final Instant T2 = Instant.parse("2026-11-26T01:05:00Z");
    private static final PatchContext KUBECTL = PatchContext.of("apps/v1", "Deployment").withFieldManager("kubectl").at(T1);

    private static String manifest(int replicas, String image) {
        return "{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'nginx-deployment','namespace':'default','labels':{'app':'nginx'}},"
                + "'spec':{'replicas':" + replicas + ",'selector':{'matchLabels':{'app':'nginx'}},"
                + "'template':{'metadata':{'labels':{'app':'nginx'}},'spec':{'containers':[{'name':'nginx','image':'" + image + "',"
                + "'ports':[{'containerPort':80}]}]}}}}";
    }

    private static JsonNode apply(JsonNode live, String config, PatchContext context) {
        return Patches.apply(PatchType.APPLY, live, bytes(config), context);
    }

    /** What kubectl create -f (client-side apply) leaves: the object, owned by kubectl-client-side-apply. */
    private static JsonNode createdByClientSideApply(int replicas) {
        JsonNode created = json(manifest(replicas, "nginx:1.14.2"));
        return ManagedFields.recordUpdate(null, created, PatchContext.of("apps/v1", "Deployment")
                .withFieldManager("kubectl-client-side-apply").at(T1));
    }

    @Test
    void applyCreatesTheObjectWithAnApplyEntry() {
        JsonNode created = apply(null, manifest(3, "nginx:1.14.2"), KUBECTL);

        assertThat(created.at("/spec/replicas").asInt()).isEqualTo(3);
        assertThat(created.at("/metadata/managedFields")).isEqualTo(json("[{'manager':'kubectl','operation':'Apply','apiVersion':'apps/v1',"
                + "'time':'2026-11-26T01:00:00Z','fieldsType':'FieldsV1','fieldsV1':{"
                + "'f:metadata':{'f:labels':{'f:app':{}}},"
                + "'f:spec':{'f:replicas':{},'f:selector':{},'f:template':{'f:metadata':{'f:labels':{'f:app':{}}},"
                + "'f:spec':{'f:containers':{'k:{\\'name\\':\\'nginx\\'}':{'.':{},'f:image':{},'f:name':{},"
                + "'f:ports':{'k:{\\'containerPort\\':80,\\'protocol\\':\\'TCP\\'}':{'.':{},'f:containerPort':{}}}}}}}}}}]"
                .replace("\\'", "\\\"")));
    }

    @Test
    void reapplyUpdatesValuesAndKeepsFieldsOthersSet() {
        JsonNode live = apply(null, manifest(3, "nginx:1.14.2"), KUBECTL);
        ((com.fasterxml.jackson.databind.node.ObjectNode) live.get("spec")).put("progressDeadlineSeconds", 600);

        JsonNode updated = apply(live, manifest(3, "nginx:1.16.1"), KUBECTL.at(T2));

        assertThat(updated.at("/spec/template/spec/containers/0/image").asText()).isEqualTo("nginx:1.16.1");
        assertThat(updated.at("/spec/progressDeadlineSeconds").asInt()).as("not the applier's to remove").isEqualTo(600);
        assertThat(updated.at("/metadata/managedFields")).hasSize(1);
        assertThat(updated.at("/metadata/managedFields/0/time").asText()).as("fields unchanged: time kept").isEqualTo("2026-11-26T01:00:00Z");
    }

    @Test
    void changingAFieldAnotherManagerOwnsIsAConflict() {
        JsonNode live = createdByClientSideApply(3);

        assertThatThrownBy(() -> apply(live, manifest(5, "nginx:1.14.2"), KUBECTL))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo(409);
                    assertThat(e.reason()).isEqualTo("Conflict");
                    assertThat(e.getMessage()).isEqualTo(
                            "Apply failed with 1 conflict: conflict with \"kubectl-client-side-apply\" using apps/v1: .spec.replicas");
                    assertThat(e.status().details().causes()).containsExactly(
                            new Status.Cause("FieldManagerConflict", "conflict with \"kubectl-client-side-apply\" using apps/v1", ".spec.replicas"));
                });
    }

    @Test
    void applyingTheSameValueSharesOwnership() {
        JsonNode live = createdByClientSideApply(3);

        JsonNode result = apply(live, manifest(3, "nginx:1.14.2"), KUBECTL);

        assertThat(result.at("/metadata/managedFields")).hasSize(2);
        assertThat(result.at("/metadata/managedFields/0/manager").asText()).isEqualTo("kubectl");
        assertThat(result.at("/metadata/managedFields/1/fieldsV1/f:spec/f:replicas").isObject()).isTrue();
        assertThat(result.at("/metadata/managedFields/0/fieldsV1/f:spec/f:replicas").isObject()).isTrue();
    }

    @Test
    void forceTakesOwnershipOfConflictingFields() {
        JsonNode live = createdByClientSideApply(3);

        JsonNode result = apply(live, manifest(5, "nginx:1.16.1"), KUBECTL.withForce(true));

        assertThat(result.at("/spec/replicas").asInt()).isEqualTo(5);
        JsonNode csa = result.at("/metadata/managedFields/1");
        assertThat(csa.get("manager").asText()).isEqualTo("kubectl-client-side-apply");
        assertThat(csa.at("/fieldsV1/f:spec").has("f:replicas")).isFalse();
        assertThat(csa.at("/fieldsV1/f:spec/f:template/f:spec/f:containers/k:{\"name\":\"nginx\"}").has("f:image")).isFalse();
        assertThat(csa.at("/fieldsV1/f:spec/f:template/f:spec/f:containers/k:{\"name\":\"nginx\"}").has("f:name")).isTrue();
    }

    @Test
    void multipleConflictsAreListedByManager() {
        JsonNode live = createdByClientSideApply(3);

        assertThatThrownBy(() -> apply(live, manifest(5, "nginx:1.16.1"), KUBECTL))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.getMessage()).isEqualTo(
                        "Apply failed with 2 conflicts: conflicts with \"kubectl-client-side-apply\" using apps/v1:\n"
                                + "- .spec.replicas\n"
                                + "- .spec.template.spec.containers[name=\"nginx\"].image"));
    }

    @Test
    void fieldsTheManagerNoLongerAppliesAreRemoved() {
        String withSidecar = manifest(3, "nginx:1.14.2").replace("'ports':[{'containerPort':80}]}]",
                "'ports':[{'containerPort':80}]},{'name':'sidecar','image':'busybox'}]").replace("'labels':{'app':'nginx'}},'spec'",
                "'labels':{'app':'nginx','tier':'web'}},'spec'");
        JsonNode live = apply(null, withSidecar, KUBECTL);
        assertThat(live.at("/spec/template/spec/containers")).hasSize(2);

        JsonNode result = apply(live, manifest(3, "nginx:1.14.2"), KUBECTL.at(T2));

        assertThat(result.at("/spec/template/spec/containers")).hasSize(1);
        assertThat(result.at("/metadata/labels")).isEqualTo(json("{'app':'nginx'}"));
        assertThat(result.at("/metadata/managedFields/0/time").asText()).isEqualTo("2026-11-26T01:05:00Z");
    }

    @Test
    void omittedFieldOwnedByAnotherManagerStays() {
        String withTier = manifest(3, "nginx:1.14.2").replace("'labels':{'app':'nginx'}},'spec'", "'labels':{'app':'nginx','tier':'web'}},'spec'");
        JsonNode live = apply(null, withTier, KUBECTL);
        JsonNode shared = apply(live, "{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'nginx-deployment','labels':{'tier':'web'}}}",
                KUBECTL.withFieldManager("other"));

        JsonNode result = apply(shared, manifest(3, "nginx:1.14.2"), KUBECTL.at(T2));

        assertThat(result.at("/metadata/labels")).isEqualTo(json("{'app':'nginx','tier':'web'}"));
    }

    @Test
    void anUpdateTakesTheFieldsItChangesAndTheNextApplyConflicts() {
        JsonNode live = apply(null, manifest(3, "nginx:1.14.2"), KUBECTL);
        PatchContext setImage = PatchContext.of("apps/v1", "Deployment").withFieldManager("kubectl-set").at(T2);

        JsonNode patched = Patches.apply(PatchType.STRATEGIC_MERGE, live,
                bytes("{'spec':{'template':{'spec':{'$setElementOrder/containers':[{'name':'nginx'}],'containers':[{'image':'nginx:1.91','name':'nginx'}]}}}}"),
                setImage);

        JsonNode entries = patched.at("/metadata/managedFields");
        assertThat(entries).hasSize(2);
        assertThat(entries.get(1)).isEqualTo(json("{'manager':'kubectl-set','operation':'Update','apiVersion':'apps/v1',"
                + "'time':'2026-11-26T01:05:00Z','fieldsType':'FieldsV1','fieldsV1':{'f:spec':{'f:template':{'f:spec':{'f:containers':"
                + "{'k:{\\'name\\':\\'nginx\\'}':{'f:image':{}}}}}}}}".replace("\\'", "\\\"")));
        assertThat(entries.get(0).at("/fieldsV1/f:spec/f:template/f:spec/f:containers/k:{\"name\":\"nginx\"}").has("f:image")).isFalse();

        assertThatThrownBy(() -> apply(patched, manifest(3, "nginx:1.14.2"), KUBECTL))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.getMessage()).isEqualTo(
                        "Apply failed with 1 conflict: conflict with \"kubectl-set\" using apps/v1: .spec.template.spec.containers[name=\"nginx\"].image"));
    }

    @Test
    void firstApplyToAnObjectWithoutManagedFieldsConflictsWithBeforeFirstApply() {
        JsonNode live = json(manifest(3, "nginx:1.14.2"));

        assertThatThrownBy(() -> apply(live, manifest(4, "nginx:1.14.2"), KUBECTL))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.getMessage()).isEqualTo(
                        "Apply failed with 1 conflict: conflict with \"before-first-apply\" using apps/v1: .spec.replicas"));
    }

    @Test
    void updatesAreNotTrackedOnObjectsThatHaveNoManagedFieldsYet() {
        JsonNode live = json(manifest(3, "nginx:1.14.2"));

        JsonNode patched = Patches.apply(PatchType.MERGE, live, bytes("{'spec':{'replicas':4}}"),
                PatchContext.of("apps/v1", "Deployment").withFieldManager("kubectl-scale"));

        assertThat(patched.at("/metadata").has("managedFields")).isFalse();
    }

    @Test
    void yamlConfigurationIsAccepted() {
        String yaml = """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                  annotations:
                    since: 2024-01-01T00:00:00Z
                data:
                  mode: "on"
                """;

        JsonNode created = Patches.apply(PatchType.APPLY, null, yaml.getBytes(StandardCharsets.UTF_8),
                PatchContext.of("v1", "ConfigMap").withFieldManager("kubectl").at(T1));

        assertThat(created.at("/metadata/annotations/since").asText()).isEqualTo("2024-01-01T00:00:00Z");
        assertThat(created.at("/data/mode").asText()).isEqualTo("on");
        assertThat(created.at("/metadata/managedFields/0/fieldsV1")).isEqualTo(
                json("{'f:data':{'f:mode':{}},'f:metadata':{'f:annotations':{'f:since':{}}}}"));
    }

    @Test
    void applyWithoutFieldManagerIsInvalid() {
        assertThatThrownBy(() -> apply(null, manifest(3, "x"), PatchContext.of("apps/v1", "Deployment")))
                .isInstanceOfSatisfying(InvalidException.class, e -> {
                    assertThat(e.code()).isEqualTo(422);
                    assertThat(e.status().details().causes().get(0).field()).isEqualTo("fieldManager");
                });
    }

    @Test
    void applyOfAnotherVersionOrOfNoObjectIsBadRequest() {
        assertThatThrownBy(() -> apply(null, manifest(3, "x").replace("apps/v1", "apps/v1beta2"), KUBECTL))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(400);
                    assertThat(e.getMessage()).isEqualTo(
                            "Incorrect version specified in apply patch. Specified patch version: apps/v1beta2, expected: apps/v1");
                });
        assertThatThrownBy(() -> apply(null, "- a", KUBECTL))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(400));
    }

    @Test
    void customKindsMergeMapsAndReplaceLists() {
        PatchContext website = PatchContext.of("example.com/v1", "Website").withFieldManager("kubectl").at(T1);
        JsonNode live = apply(null, "{'apiVersion':'example.com/v1','kind':'Website','metadata':{'name':'w'},"
                + "'spec':{'hosts':['a','b'],'tls':{'enabled':true}}}", website);

        JsonNode result = apply(live, "{'apiVersion':'example.com/v1','kind':'Website','metadata':{'name':'w'},"
                + "'spec':{'hosts':['c'],'tls':{'enabled':true}}}", website);

        assertThat(result.at("/spec")).isEqualTo(json("{'hosts':['c'],'tls':{'enabled':true}}"));
        assertThat(result.at("/metadata/managedFields/0/fieldsV1")).isEqualTo(json("{'f:spec':{'f:hosts':{},'f:tls':{'f:enabled':{}}}}"));
    }

    @Test
    void kubectlServerSideApplyRewritesTheClientSideAnnotation() {
        JsonNode live = createdByClientSideApply(3);
        ((com.fasterxml.jackson.databind.node.ObjectNode) live.get("metadata")).putObject("annotations")
                .put(ServerSideApply.LAST_APPLIED, "{\"old\":true}\n");

        JsonNode result = apply(live, manifest(3, "nginx:1.14.2"), KUBECTL);

        assertThat(result.at("/metadata/annotations").get(ServerSideApply.LAST_APPLIED).asText())
                .startsWith("{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"labels\"")
                .endsWith("}\n");
        JsonNode other = apply(live, manifest(3, "nginx:1.14.2"), KUBECTL.withFieldManager("tool"));
        assertThat(other.at("/metadata/annotations").get(ServerSideApply.LAST_APPLIED).asText()).isEqualTo("{\"old\":true}\n");
    }
}
