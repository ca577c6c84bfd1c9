package io.steersman.api.model.apps;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.steersman.api.model.LabelSelector;
import io.steersman.api.model.Unknown;
import io.steersman.api.model.core.PodTemplateSpec;
import java.util.Map;

/** {@code apps/v1.ReplicaSetSpec}. */
public record ReplicaSetSpec(
        Integer replicas,
        Integer minReadySeconds,
        LabelSelector selector,
        PodTemplateSpec template,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    public static final ReplicaSetSpec EMPTY = new ReplicaSetSpec(null, null, null, null, null);

    public ReplicaSetSpec {
        template = template == null ? PodTemplateSpec.EMPTY : template;
        unknownFields = Unknown.copy(unknownFields);
    }

    public static ReplicaSetSpec of(int replicas, LabelSelector selector, PodTemplateSpec template) {
        return new ReplicaSetSpec(replicas, null, selector, template, null);
    }

    /** {@code replicas}, or upstream's default 1. */
    public int replicasOrDefault() {
        return replicas == null ? 1 : replicas;
    }

    public int minReadySecondsOrZero() {
        return minReadySeconds == null ? 0 : minReadySeconds;
    }

    public ReplicaSetSpec withReplicas(Integer replicas) {
        return new ReplicaSetSpec(replicas, minReadySeconds, selector, template, unknownFields);
    }

    public ReplicaSetSpec withMinReadySeconds(Integer minReadySeconds) {
        return new ReplicaSetSpec(replicas, minReadySeconds, selector, template, unknownFields);
    }

    public ReplicaSetSpec withTemplate(PodTemplateSpec template) {
        return new ReplicaSetSpec(replicas, minReadySeconds, selector, template, unknownFields);
    }
}
