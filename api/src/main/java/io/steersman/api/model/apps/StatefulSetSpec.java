package io.steersman.api.model.apps;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.steersman.api.model.LabelSelector;
import io.steersman.api.model.Unknown;
import io.steersman.api.model.Values;
import io.steersman.api.model.core.PersistentVolumeClaim;
import io.steersman.api.model.core.PodTemplateSpec;
import java.util.List;
import java.util.Map;

/**
 * {@code apps/v1.StatefulSetSpec}. {@code podManagementPolicy} is OrderedReady (the default) or
 * Parallel; each volumeClaimTemplate yields a claim {@code <template>-<set>-<ordinal>} per pod.
 */
public record StatefulSetSpec(
        Integer replicas,
        LabelSelector selector,
        PodTemplateSpec template,
        List<PersistentVolumeClaim> volumeClaimTemplates,
        String serviceName,
        String podManagementPolicy,
        StatefulSetUpdateStrategy updateStrategy,
        Integer revisionHistoryLimit,
        Integer minReadySeconds,
        StatefulSetPersistentVolumeClaimRetentionPolicy persistentVolumeClaimRetentionPolicy,
        StatefulSetOrdinals ordinals,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    public static final String ORDERED_READY = "OrderedReady";
    public static final String PARALLEL = "Parallel";
    public static final StatefulSetSpec EMPTY = new StatefulSetSpec(null, null, null, null, null, null, null, null, null, null, null, null);

    public StatefulSetSpec {
        template = template == null ? PodTemplateSpec.EMPTY : template;
        volumeClaimTemplates = Values.list(volumeClaimTemplates);
        unknownFields = Unknown.copy(unknownFields);
    }

    public static StatefulSetSpec of(int replicas, LabelSelector selector, String serviceName, PodTemplateSpec template,
            List<PersistentVolumeClaim> volumeClaimTemplates) {
        return new StatefulSetSpec(replicas, selector, template, volumeClaimTemplates, serviceName, null, null, null, null,
                null, null, null);
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

    /** The first ordinal: {@code ordinals.start}, or 0. */
    public int ordinalStart() {
        return ordinals == null || ordinals.start() == null ? 0 : ordinals.start();
    }

    /** True when pods are created and deleted in parallel rather than one at a time in order. */
    public boolean isParallel() {
        return PARALLEL.equals(podManagementPolicy);
    }

    public StatefulSetSpec withReplicas(Integer replicas) {
        return new StatefulSetSpec(replicas, selector, template, volumeClaimTemplates, serviceName, podManagementPolicy,
                updateStrategy, revisionHistoryLimit, minReadySeconds, persistentVolumeClaimRetentionPolicy, ordinals,
                unknownFields);
    }

    public StatefulSetSpec withTemplate(PodTemplateSpec template) {
        return new StatefulSetSpec(replicas, selector, template, volumeClaimTemplates, serviceName, podManagementPolicy,
                updateStrategy, revisionHistoryLimit, minReadySeconds, persistentVolumeClaimRetentionPolicy, ordinals,
                unknownFields);
    }

    public StatefulSetSpec withUpdateStrategy(StatefulSetUpdateStrategy updateStrategy) {
        return new StatefulSetSpec(replicas, selector, template, volumeClaimTemplates, serviceName, podManagementPolicy,
                updateStrategy, revisionHistoryLimit, minReadySeconds, persistentVolumeClaimRetentionPolicy, ordinals,
                unknownFields);
    }
}
