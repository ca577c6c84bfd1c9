package io.steersman.api.model.core;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.steersman.api.model.HasSpec;
import io.steersman.api.model.HasStatus;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.Unknown;
import java.util.Map;

/**
 * {@code v1 Namespace}. {@code status.phase} is Active or Terminating. Absent metadata, spec and status read as empty values, never null, and are written as
 * {@code {}} as upstream writes them.
 */
public record Namespace(
        String apiVersion,
        String kind,
        ObjectMeta metadata,
        NamespaceSpec spec,
        NamespaceStatus status,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields)
        implements HasSpec<NamespaceSpec>, HasStatus<NamespaceStatus> {

    public static final String API_VERSION = "v1";
    public static final String KIND = "Namespace";

    public Namespace {
        metadata = metadata == null ? ObjectMeta.EMPTY : metadata;
        spec = spec == null ? NamespaceSpec.EMPTY : spec;
        status = status == null ? NamespaceStatus.EMPTY : status;
        unknownFields = Unknown.copy(unknownFields);
    }

    public static Namespace of(ObjectMeta metadata, NamespaceSpec spec) {
        return new Namespace(API_VERSION, KIND, metadata, spec, null, null);
    }

    @Override
    public Namespace withMetadata(ObjectMeta metadata) {
        return new Namespace(apiVersion, kind, metadata, spec, status, unknownFields);
    }

    public Namespace withSpec(NamespaceSpec spec) {
        return new Namespace(apiVersion, kind, metadata, spec, status, unknownFields);
    }

    @Override
    public Namespace withStatus(NamespaceStatus status) {
        return new Namespace(apiVersion, kind, metadata, spec, status, unknownFields);
    }
}
