package io.steersman.api.model.apps;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.steersman.api.model.Conditions;
import io.steersman.api.model.Unknown;
import io.steersman.api.model.Values;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code apps/v1.ReplicaSetStatus}, as the ReplicaSet controller writes it. */
public record ReplicaSetStatus(
        Integer replicas,
        Integer fullyLabeledReplicas,
        Integer readyReplicas,
        Integer availableReplicas,
        Integer terminatingReplicas,
        Long observedGeneration,
        List<ReplicaSetCondition> conditions,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    public static final ReplicaSetStatus EMPTY = new ReplicaSetStatus(null, null, null, null, null, null, null, null);

    public ReplicaSetStatus {
        conditions = Values.list(conditions);
        unknownFields = Unknown.copy(unknownFields);
    }

    public Optional<ReplicaSetCondition> condition(String type) {
        return Conditions.find(conditions, type, ReplicaSetCondition::type);
    }

    public ReplicaSetStatus withCondition(ReplicaSetCondition condition) {
        return withConditions(Conditions.put(conditions, condition, ReplicaSetCondition::type));
    }

    public ReplicaSetStatus withoutCondition(String type) {
        return withConditions(Conditions.remove(conditions, type, ReplicaSetCondition::type));
    }

    public ReplicaSetStatus withConditions(List<ReplicaSetCondition> conditions) {
        return new ReplicaSetStatus(replicas, fullyLabeledReplicas, readyReplicas, availableReplicas, terminatingReplicas,
                observedGeneration, conditions, unknownFields);
    }

    public int replicasOrZero() {
        return replicas == null ? 0 : replicas;
    }

    public int fullyLabeledReplicasOrZero() {
        return fullyLabeledReplicas == null ? 0 : fullyLabeledReplicas;
    }

    public int readyReplicasOrZero() {
        return readyReplicas == null ? 0 : readyReplicas;
    }

    public int availableReplicasOrZero() {
        return availableReplicas == null ? 0 : availableReplicas;
    }

    public long observedGenerationOrZero() {
        return observedGeneration == null ? 0 : observedGeneration;
    }
}
