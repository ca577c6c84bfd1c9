package io.steersman.core.patch;

import static io.steersman.core.patch.TestJson.bytes;
import static io.steersman.core.patch.TestJson.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.steersman.api.client.ApiException;
import io.steersman.api.client.PatchType;
import org.junit.jupiter.api.Test;

/** The exact strategic merge patches kubectl 1.32 sends in the tour (shared/KUBECTL.md §6), on built-in kinds. */
class KubectlPatchesTest {
    private static final PatchContext DEPLOYMENT = PatchContext.of("apps/v1", "Deployment");
    private static final PatchContext STATEFULSET = PatchContext.of("apps/v1", "StatefulSet");

    private static JsonNode deployment() {
        return json("{'apiVersion':'apps/v1','kind':'Deployment',"
                + "'metadata':{'name':'nginx-deployment','namespace':'default','annotations':{'deployment.kubernetes.io/revision':'2'},"
                + "  'finalizers':['a'],'ownerReferences':[{'uid':'u1','name':'x'}]},"
                + "'spec':{'replicas':4,'paused':true,'selector':{'matchLabels':{'app':'nginx'}},"
                + "  'strategy':{'type':'RollingUpdate','rollingUpdate':{'maxSurge':'25%','maxUnavailable':'25%'}},"
                + "  'template':{'metadata':{'labels':{'app':'nginx'}},'spec':{"
                + "    'containers':[{'name':'nginx','image':'nginx:1.91','ports':[{'containerPort':80,'protocol':'TCP'}],"
                + "      'env':[{'name':'A','value':'1'}],'volumeMounts':[{'name':'data','mountPath':'/data'}]},"
                + "      {'name':'sidecar','image':'busybox'}],"
                + "    'volumes':[{'name':'data','emptyDir':{}}]}}},"
                + "'status':{'conditions':[{'type':'Available','status':'True'},{'type':'Progressing','status':'True'}]}}");
    }

    private static JsonNode smp(JsonNode live, String patch, PatchContext kind) {
        return Patches.apply(PatchType.STRATEGIC_MERGE, live, bytes(patch), kind);
    }

    @Test
    void reApplyRestoresReplicasAndImageKeepingOtherContainers() {
        JsonNode result = smp(deployment(),
                "{'spec':{'replicas':3,'template':{'spec':{'$setElementOrder/containers':[{'name':'nginx'}],"
                        + "'containers':[{'image':'nginx:1.14.2','name':'nginx'}]}}}}", DEPLOYMENT);

        assertThat(result.at("/spec/replicas").asInt()).isEqualTo(3);
        JsonNode containers = result.at("/spec/template/spec/containers");
        assertThat(containers).hasSize(2);
        assertThat(containers.get(0).get("name").asText()).isEqualTo("nginx");
        assertThat(containers.get(0).get("image").asText()).isEqualTo("nginx:1.14.2");
        assertThat(containers.get(0).get("ports")).isEqualTo(json("[{'containerPort':80,'protocol':'TCP'}]"));
        assertThat(containers.get(1).get("name").asText()).isEqualTo("sidecar");
        assertThat(result.at("/spec/template/spec").has("$setElementOrder/containers")).isFalse();
    }

    @Test
    void reApplyOfAChangedFileCarriesTheNewLastAppliedConfiguration() {
        JsonNode result = smp(deployment(),
                "{'metadata':{'annotations':{'kubectl.kubernetes.io/last-applied-configuration':'{\\'spec\\':{\\'replicas\\':5}}\\n'}},"
                        + "'spec':{'replicas':5}}", DEPLOYMENT);

        assertThat(result.at("/metadata/annotations/deployment.kubernetes.io~1revision").asText()).isEqualTo("2");
        assertThat(result.at("/metadata/annotations/kubectl.kubernetes.io~1last-applied-configuration").asText())
                .isEqualTo("{\"spec\":{\"replicas\":5}}\n");
        assertThat(result.at("/spec/replicas").asInt()).isEqualTo(5);
    }

    @Test
    void setImageChangesOnlyTheNamedContainer() {
        JsonNode result = smp(deployment(),
                "{'spec':{'template':{'spec':{'containers':[{'image':'nginx:1.92','name':'sidecar'}]}}}}", DEPLOYMENT);

        JsonNode containers = result.at("/spec/template/spec/containers");
        assertThat(containers).hasSize(2);
        assertThat(containers.get(0).get("image").asText()).isEqualTo("nginx:1.91");
        assertThat(containers.get(1).get("image").asText()).isEqualTo("nginx:1.92");
    }

    @Test
    void pauseSetsAndResumeDeletesPaused() {
        JsonNode resumed = smp(deployment(), "{'spec':{'paused':null}}", DEPLOYMENT);
        assertThat(resumed.at("/spec").has("paused")).isFalse();

        JsonNode paused = smp(resumed, "{'spec':{'paused':true}}", DEPLOYMENT);
        assertThat(paused.at("/spec/paused").asBoolean()).isTrue();
    }

    @Test
    void editPatchChangesReplicas() {
        assertThat(smp(deployment(), "{'spec':{'replicas':2}}", DEPLOYMENT).at("/spec/replicas").asInt()).isEqualTo(2);
    }

    @Test
    void nestedListsMergeByTheirUpstreamKeys() {
        JsonNode result = smp(deployment(), "{'spec':{'template':{'spec':{'containers':[{'name':'nginx',"
                + "'ports':[{'containerPort':443}],"
                + "'env':[{'name':'A','value':'2'},{'name':'B','value':'3'}],"
                + "'volumeMounts':[{'mountPath':'/data','readOnly':true}]}],"
                + "'volumes':[{'name':'cache','emptyDir':{}}]}}}}", DEPLOYMENT);

        JsonNode nginx = result.at("/spec/template/spec/containers/0");
        assertThat(nginx.get("ports")).isEqualTo(json("[{'containerPort':443},{'containerPort':80,'protocol':'TCP'}]"));
        assertThat(nginx.get("env")).isEqualTo(json("[{'name':'A','value':'2'},{'name':'B','value':'3'}]"));
        assertThat(nginx.get("volumeMounts")).isEqualTo(json("[{'name':'data','mountPath':'/data','readOnly':true}]"));
        assertThat(result.at("/spec/template/spec/volumes")).isEqualTo(json("[{'name':'cache','emptyDir':{}},{'name':'data','emptyDir':{}}]"));
    }

    @Test
    void deletingAContainerByDirective() {
        JsonNode result = smp(deployment(),
                "{'spec':{'template':{'spec':{'containers':[{'name':'sidecar','$patch':'delete'}]}}}}", DEPLOYMENT);

        assertThat(result.at("/spec/template/spec/containers")).hasSize(1);
        assertThat(result.at("/spec/template/spec/containers/0/name").asText()).isEqualTo("nginx");
    }

    @Test
    void strategyTypeChangeWithRetainKeysDropsRollingUpdate() {
        JsonNode result = smp(deployment(),
                "{'spec':{'strategy':{'$retainKeys':['type'],'type':'Recreate'}}}", DEPLOYMENT);

        assertThat(result.at("/spec/strategy")).isEqualTo(json("{'type':'Recreate'}"));
    }

    @Test
    void metadataListsMergeFinalizersAsASetAndOwnersByUid() {
        JsonNode result = smp(deployment(),
                "{'metadata':{'finalizers':['b','a'],'ownerReferences':[{'uid':'u2','name':'y'},{'uid':'u1','name':'x2'}]}}", DEPLOYMENT);

        assertThat(result.at("/metadata/finalizers")).isEqualTo(json("['b','a']"));
        assertThat(result.at("/metadata/ownerReferences")).isEqualTo(json("[{'uid':'u2','name':'y'},{'uid':'u1','name':'x2'}]"));

        JsonNode removed = smp(deployment(), "{'metadata':{'$deleteFromPrimitiveList/finalizers':['a']}}", DEPLOYMENT);
        assertThat(removed.at("/metadata/finalizers")).isEqualTo(json("[]"));
    }

    @Test
    void statusConditionsMergeByType() {
        JsonNode result = smp(deployment(), "{'status':{'conditions':[{'type':'Progressing','status':'False'}]}}", DEPLOYMENT);

        assertThat(result.at("/status/conditions"))
                .isEqualTo(json("[{'type':'Available','status':'True'},{'type':'Progressing','status':'False'}]"));
    }

    @Test
    void statefulSetRollbackReplacesTheWholeTemplate() {
        JsonNode live = json("{'spec':{'replicas':2,'template':{'metadata':{'labels':{'app':'nginx','extra':'x'}},"
                + "'spec':{'containers':[{'name':'nginx','image':'registry.k8s.io/nginx-slim:0.25'},{'name':'sidecar','image':'b'}],"
                + "'terminationGracePeriodSeconds':10}}}}");
        String controllerRevisionData = "{'spec':{'template':{'metadata':{'labels':{'app':'nginx'},'creationTimestamp':null},"
                + "'spec':{'containers':[{'name':'nginx','image':'registry.k8s.io/nginx-slim:0.24'}]},'$patch':'replace'}}}";

        JsonNode result = smp(live, controllerRevisionData, STATEFULSET);

        assertThat(result.at("/spec/template")).isEqualTo(json("{'metadata':{'labels':{'app':'nginx'}},"
                + "'spec':{'containers':[{'name':'nginx','image':'registry.k8s.io/nginx-slim:0.24'}]}}"));
        assertThat(result.at("/spec/replicas").asInt()).isEqualTo(2);
    }

    @Test
    void servicePortsMergeByPort() {
        JsonNode service = json("{'spec':{'ports':[{'port':80,'targetPort':8080}],'selector':{'app':'a'}}}");

        JsonNode result = smp(service, "{'spec':{'ports':[{'port':80,'targetPort':9090},{'port':443}]}}", PatchContext.of("v1", "Service"));

        assertThat(result.at("/spec/ports")).isEqualTo(json("[{'port':80,'targetPort':9090},{'port':443}]"));
    }

    @Test
    void controllerRevisionDataIsKeptVerbatim() {
        JsonNode revision = json("{'data':{'spec':{'template':{'a':1,'$patch':'replace'}}},'revision':1}");

        JsonNode result = smp(revision, "{'revision':3}", PatchContext.of("apps/v1", "ControllerRevision"));

        assertThat(result).isEqualTo(json("{'data':{'spec':{'template':{'a':1,'$patch':'replace'}}},'revision':3}"));
    }

    @Test
    void strategicMergeOnACustomKindIsUnsupportedMediaType() {
        PatchContext website = PatchContext.of("example.com/v1", "Website");

        assertThatThrownBy(() -> smp(json("{}"), "{'spec':{}}", website))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(415);
                    assertThat(e.reason()).isEqualTo("UnsupportedMediaType");
                    assertThat(e.getMessage()).isEqualTo("the body of the request was in an unknown format - accepted media types include: "
                            + "application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml");
                });
        assertThat(Patches.supportsStrategicMerge("example.com/v1", "Website")).isFalse();
        assertThat(Patches.supportsStrategicMerge("v1", "Pod")).isTrue();
    }
}
