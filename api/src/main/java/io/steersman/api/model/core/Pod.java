package io.steersman.api.model.core;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.steersman.api.model.HasSpec;
import io.steersman.api.model.HasStatus;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.Unknown;
import java.util.Map;

/**
 * {@code v1 Pod}. Absent metadata, spec and status read as empty values, never null, and are
 * written as {@code {}} as upstream writes them.
 */
public record Pod(
        String apiVersion,
        String kind,
        ObjectMeta metadata,
        PodSpec spec,
        PodStatus status,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields)
        implements HasSpec<PodSpec>, HasStatus<PodStatus> {

    public static final String API_VERSION = "v1";
    public static final String KIND = "Pod";

    public Pod {
        metadata = metadata == null ? ObjectMeta.EMPTY : metadata;
        spec = spec == null ? PodSpec.EMPTY : spec;
        status = status == null ? PodStatus.EMPTY : status;
        unknownFields = Unknown.copy(unknownFields);
    }

    public static Pod of(ObjectMeta metadata, PodSpec spec) {
        return new Pod(API_VERSION, KIND, metadata, spec, null, null);
    }

    @Override
    public Pod withMetadata(ObjectMeta metadata) {
        return new Pod(apiVersion, kind, metadata, spec, status, unknownFields);
    }

    public Pod withSpec(PodSpec spec) {
        return new Pod(apiVersion, kind, metadata, spec, status, unknownFields);
    }

    @Override
    public Pod withStatus(PodStatus status) {
        return new Pod(apiVersion, kind, metadata, spec, status, unknownFields);
    }
}
