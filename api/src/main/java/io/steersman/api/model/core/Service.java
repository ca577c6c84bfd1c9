package io.steersman.api.model.core;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.steersman.api.model.HasSpec;
import io.steersman.api.model.HasStatus;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.Unknown;
import java.util.Map;

/**
 * {@code v1 Service}: a stable name and address for a set of pods. Absent metadata, spec and status read as empty values, never null, and are written as
 * {@code {}} as upstream writes them.
 */
public record Service(
        String apiVersion,
        String kind,
        ObjectMeta metadata,
        ServiceSpec spec,
        ServiceStatus status,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields)
        implements HasSpec<ServiceSpec>, HasStatus<ServiceStatus> {

    public static final String API_VERSION = "v1";
    public static final String KIND = "Service";

    public Service {
        metadata = metadata == null ? ObjectMeta.EMPTY : metadata;
        spec = spec == null ? ServiceSpec.EMPTY : spec;
        status = status == null ? ServiceStatus.EMPTY : status;
        unknownFields = Unknown.copy(unknownFields);
    }

    public static Service of(ObjectMeta metadata, ServiceSpec spec) {
        return new Service(API_VERSION, KIND, metadata, spec, null, null);
    }

    @Override
    public Service withMetadata(ObjectMeta metadata) {
        return new Service(apiVersion, kind, metadata, spec, status, unknownFields);
    }

    public Service withSpec(ServiceSpec spec) {
        return new Service(apiVersion, kind, metadata, spec, status, unknownFields);
    }

    @Override
    public Service withStatus(ServiceStatus status) {
        return new Service(apiVersion, kind, metadata, spec, status, unknownFields);
    }
}
