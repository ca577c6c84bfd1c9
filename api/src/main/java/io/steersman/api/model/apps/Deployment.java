package io.steersman.api.model.apps;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.steersman.api.model.HasSpec;
import io.steersman.api.model.HasStatus;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.Unknown;
import java.util.Map;

/**
 * {@code apps/v1 Deployment}: declarative updates of pods through ReplicaSets. Absent metadata, spec and status read as empty values, never null, and are written as
 * {@code {}} as upstream writes them.
 */
public record Deployment(
        String apiVersion,
        String kind,
        ObjectMeta metadata,
        DeploymentSpec spec,
        DeploymentStatus status,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields)
        implements HasSpec<DeploymentSpec>, HasStatus<DeploymentStatus> {

    public static final String API_VERSION = "apps/v1";
    public static final String KIND = "Deployment";

    public Deployment {
        metadata = metadata == null ? ObjectMeta.EMPTY : metadata;
        spec = spec == null ? DeploymentSpec.EMPTY : spec;
        status = status == null ? DeploymentStatus.EMPTY : status;
        unknownFields = Unknown.copy(unknownFields);
    }

    public static Deployment of(ObjectMeta metadata, DeploymentSpec spec) {
        return new Deployment(API_VERSION, KIND, metadata, spec, null, null);
    }

    @Override
    public Deployment withMetadata(ObjectMeta metadata) {
        return new Deployment(apiVersion, kind, metadata, spec, status, unknownFields);
    }

    public Deployment withSpec(DeploymentSpec spec) {
        return new Deployment(apiVersion, kind, metadata, spec, status, unknownFields);
    }

    @Override
    public Deployment withStatus(DeploymentStatus status) {
        return new Deployment(apiVersion, kind, metadata, spec, status, unknownFields);
    }
}
