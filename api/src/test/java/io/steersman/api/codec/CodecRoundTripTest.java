package io.steersman.api.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.steersman.api.model.ApiObject;
import io.steersman.api.model.IntOrString;
import io.steersman.api.model.Quantity;
import io.steersman.api.model.apps.ControllerRevision;
import io.steersman.api.model.apps.Deployment;
import io.steersman.api.model.apps.StatefulSet;
import io.steersman.api.model.autoscaling.Scale;
import io.steersman.api.model.core.Container;
import io.steersman.api.model.core.PersistentVolumeClaim;
import io.steersman.api.model.core.Pod;
import io.steersman.api.model.core.Service;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CodecRoundTripTest {
    private final Codec codec = Codec.DEFAULT;

    @ParameterizedTest
    @ValueSource(strings = {"nginx-deployment.yaml", "nginx-service.yaml", "web-statefulset.yaml", "unknown-fields.yaml"})
    void seedManifestsSurviveYamlToObjectToJsonToObject(String fixture) {
        ApiObject fromYaml = single(codec.decodeYaml(Fixtures.read(fixture)));

        ApiObject fromJson = codec.decodeJson(codec.toJson(fromYaml));

        assertThat(fromJson).isEqualTo(fromYaml);
        assertThat(codec.decodeYaml(codec.toYaml(fromYaml))).containsExactly(fromYaml);
    }

    @Test
    void theDeploymentManifestReadsAsTheNotesDescribeIt() {
        Deployment deployment = (Deployment) single(codec.decodeYaml(Fixtures.read("nginx-deployment.yaml")));

        assertThat(deployment.name()).isEqualTo("nginx-deployment");
        assertThat(deployment.spec().replicas()).isEqualTo(3);
        assertThat(deployment.spec().selector().matchLabels()).containsExactly(Map.entry("app", "nginx"));
        assertThat(deployment.spec().strategy().type()).isEqualTo("RollingUpdate");
        assertThat(deployment.spec().strategy().rollingUpdate().maxSurge()).isEqualTo(IntOrString.of(1));
        assertThat(deployment.spec().strategy().rollingUpdate().maxUnavailable()).isEqualTo(IntOrString.of(1));
        assertThat(deployment.spec().template().spec().containers()).extracting(Container::image).containsExactly("nginx:1.9.1");
    }

    @Test
    void theHeadlessServiceAndTheStatefulSetReadAsTheNotesDescribeThem() {
        List<ApiObject> objects = codec.decodeYaml(Fixtures.read("nginx-all.yaml"));

        assertThat(objects).hasSize(3);
        Service service = (Service) objects.get(0);
        assertThat(service.spec().isHeadless()).isTrue();
        assertThat(service.spec().ports()).singleElement()
                .satisfies(port -> assertThat(port.name()).isEqualTo("web"))
                .satisfies(port -> assertThat(port.port()).isEqualTo(80));
        assertThat(service.spec().selector()).containsExactly(Map.entry("app", "nginx"));

        StatefulSet sts = (StatefulSet) objects.get(1);
        assertThat(sts.spec().serviceName()).isEqualTo("nginx");
        assertThat(sts.spec().replicas()).isEqualTo(2);
        Container nginx = sts.spec().template().spec().containers().get(0);
        assertThat(nginx.image()).isEqualTo("nginx:1.9.1");
        assertThat(nginx.ports().get(0).name()).isEqualTo("web");
        assertThat(nginx.ports().get(0).containerPort()).isEqualTo(80);
        assertThat(nginx.volumeMounts().get(0).mountPath()).isEqualTo("/usr/share/nginx/html");
        PersistentVolumeClaim www = sts.spec().volumeClaimTemplates().get(0);
        assertThat(www.name()).isEqualTo("www");
        assertThat(www.spec().accessModes()).containsExactly("ReadWriteOnce");
        assertThat(www.spec().resources().requests()).containsExactly(Map.entry("storage", new Quantity("1Gi")));

        assertThat(objects.get(2)).isInstanceOf(Deployment.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sts-web.json", "pvc.json", "service-headless.json", "scale-sts.json", "pod-web-0.json"})
    void kubectlSamplesKeepTheirJsonTree(String sample) {
        JsonNode original = codec.readTree(Fixtures.read("kubectl/" + sample));

        ApiObject object = codec.decode(original);

        assertSameTree(codec.toTree(object), withoutNulls(original));
        assertThat(codec.decodeYaml(codec.toYaml(object))).containsExactly(object);
        assertThat(codec.decodeJson(codec.toJsonString(object))).isEqualTo(object);
    }

    @Test
    void kubectlSamplesDecodeToTheirKinds() {
        assertThat(decodeSample("sts-web.json")).isInstanceOf(StatefulSet.class);
        assertThat(decodeSample("pvc.json")).isInstanceOf(PersistentVolumeClaim.class);
        assertThat(decodeSample("service-headless.json")).isInstanceOf(Service.class);
        assertThat(decodeSample("pod-web-0.json")).isInstanceOf(Pod.class);
        Scale scale = (Scale) decodeSample("scale-sts.json");
        assertThat(scale.spec().replicas()).isEqualTo(2);
        assertThat(scale.status().selector()).isEqualTo("app=nginx");
    }

    @Test
    void controllerRevisionsOfAListKeepTheirJsonTree() {
        JsonNode list = codec.readTree(Fixtures.read("kubectl/controllerrevisions.json"));

        assertThat(list.get("items")).hasSizeGreaterThan(1);
        for (JsonNode item : list.get("items")) {
            ControllerRevision revision = codec.decode(item, ControllerRevision.class);
            assertThat(revision.revisionOrZero()).isPositive();
            assertThat(revision.data()).containsKey("spec");
            // data is kept as it came, nulls included.
            assertSameTree(codec.toTree(revision), item);
            assertThat(codec.decode(codec.toTree(revision), ControllerRevision.class)).isEqualTo(revision);
        }
    }

    @Test
    void controllerRevisionDataIsFrozen() {
        JsonNode item = codec.readTree(Fixtures.read("kubectl/controllerrevisions.json")).get("items").get(0);
        ControllerRevision revision = codec.decode(item, ControllerRevision.class);

        @SuppressWarnings("unchecked")
        Map<String, Object> spec = (Map<String, Object>) revision.data().get("spec");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> spec.put("x", 1))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    /** Equal as JSON: 10 read into a Long field and written back is the same number as the 10 that came. */
    static void assertSameTree(JsonNode actual, JsonNode expected) {
        Comparator<JsonNode> sameValue = (a, b) -> {
            if (a.equals(b)) {
                return 0;
            }
            if (a.isNumber() && b.isNumber()) {
                return a.decimalValue().compareTo(b.decimalValue());
            }
            return 1;
        };
        assertThat(actual.equals(sameValue, expected)).as("%s%nshould be the same JSON as%n%s", actual, expected).isTrue();
    }

    private ApiObject decodeSample(String sample) {
        return codec.decodeJson(Fixtures.read("kubectl/" + sample));
    }

    private static ApiObject single(List<ApiObject> objects) {
        assertThat(objects).hasSize(1);
        return objects.get(0);
    }

    /**
     * Upstream writes {@code "creationTimestamp": null} in templates (a Go struct that is never
     * empty); the model leaves nulls out, which every client reads the same.
     */
    static JsonNode withoutNulls(JsonNode node) {
        JsonNode copy = node.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getValue().isNull()) {
                    fields.remove();
                } else {
                    strip(field.getValue());
                }
            }
        } else if (node.isArray()) {
            node.forEach(CodecRoundTripTest::strip);
        }
    }
}
