package io.steersman.api.model.autoscaling;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.steersman.api.model.HasSpec;
import io.steersman.api.model.HasStatus;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.Unknown;
import java.util.Map;

/**
 * {@code autoscaling/v1 Scale}: the scale subresource of Deployments, ReplicaSets and StatefulSets. Not a resource of its own: it is served at {@code .../<resource>/<name>/scale}. Absent metadata, spec and status read as empty values, never null, and are written as
 * {@code {}} as upstream writes them.
 */
public record Scale(
        String apiVersion,
        String kind,
        ObjectMeta metadata,
        ScaleSpec spec,
        ScaleStatus status,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields)
        implements HasSpec<ScaleSpec>, HasStatus<ScaleStatus> {

    public static final String API_VERSION = "autoscaling/v1";
    public static final String KIND = "Scale";

    public Scale {
        metadata = metadata == null ? ObjectMeta.EMPTY : metadata;
        spec = spec == null ? ScaleSpec.EMPTY : spec;
        status = status == null ? ScaleStatus.EMPTY : status;
        unknownFields = Unknown.copy(unknownFields);
    }

    public static Scale of(ObjectMeta metadata, ScaleSpec spec) {
        return new Scale(API_VERSION, KIND, metadata, spec, null, null);
    }

    @Override
    public Scale withMetadata(ObjectMeta metadata) {
        return new Scale(apiVersion, kind, metadata, spec, status, unknownFields);
    }

    public Scale withSpec(ScaleSpec spec) {
        return new Scale(apiVersion, kind, metadata, spec, status, unknownFields);
    }

    @Override
    public Scale withStatus(ScaleStatus status) {
        return new Scale(apiVersion, kind, metadata, spec, status, unknownFields);
    }
}
