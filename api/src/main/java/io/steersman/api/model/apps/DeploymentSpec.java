package io.steersman.api.model.apps;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.steersman.api.model.LabelSelector;
import io.steersman.api.model.Unknown;
import io.steersman.api.model.core.PodTemplateSpec;
import java.util.Map;

/** {@code apps/v1.DeploymentSpec}. Unset numbers read through the {@code ...OrDefault()} accessors as upstream defaults them. */
public record DeploymentSpec(
        Integer replicas,
        LabelSelector selector,
        PodTemplateSpec template,
        DeploymentStrategy strategy,
        Integer minReadySeconds,
        Integer revisionHistoryLimit,
        Boolean paused,
        Integer progressDeadlineSeconds,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    public static final DeploymentSpec EMPTY = new DeploymentSpec(null, null, null, null, null, null, null, null, null);

    public DeploymentSpec {
        template = template == null ? PodTemplateSpec.EMPTY : template;
        unknownFields = Unknown.copy(unknownFields);
    }

    public static DeploymentSpec of(int replicas, LabelSelector selector, PodTemplateSpec template) {
        return new DeploymentSpec(replicas, selector, template, null, null, null, null, null, null);
    }

    /** {@code replicas}, or upstream's default 1. */
    public int replicasOrDefault() {
        return replicas == null ? 1 : replicas;
    }

    public int minReadySecondsOrZero() {
        return minReadySeconds == null ? 0 : minReadySeconds;
    }

    /** {@code revisionHistoryLimit}, or upstream's default 10. */
    public int revisionHistoryLimitOrDefault() {
        return revisionHistoryLimit == null ? 10 : revisionHistoryLimit;
    }

    /** {@code progressDeadlineSeconds}, or upstream's default 600. */
    public int progressDeadlineSecondsOrDefault() {
        return progressDeadlineSeconds == null ? 600 : progressDeadlineSeconds;
    }

    public boolean isPaused() {
        return Boolean.TRUE.equals(paused);
    }

    public DeploymentSpec withReplicas(Integer replicas) {
        return new DeploymentSpec(replicas, selector, template, strategy, minReadySeconds, revisionHistoryLimit, paused,
                progressDeadlineSeconds, unknownFields);
    }

    public DeploymentSpec withTemplate(PodTemplateSpec template) {
        return new DeploymentSpec(replicas, selector, template, strategy, minReadySeconds, revisionHistoryLimit, paused,
                progressDeadlineSeconds, unknownFields);
    }

    public DeploymentSpec withStrategy(DeploymentStrategy strategy) {
        return new DeploymentSpec(replicas, selector, template, strategy, minReadySeconds, revisionHistoryLimit, paused,
                progressDeadlineSeconds, unknownFields);
    }

    public DeploymentSpec withPaused(Boolean paused) {
        return new DeploymentSpec(replicas, selector, template, strategy, minReadySeconds, revisionHistoryLimit, paused,
                progressDeadlineSeconds, unknownFields);
    }

    public DeploymentSpec withRevisionHistoryLimit(Integer revisionHistoryLimit) {
        return new DeploymentSpec(replicas, selector, template, strategy, minReadySeconds, revisionHistoryLimit, paused,
                progressDeadlineSeconds, unknownFields);
    }

    public DeploymentSpec withProgressDeadlineSeconds(Integer progressDeadlineSeconds) {
        return new DeploymentSpec(replicas, selector, template, strategy, minReadySeconds, revisionHistoryLimit, paused,
                progressDeadlineSeconds, unknownFields);
    }

    public DeploymentSpec withMinReadySeconds(Integer minReadySeconds) {
        return new DeploymentSpec(replicas, selector, template, strategy, minReadySeconds, revisionHistoryLimit, paused,
                progressDeadlineSeconds, unknownFields);
    }
}
