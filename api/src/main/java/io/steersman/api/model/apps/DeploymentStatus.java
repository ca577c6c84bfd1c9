package io.steersman.api.model.apps;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.steersman.api.model.Conditions;
import io.steersman.api.model.Unknown;
import io.steersman.api.model.Values;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code apps/v1.DeploymentStatus}, as the Deployment controller writes it. */
public record DeploymentStatus(
        Long observedGeneration,
        Integer replicas,
        Integer updatedReplicas,
        Integer readyReplicas,
        Integer availableReplicas,
        Integer unavailableReplicas,
        Integer terminatingReplicas,
        List<DeploymentCondition> conditions,
        Integer collisionCount,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    public static final DeploymentStatus EMPTY = new DeploymentStatus(null, null, null, null, null, null, null, null, null, null);

    public DeploymentStatus {
        conditions = Values.list(conditions);
        unknownFields = Unknown.copy(unknownFields);
    }

    public Optional<DeploymentCondition> condition(String type) {
        return Conditions.find(conditions, type, DeploymentCondition::type);
    }

    /** A copy with the condition of the same type replaced, or added at the end. */
    public DeploymentStatus withCondition(DeploymentCondition condition) {
        return withConditions(Conditions.put(conditions, condition, DeploymentCondition::type));
    }

    public DeploymentStatus withoutCondition(String type) {
        return withConditions(Conditions.remove(conditions, type, DeploymentCondition::type));
    }

    public DeploymentStatus withConditions(List<DeploymentCondition> conditions) {
        return new DeploymentStatus(observedGeneration, replicas, updatedReplicas, readyReplicas, availableReplicas,
                unavailableReplicas, terminatingReplicas, conditions, collisionCount, unknownFields);
    }

    public DeploymentStatus withCollisionCount(Integer collisionCount) {
        return new DeploymentStatus(observedGeneration, replicas, updatedReplicas, readyReplicas, availableReplicas,
                unavailableReplicas, terminatingReplicas, conditions, collisionCount, unknownFields);
    }

    public DeploymentStatus withObservedGeneration(Long observedGeneration) {
        return new DeploymentStatus(observedGeneration, replicas, updatedReplicas, readyReplicas, availableReplicas,
                unavailableReplicas, terminatingReplicas, conditions, collisionCount, unknownFields);
    }

    public long observedGenerationOrZero() {
        return observedGeneration == null ? 0 : observedGeneration;
    }

    public int replicasOrZero() {
        return replicas == null ? 0 : replicas;
    }

    public int updatedReplicasOrZero() {
        return updatedReplicas == null ? 0 : updatedReplicas;
    }

    public int readyReplicasOrZero() {
        return readyReplicas == null ? 0 : readyReplicas;
    }

    public int availableReplicasOrZero() {
        return availableReplicas == null ? 0 : availableReplicas;
    }

    public int unavailableReplicasOrZero() {
        return unavailableReplicas == null ? 0 : unavailableReplicas;
    }

    public int collisionCountOrZero() {
        return collisionCount == null ? 0 : collisionCount;
    }
}
