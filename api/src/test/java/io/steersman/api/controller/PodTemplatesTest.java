package io.steersman.api.controller;

import static org.assertj.core.api.Assertions.assertThat;

import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.OwnerReference;
import io.steersman.api.model.apps.ReplicaSet;
import io.steersman.api.model.apps.ReplicaSetSpec;
import io.steersman.api.model.core.PodSpec;
import io.steersman.api.model.core.PodTemplateSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PodTemplatesTest {

    @Test
    void aNewPodTakesTheTemplatesMetadataTheOwnersNamespaceAndTheOwnerAsController() {
        ObjectMeta templateMeta = ObjectMeta.builder()
                .name("ignored").namespace("ignored-too").uid("not-copied")
                .labels(Map.of("app", "web")).annotations(Map.of("note", "kept")).finalizers(List.of("example.com/keep"))
                .build();
        PodTemplateSpec template = PodTemplateSpec.of(templateMeta, PodSpec.EMPTY);
        ReplicaSet owner = ReplicaSet.of(ObjectMeta.builder().namespace("prod").name("web-abc").uid("u-1").build(),
                ReplicaSetSpec.of(1, null, template));

        ObjectMeta meta = PodTemplates.podMetadata(template, owner).build();

        assertThat(meta.name()).isNull();
        assertThat(meta.generateName()).isNull();
        assertThat(meta.uid()).isNull();
        assertThat(meta.namespace()).isEqualTo("prod");
        assertThat(meta.labels()).isEqualTo(Map.of("app", "web"));
        assertThat(meta.annotations()).isEqualTo(Map.of("note", "kept"));
        assertThat(meta.finalizers()).containsExactly("example.com/keep");
        assertThat(meta.ownerReferences()).containsExactly(OwnerReference.controllerOf(owner));
        assertThat(meta.controllerRef().orElseThrow().uid()).isEqualTo("u-1");
    }

    @Test
    void eachCallGivesTheCallerItsOwnBuilder() {
        PodTemplateSpec template = PodTemplateSpec.of(ObjectMeta.builder().labels(Map.of("app", "web")).build(), PodSpec.EMPTY);
        ReplicaSet owner = ReplicaSet.of(ObjectMeta.builder().namespace("prod").name("web").uid("u-1").build(),
                ReplicaSetSpec.of(1, null, template));

        ObjectMeta named = PodTemplates.podMetadata(template, owner).name("web-0").build();
        ObjectMeta generated = PodTemplates.podMetadata(template, owner).generateName("web-").build();

        assertThat(named.name()).isEqualTo("web-0");
        assertThat(named.generateName()).isNull();
        assertThat(generated.name()).isNull();
        assertThat(generated.generateName()).isEqualTo("web-");
    }
}
