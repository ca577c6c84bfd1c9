package io.steersman.api.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.steersman.api.model.LabelSelector;
import io.steersman.api.model.MicroTime;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.Quantity;
import io.steersman.api.model.apps.Deployment;
import io.steersman.api.model.apps.DeploymentSpec;
import io.steersman.api.model.coordination.Lease;
import io.steersman.api.model.coordination.LeaseSpec;
import io.steersman.api.model.core.ConfigMap;
import io.steersman.api.model.core.Container;
import io.steersman.api.model.core.Event;
import io.steersman.api.model.core.ObjectReference;
import io.steersman.api.model.core.Pod;
import io.steersman.api.model.core.PodSpec;
import io.steersman.api.model.core.PodTemplateSpec;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EncodingTest {
    private final Codec codec = Codec.DEFAULT;

    @Test
    void timesAreWrittenInWholeSecondsAndMicroTimesWithSixDigits() {
        Instant now = Instant.parse("2026-11-26T00:33:08.123456789Z");
        Event event = Event.of(ObjectMeta.named("default", "web.1"), new ObjectReference("v1", "Pod", "default", "web-0",
                null, null, null, null), Event.NORMAL, "Started", "Started container", "kubelet", now)
                .withMetadata(ObjectMeta.named("default", "web.1"));
        Event withEventTime = new Event(event.apiVersion(), event.kind(), event.metadata(), event.involvedObject(), event.reason(),
                event.message(), event.source(), event.firstTimestamp(), event.lastTimestamp(), event.count(), event.type(),
                MicroTime.of(now), null, null, null, event.reportingComponent(), null, null);

        JsonNode tree = codec.toTree(withEventTime);

        assertThat(tree.get("firstTimestamp").asText()).isEqualTo("2026-11-26T00:33:08Z");
        assertThat(tree.get("eventTime").asText()).isEqualTo("2026-11-26T00:33:08.123456Z");
    }

    @Test
    void timesReadBackAtThePrecisionTheyAreWritten() {
        String yaml = """
                apiVersion: coordination.k8s.io/v1
                kind: Lease
                metadata:
                  name: leader
                  creationTimestamp: "2026-11-26T01:33:08.5+01:00"
                spec:
                  holderIdentity: a
                  renewTime: "2026-11-26T00:33:08.123456Z"
                  acquireTime: 2026-11-26T00:33:08Z
                """;

        Lease lease = (Lease) codec.decodeYaml(yaml).get(0);

        assertThat(lease.metadata().creationTimestamp()).isEqualTo(Instant.parse("2026-11-26T00:33:08Z"));
        assertThat(lease.spec().renewTime()).isEqualTo(MicroTime.of(Instant.parse("2026-11-26T00:33:08.123456Z")));
        assertThat(lease.spec().acquireTime().toString()).isEqualTo("2026-11-26T00:33:08.000000Z");
        assertThat(codec.decodeJson(codec.toJson(lease))).isEqualTo(lease);
    }

    @Test
    void absentAndEmptyCollectionsAreLeftOut() {
        Pod pod = Pod.of(ObjectMeta.named("default", "p"), PodSpec.of(List.of(Container.of("c", "nginx:1.9.1"))));

        assertThat(codec.toJsonString(pod)).isEqualTo(
                "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\",\"namespace\":\"default\"},"
                        + "\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"nginx:1.9.1\"}]},\"status\":{}}");
    }

    @Test
    void helperAccessorsAreNotWrittenAsFields() {
        Deployment deployment = Deployment.of(ObjectMeta.named("default", "d"),
                DeploymentSpec.of(2, LabelSelector.matchLabels(Map.of("app", "d")), PodTemplateSpec.EMPTY).withPaused(true));

        JsonNode spec = codec.toTree(deployment).get("spec");

        assertThat(spec.fieldNames()).toIterable().containsExactly("replicas", "selector", "template", "paused");
        assertThat(codec.toTree(deployment).get("metadata").has("beingDeleted")).isFalse();
    }

    @Test
    void mapKeysAreSortedAsGoSortsThem() {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("b", "2");
        data.put("a", "1");
        data.put("C", "3");

        String json = codec.toJsonString(ConfigMap.of(ObjectMeta.named("default", "cm"), data));

        assertThat(json).contains("\"data\":{\"C\":\"3\",\"a\":\"1\",\"b\":\"2\"}");
    }

    @Test
    void quantitiesReadFromNumbersOrStringsAndWriteAsStrings() {
        String yaml = "apiVersion: v1\nkind: PersistentVolume\nmetadata: {name: pv}\nspec:\n  capacity: {storage: 1Gi, cpu: 2}\n";

        var pv = (io.steersman.api.model.core.PersistentVolume) codec.decodeYaml(yaml).get(0);

        assertThat(pv.spec().capacity()).containsEntry("storage", new Quantity("1Gi")).containsEntry("cpu", new Quantity("2"));
        assertThat(codec.toJsonString(pv)).contains("\"capacity\":{\"cpu\":\"2\",\"storage\":\"1Gi\"}");
    }

    @Test
    void yamlIsWrittenInBlockStyleAsKubectlPrintsIt() {
        Pod pod = Pod.of(ObjectMeta.builder().namespace("default").name("p").creationTimestamp(Instant.parse("2026-11-26T00:33:08Z")).build(),
                PodSpec.of(List.of(Container.of("c", "nginx:1.9.1"))));

        assertThat(codec.toYaml(pod)).isEqualTo("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: p
                  namespace: default
                  creationTimestamp: '2026-11-26T00:33:08Z'
                spec:
                  containers:
                  - name: c
                    image: nginx:1.9.1
                status: {}
                """);
    }

    @Test
    void multiLineStringsAreWrittenAsLiteralBlocks() {
        ConfigMap script = ConfigMap.of(ObjectMeta.named("default", "script"),
                Map.of("run.sh", "#!/bin/sh\necho hello\n", "odd", "trailing space \nline"));

        String yaml = codec.toYaml(script);

        assertThat(yaml).contains("run.sh: |\n    #!/bin/sh\n    echo hello\n");
        assertThat(codec.decodeYaml(yaml)).containsExactly(script);
    }

    @Test
    void severalObjectsMakeOneYamlStream() {
        ConfigMap a = ConfigMap.of(ObjectMeta.named("default", "a"), Map.of());
        ConfigMap b = ConfigMap.of(ObjectMeta.named("default", "b"), Map.of("k", "v"));

        String stream = codec.toYaml(List.of(a, b));

        assertThat(stream).contains("\n---\n");
        assertThat(codec.decodeYaml(stream)).containsExactly(a, b);
    }

    @Test
    void treesAndMapsConvertBothWays() {
        Pod pod = Pod.of(ObjectMeta.named("default", "p"), PodSpec.of(List.of(Container.of("c", "nginx:1.9.1"))));

        assertThat(codec.decode(codec.toTree(pod))).isEqualTo(pod);
        assertThat(codec.decode(codec.toMap(pod))).isEqualTo(pod);
        assertThat(codec.decode(codec.toTree(pod), Pod.class)).isEqualTo(pod);
        assertThat(codec.decodeJson(codec.toJson(pod), Pod.class)).isEqualTo(pod);
    }

    @Test
    void typesThatAreNoKindDecodeByTheirClass() {
        io.steersman.api.model.Status status = io.steersman.api.model.Status.failure(404, "NotFound", "deployments.apps \"x\" not found",
                new io.steersman.api.model.Status.Details("x", "apps", "deployments"));

        assertThat(codec.decodeJson(codec.toJson(status), io.steersman.api.model.Status.class)).isEqualTo(status);
    }
}
