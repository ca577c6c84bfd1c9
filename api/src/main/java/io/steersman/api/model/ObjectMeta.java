package io.steersman.api.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Metadata every object carries, with Kubernetes' field names. Collections are never null: an
 * absent list or map is empty (and is left out when the object is written). {@code managedFields}
 * is kept as the JSON the server-side apply machinery reads and writes.
 */
public record ObjectMeta(
        String name,
        String generateName,
        String namespace,
        String uid,
        String resourceVersion,
        Long generation,
        Instant creationTimestamp,
        Instant deletionTimestamp,
        Long deletionGracePeriodSeconds,
        Map<String, String> labels,
        Map<String, String> annotations,
        List<OwnerReference> ownerReferences,
        List<String> finalizers,
        List<Map<String, Object>> managedFields,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    /** Metadata with nothing set: what an object without {@code metadata} reads as. */
    public static final ObjectMeta EMPTY = new Builder().build();

    public ObjectMeta {
        labels = Values.map(labels);
        annotations = Values.map(annotations);
        ownerReferences = Values.list(ownerReferences);
        finalizers = Values.list(finalizers);
        managedFields = managedFields == null || managedFields.isEmpty()
                ? List.of()
                : List.copyOf(managedFields.stream().map(Unknown::copy).toList());
        unknownFields = Unknown.copy(unknownFields);
    }

    public static ObjectMeta named(String namespace, String name) {
        return builder().namespace(namespace).name(name).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public long generationOrZero() {
        return generation == null ? 0 : generation;
    }

    public boolean isBeingDeleted() {
        return deletionTimestamp != null;
    }

    public Optional<String> annotation(String key) {
        return Optional.ofNullable(annotations.get(key));
    }

    /** The owner reference marked {@code controller: true}, if any. */
    public Optional<OwnerReference> controllerRef() {
        for (OwnerReference ref : ownerReferences) {
            if (ref.isController()) {
                return Optional.of(ref);
            }
        }
        return Optional.empty();
    }

    public ObjectMeta withName(String name) {
        return toBuilder().name(name).build();
    }

    public ObjectMeta withNamespace(String namespace) {
        return toBuilder().namespace(namespace).build();
    }

    public ObjectMeta withResourceVersion(String resourceVersion) {
        return toBuilder().resourceVersion(resourceVersion).build();
    }

    public ObjectMeta withLabels(Map<String, String> labels) {
        return toBuilder().labels(labels).build();
    }

    public ObjectMeta withAnnotations(Map<String, String> annotations) {
        return toBuilder().annotations(annotations).build();
    }

    /** A copy with one annotation set, or removed when {@code value} is null. */
    public ObjectMeta withAnnotation(String key, String value) {
        Map<String, String> copy = new HashMap<>(annotations);
        if (value == null) {
            copy.remove(key);
        } else {
            copy.put(key, value);
        }
        return withAnnotations(copy);
    }

    /** A copy with one label set, or removed when {@code value} is null. */
    public ObjectMeta withLabel(String key, String value) {
        Map<String, String> copy = new HashMap<>(labels);
        if (value == null) {
            copy.remove(key);
        } else {
            copy.put(key, value);
        }
        return withLabels(copy);
    }

    public ObjectMeta withOwnerReferences(List<OwnerReference> ownerReferences) {
        return toBuilder().ownerReferences(ownerReferences).build();
    }

    public ObjectMeta withFinalizers(List<String> finalizers) {
        return toBuilder().finalizers(finalizers).build();
    }

    /** Builds an {@link ObjectMeta}; unset collections are empty. */
    public static final class Builder {
        private String name;
        private String generateName;
        private String namespace;
        private String uid;
        private String resourceVersion;
        private Long generation;
        private Instant creationTimestamp;
        private Instant deletionTimestamp;
        private Long deletionGracePeriodSeconds;
        private Map<String, String> labels;
        private Map<String, String> annotations;
        private List<OwnerReference> ownerReferences;
        private List<String> finalizers;
        private List<Map<String, Object>> managedFields;
        private Map<String, Object> unknownFields;

        private Builder() {}

        private Builder(ObjectMeta m) {
            name = m.name;
            generateName = m.generateName;
            namespace = m.namespace;
            uid = m.uid;
            resourceVersion = m.resourceVersion;
            generation = m.generation;
            creationTimestamp = m.creationTimestamp;
            deletionTimestamp = m.deletionTimestamp;
            deletionGracePeriodSeconds = m.deletionGracePeriodSeconds;
            labels = m.labels;
            annotations = m.annotations;
            ownerReferences = m.ownerReferences;
            finalizers = m.finalizers;
            managedFields = m.managedFields;
            unknownFields = m.unknownFields;
        }

        public Builder name(String name) { this.name = name; return this; }
        public Builder generateName(String generateName) { this.generateName = generateName; return this; }
        public Builder namespace(String namespace) { this.namespace = namespace; return this; }
        public Builder uid(String uid) { this.uid = uid; return this; }
        public Builder resourceVersion(String resourceVersion) { this.resourceVersion = resourceVersion; return this; }
        public Builder generation(Long generation) { this.generation = generation; return this; }
        public Builder creationTimestamp(Instant creationTimestamp) { this.creationTimestamp = creationTimestamp; return this; }
        public Builder deletionTimestamp(Instant deletionTimestamp) { this.deletionTimestamp = deletionTimestamp; return this; }
        public Builder deletionGracePeriodSeconds(Long seconds) { this.deletionGracePeriodSeconds = seconds; return this; }
        public Builder labels(Map<String, String> labels) { this.labels = labels; return this; }
        public Builder annotations(Map<String, String> annotations) { this.annotations = annotations; return this; }
        public Builder ownerReferences(List<OwnerReference> refs) { this.ownerReferences = refs; return this; }
        public Builder finalizers(List<String> finalizers) { this.finalizers = finalizers; return this; }
        public Builder managedFields(List<Map<String, Object>> managedFields) { this.managedFields = managedFields; return this; }
        public Builder unknownFields(Map<String, Object> unknownFields) { this.unknownFields = unknownFields; return this; }

        public ObjectMeta build() {
            return new ObjectMeta(name, generateName, namespace, uid, resourceVersion, generation,
                    creationTimestamp, deletionTimestamp, deletionGracePeriodSeconds, labels, annotations,
                    ownerReferences, finalizers, managedFields, unknownFields);
        }
    }
}
