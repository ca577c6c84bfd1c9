package io.steersman.api.model.apps;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.steersman.api.model.Conditions;
import io.steersman.api.model.Unknown;
import io.steersman.api.model.Values;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code apps/v1.StatefulSetStatus}: counts and the current and update revisions (ControllerRevision names). */
public record StatefulSetStatus(
        Long observedGeneration,
        Integer replicas,
        Integer readyReplicas,
        Integer currentReplicas,
        Integer updatedReplicas,
        Integer availableReplicas,
        String currentRevision,
        String updateRevision,
        Integer collisionCount,
        List<StatefulSetCondition> conditions,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    public static final StatefulSetStatus EMPTY = new StatefulSetStatus(null, null, null, null, null, null, null, null, null, null, null);

    public StatefulSetStatus {
        conditions = Values.list(conditions);
        unknownFields = Unknown.copy(unknownFields);
    }

    public Optional<StatefulSetCondition> condition(String type) {
        return Conditions.find(conditions, type, StatefulSetCondition::type);
    }

    public long observedGenerationOrZero() {
        return observedGeneration == null ? 0 : observedGeneration;
    }

    public int replicasOrZero() {
        return replicas == null ? 0 : replicas;
    }

    public int readyReplicasOrZero() {
        return readyReplicas == null ? 0 : readyReplicas;
    }

    public int currentReplicasOrZero() {
        return currentReplicas == null ? 0 : currentReplicas;
    }

    public int updatedReplicasOrZero() {
        return updatedReplicas == null ? 0 : updatedReplicas;
    }

    public int availableReplicasOrZero() {
        return availableReplicas == null ? 0 : availableReplicas;
    }

    public int collisionCountOrZero() {
        return collisionCount == null ? 0 : collisionCount;
    }
}
