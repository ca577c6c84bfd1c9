package io.steersman.api.model.apps;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.steersman.api.model.HasSpec;
import io.steersman.api.model.HasStatus;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.Unknown;
import java.util.Map;

/**
 * {@code apps/v1 StatefulSet}: pods with stable names, ordinals and storage. Absent metadata, spec and status read as empty values, never null, and are written as
 * {@code {}} as upstream writes them.
 */
public record StatefulSet(
        String apiVersion,
        String kind,
        ObjectMeta metadata,
        StatefulSetSpec spec,
        StatefulSetStatus status,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields)
        implements HasSpec<StatefulSetSpec>, HasStatus<StatefulSetStatus> {

    public static final String API_VERSION = "apps/v1";
    public static final String KIND = "StatefulSet";

    public StatefulSet {
        metadata = metadata == null ? ObjectMeta.EMPTY : metadata;
        spec = spec == null ? StatefulSetSpec.EMPTY : spec;
        status = status == null ? StatefulSetStatus.EMPTY : status;
        unknownFields = Unknown.copy(unknownFields);
    }

    public static StatefulSet of(ObjectMeta metadata, StatefulSetSpec spec) {
        return new StatefulSet(API_VERSION, KIND, metadata, spec, null, null);
    }

    @Override
    public StatefulSet withMetadata(ObjectMeta metadata) {
        return new StatefulSet(apiVersion, kind, metadata, spec, status, unknownFields);
    }

    public StatefulSet withSpec(StatefulSetSpec spec) {
        return new StatefulSet(apiVersion, kind, metadata, spec, status, unknownFields);
    }

    @Override
    public StatefulSet withStatus(StatefulSetStatus status) {
        return new StatefulSet(apiVersion, kind, metadata, spec, status, unknownFields);
    }
}
