package io.steersman.api.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.steersman.api.model.apps.Deployment;
import io.steersman.api.model.apps.DeploymentCondition;
import io.steersman.api.model.core.Container;
import io.steersman.api.model.core.EmptyDirVolumeSource;
import io.steersman.api.model.core.PodSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnknownFieldsTest {
    private final Codec codec = Codec.DEFAULT;
    private final Deployment deployment = (Deployment) codec.decodeYaml(Fixtures.read("unknown-fields.yaml")).get(0);

    @Test
    void unknownFieldsAreKeptAtEveryLevel() {
        assertThat(deployment.unknownFields()).containsExactly(Map.entry("futureTopLevelField", Map.of("anything", "goes")));
        assertThat(deployment.metadata().unknownFields()).containsExactly(Map.entry("futureMetadataField", "kept"));
        assertThat(deployment.spec().unknownFields())
                .containsExactly(Map.entry("futureSpecField", Map.of("nested", List.of(1, 2, Map.of("deep", true)))));
        PodSpec podSpec = deployment.spec().template().spec();
        assertThat(podSpec.unknownFields()).containsOnlyKeys("securityContext", "affinity");
        Container container = podSpec.containers().get(0);
        assertThat(container.unknownFields()).containsOnlyKeys("workingDir", "lifecycle");
        assertThat(container.ports().get(0).unknownFields()).containsExactly(Map.entry("futurePortField", 7));
        assertThat(deployment.status().unknownFields()).containsExactly(Map.entry("futureStatusField", "x"));
        DeploymentCondition available = deployment.status().conditions().get(0);
        assertThat(available.unknownFields()).containsExactly(Map.entry("futureConditionField", 1.5));
    }

    @Test
    void unknownFieldsAreWrittenBackWithTheKnownOnes() {
        String json = codec.toJsonString(deployment);

        assertThat(json)
                .contains("\"futureTopLevelField\":{\"anything\":\"goes\"}")
                .contains("\"futureMetadataField\":\"kept\"")
                .contains("\"futureSpecField\":{\"nested\":[1,2,{\"deep\":true}]}")
                .contains("\"securityContext\":{}")
                .contains("\"affinity\":{\"nodeAffinity\":{}}")
                .contains("\"workingDir\":\"/srv\"")
                .contains("\"futurePortField\":7")
                .contains("\"futureStatusField\":\"x\"")
                .contains("\"futureConditionField\":1.5");
    }

    @Test
    void emptyObjectsThatMeanSomethingSurvive() {
        PodSpec podSpec = deployment.spec().template().spec();

        assertThat(podSpec.volumes().get(0).emptyDir()).isEqualTo(EmptyDirVolumeSource.EMPTY);
        assertThat(podSpec.volumes().get(1).unknownFields()).containsOnlyKeys("nfs");
        assertThat(codec.toJsonString(podSpec)).contains("{\"name\":\"scratch\",\"emptyDir\":{}}");
        assertThat(podSpec.containers().get(0).env().get(1).value()).isEmpty();
        assertThat(codec.toJsonString(podSpec.containers().get(0).env().get(1))).isEqualTo("{\"name\":\"EMPTY\",\"value\":\"\"}");
        assertThat(podSpec.containers().get(0).env().get(0).valueFrom())
                .isEqualTo(Map.of("fieldRef", Map.of("fieldPath", "metadata.name")));
    }

    @Test
    void keptFieldsCannotBeChanged() {
        @SuppressWarnings("unchecked")
        Map<String, Object> nested = (Map<String, Object>) deployment.spec().unknownFields().get("futureSpecField");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> nested.put("x", 1))
                .isInstanceOf(UnsupportedOperationException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> deployment.unknownFields().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
