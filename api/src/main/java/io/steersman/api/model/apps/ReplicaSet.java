package io.steersman.api.model.apps;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.steersman.api.model.HasSpec;
import io.steersman.api.model.HasStatus;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.Unknown;
import java.util.Map;

/**
 * {@code apps/v1 ReplicaSet}: keeps {@code spec.replicas} pods matching its selector. Absent metadata, spec and status read as empty values, never null, and are written as
 * {@code {}} as upstream writes them.
 */
public record ReplicaSet(
        String apiVersion,
        String kind,
        ObjectMeta metadata,
        ReplicaSetSpec spec,
        ReplicaSetStatus status,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields)
        implements HasSpec<ReplicaSetSpec>, HasStatus<ReplicaSetStatus> {

    public static final String API_VERSION = "apps/v1";
    public static final String KIND = "ReplicaSet";

    public ReplicaSet {
        metadata = metadata == null ? ObjectMeta.EMPTY : metadata;
        spec = spec == null ? ReplicaSetSpec.EMPTY : spec;
        status = status == null ? ReplicaSetStatus.EMPTY : status;
        unknownFields = Unknown.copy(unknownFields);
    }

    public static ReplicaSet of(ObjectMeta metadata, ReplicaSetSpec spec) {
        return new ReplicaSet(API_VERSION, KIND, metadata, spec, null, null);
    }

    @Override
    public ReplicaSet withMetadata(ObjectMeta metadata) {
        return new ReplicaSet(apiVersion, kind, metadata, spec, status, unknownFields);
    }

    public ReplicaSet withSpec(ReplicaSetSpec spec) {
        return new ReplicaSet(apiVersion, kind, metadata, spec, status, unknownFields);
    }

    @Override
    public ReplicaSet withStatus(ReplicaSetStatus status) {
        return new ReplicaSet(apiVersion, kind, metadata, spec, status, unknownFields);
    }
}
