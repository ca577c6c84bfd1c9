package io.steersman.controller.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateHashTest {

    private static Map<String, Object> template(String image, boolean reversedLabels) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (reversedLabels) {
            labels.put("tier", "web");
            labels.put("app", "nginx");
        } else {
            labels.put("app", "nginx");
            labels.put("tier", "web");
        }
        return Map.of("metadata", Map.of("labels", labels),
                "spec", Map.of("containers", List.of(Map.of("name", "nginx", "image", image))));
    }

    @Test
    void equalTemplatesHashEquallyWhateverTheMapOrder() {
        assertThat(TemplateHash.compute(template("nginx:1.9.1", false), null))
                .isEqualTo(TemplateHash.compute(template("nginx:1.9.1", true), null));
    }

    @Test
    void hashIsStableAcrossRuns() {
        // pinned: a change here renames every ReplicaSet of every existing Deployment
        assertThat(TemplateHash.canonicalJson(template("nginx:1.9.1", true)))
                .isEqualTo("{\"metadata\":{\"labels\":{\"app\":\"nginx\",\"tier\":\"web\"}},"
                        + "\"spec\":{\"containers\":[{\"image\":\"nginx:1.9.1\",\"name\":\"nginx\"}]}}");
        String hash = TemplateHash.compute(template("nginx:1.9.1", false), null);
        assertThat(hash).matches("[4-9bcdf]{1,10}");
        assertThat(TemplateHash.compute(template("nginx:1.9.1", false), null)).isEqualTo(hash);
    }

    @Test
    void differentTemplatesOrCollisionCountsHashDifferently() {
        String base = TemplateHash.compute(template("nginx:1.9.1", false), null);
        assertThat(TemplateHash.compute(template("nginx:1.91", false), null)).isNotEqualTo(base);
        assertThat(TemplateHash.compute(template("nginx:1.9.1", false), 0)).isNotEqualTo(base);
        assertThat(TemplateHash.compute(template("nginx:1.9.1", false), 1))
                .isNotEqualTo(TemplateHash.compute(template("nginx:1.9.1", false), 0));
    }

    @Test
    void hashesPodTemplatesIncludingTimestamps() {
        var meta = io.steersman.api.model.ObjectMeta.builder().labels(Map.of("app", "nginx"))
                .creationTimestamp(java.time.Instant.parse("2026-01-01T00:00:00Z")).build();
        var spec = io.steersman.api.model.core.PodSpec.EMPTY;
        var a = io.steersman.api.model.core.PodTemplateSpec.of(meta, spec);
        var b = io.steersman.api.model.core.PodTemplateSpec.of(meta.withLabels(Map.of("app", "nginx")), spec);
        assertThat(TemplateHash.compute(a, null)).isEqualTo(TemplateHash.compute(b, null));
        assertThat(TemplateHash.compute(a, null)).isNotEqualTo(TemplateHash.compute(a.withMetadata(meta.withLabels(Map.of("app", "web"))), null));
    }

    @Test
    void hashesTheWireFormWithoutHelperMethods() {
        var meta = io.steersman.api.model.ObjectMeta.builder().labels(Map.of("app", "nginx")).build();
        var template = io.steersman.api.model.core.PodTemplateSpec.of(meta, io.steersman.api.model.core.PodSpec.of(
                List.of(io.steersman.api.model.core.Container.of("nginx", "nginx:1.9.1"))));
        assertThat(TemplateHash.canonicalJson(template))
                .isEqualTo("{\"metadata\":{\"labels\":{\"app\":\"nginx\"}},"
                        + "\"spec\":{\"containers\":[{\"image\":\"nginx:1.9.1\",\"name\":\"nginx\"}]}}");
    }
}
