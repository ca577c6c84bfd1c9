package io.steersman.api.model.core;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.steersman.api.model.HasSpec;
import io.steersman.api.model.HasStatus;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.Unknown;
import java.util.Map;

/**
 * {@code v1 PersistentVolumeClaim}: a request for storage, bound to one PersistentVolume. Also the shape of a StatefulSet's {@code volumeClaimTemplates}. Absent metadata, spec and status read as empty values, never null, and are written as
 * {@code {}} as upstream writes them.
 */
public record PersistentVolumeClaim(
        String apiVersion,
        String kind,
        ObjectMeta metadata,
        PersistentVolumeClaimSpec spec,
        PersistentVolumeClaimStatus status,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields)
        implements HasSpec<PersistentVolumeClaimSpec>, HasStatus<PersistentVolumeClaimStatus> {

    public static final String API_VERSION = "v1";
    public static final String KIND = "PersistentVolumeClaim";

    public PersistentVolumeClaim {
        metadata = metadata == null ? ObjectMeta.EMPTY : metadata;
        spec = spec == null ? PersistentVolumeClaimSpec.EMPTY : spec;
        status = status == null ? PersistentVolumeClaimStatus.EMPTY : status;
        unknownFields = Unknown.copy(unknownFields);
    }

    public static PersistentVolumeClaim of(ObjectMeta metadata, PersistentVolumeClaimSpec spec) {
        return new PersistentVolumeClaim(API_VERSION, KIND, metadata, spec, null, null);
    }

    @Override
    public PersistentVolumeClaim withMetadata(ObjectMeta metadata) {
        return new PersistentVolumeClaim(apiVersion, kind, metadata, spec, status, unknownFields);
    }

    public PersistentVolumeClaim withSpec(PersistentVolumeClaimSpec spec) {
        return new PersistentVolumeClaim(apiVersion, kind, metadata, spec, status, unknownFields);
    }

    @Override
    public PersistentVolumeClaim withStatus(PersistentVolumeClaimStatus status) {
        return new PersistentVolumeClaim(apiVersion, kind, metadata, spec, status, unknownFields);
    }
}
