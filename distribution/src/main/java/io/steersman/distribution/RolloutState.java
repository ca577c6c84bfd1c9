package io.steersman.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import io.steersman.api.codec.Codec;
import io.steersman.api.model.ApiObject;

/**
 * How far one workload has rolled out, read from the status fields every replicated workload shares
 * (Deployments, StatefulSets, a plugin's own kinds with the same shape), with {@code kubectl rollout
 * status}'s rules: done when the controller has seen the latest generation and every desired replica
 * is updated and available; failed when the Progressing condition says ProgressDeadlineExceeded.
 */
record RolloutState(String kind, String namespace, String name, int desired, int updated, int ready, int available,
        boolean observed, boolean done, String failure) {

    static RolloutState of(ApiObject object, Codec codec) {
        JsonNode tree = codec.toTree(object);
        JsonNode status = tree.path("status");
        int desired = tree.path("spec").path("replicas").asInt(1);
        int replicas = status.path("replicas").asInt(0);
        int updated = status.path("updatedReplicas").asInt(0);
        int ready = status.path("readyReplicas").asInt(0);
        // StatefulSets count availability too; kinds without it fall back to readiness.
        int available = status.has("availableReplicas") ? status.path("availableReplicas").asInt(0) : ready;
        long generation = tree.path("metadata").path("generation").asLong(0);
        boolean observed = status.path("observedGeneration").asLong(0) >= generation;
        String failure = null;
        for (JsonNode condition : status.path("conditions")) {
            if ("Progressing".equals(condition.path("type").asText())
                    && "ProgressDeadlineExceeded".equals(condition.path("reason").asText())) {
                failure = condition.path("message").asText("progress deadline exceeded");
            }
        }
        boolean done = observed && failure == null && updated >= desired && replicas <= updated && available >= updated;
        return new RolloutState(object.kind(), object.namespace(), object.name(), desired, updated, ready, available,
                observed, done, failure);
    }

    /** Workloads are the kinds whose spec has replicas and a pod template. */
    static boolean isWorkload(ApiObject object, Codec codec) {
        JsonNode spec = codec.toTree(object).path("spec");
        return spec.has("template") && spec.path("template").has("spec");
    }

    String label() {
        return kind.toLowerCase(java.util.Locale.ROOT) + "/" + name;
    }
}
