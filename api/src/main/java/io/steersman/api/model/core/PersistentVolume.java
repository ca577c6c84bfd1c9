package io.steersman.api.model.core;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.steersman.api.model.HasSpec;
import io.steersman.api.model.HasStatus;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.Unknown;
import java.util.Map;

/**
 * {@code v1 PersistentVolume}: a piece of storage (cluster-scoped), bound to at most one claim through {@code spec.claimRef}. Absent metadata, spec and status read as empty values, never null, and are written as
 * {@code {}} as upstream writes them.
 */
public record PersistentVolume(
        String apiVersion,
        String kind,
        ObjectMeta metadata,
        PersistentVolumeSpec spec,
        PersistentVolumeStatus status,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields)
        implements HasSpec<PersistentVolumeSpec>, HasStatus<PersistentVolumeStatus> {

    public static final String API_VERSION = "v1";
    public static final String KIND = "PersistentVolume";

    public PersistentVolume {
        metadata = metadata == null ? ObjectMeta.EMPTY : metadata;
        spec = spec == null ? PersistentVolumeSpec.EMPTY : spec;
        status = status == null ? PersistentVolumeStatus.EMPTY : status;
        unknownFields = Unknown.copy(unknownFields);
    }

    public static PersistentVolume of(ObjectMeta metadata, PersistentVolumeSpec spec) {
        return new PersistentVolume(API_VERSION, KIND, metadata, spec, null, null);
    }

    @Override
    public PersistentVolume withMetadata(ObjectMeta metadata) {
        return new PersistentVolume(apiVersion, kind, metadata, spec, status, unknownFields);
    }

    public PersistentVolume withSpec(PersistentVolumeSpec spec) {
        return new PersistentVolume(apiVersion, kind, metadata, spec, status, unknownFields);
    }

    @Override
    public PersistentVolume withStatus(PersistentVolumeStatus status) {
        return new PersistentVolume(apiVersion, kind, metadata, spec, status, unknownFields);
    }
}
