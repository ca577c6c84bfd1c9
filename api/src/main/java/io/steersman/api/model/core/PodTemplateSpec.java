package io.steersman.api.model.core;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.Unknown;
import java.util.Map;

/**
 * {@code v1.PodTemplateSpec}: the pods a workload makes. Absent metadata and spec read as empty
 * values, never null.
 */
public record PodTemplateSpec(
        ObjectMeta metadata,
        PodSpec spec,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    public static final PodTemplateSpec EMPTY = new PodTemplateSpec(null, null, null);

    public PodTemplateSpec {
        metadata = metadata == null ? ObjectMeta.EMPTY : metadata;
        spec = spec == null ? PodSpec.EMPTY : spec;
        unknownFields = Unknown.copy(unknownFields);
    }

    public static PodTemplateSpec of(ObjectMeta metadata, PodSpec spec) {
        return new PodTemplateSpec(metadata, spec, null);
    }

    public PodTemplateSpec withMetadata(ObjectMeta metadata) {
        return new PodTemplateSpec(metadata, spec, unknownFields);
    }

    public PodTemplateSpec withSpec(PodSpec spec) {
        return new PodTemplateSpec(metadata, spec, unknownFields);
    }
}
