package io.steersman.api.model.coordination;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.steersman.api.model.HasSpec;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.Unknown;
import java.util.Map;

/** {@code coordination.k8s.io/v1 Lease}: leader election and node heartbeats. Absent spec reads as empty. */
public record Lease(
        String apiVersion,
        String kind,
        ObjectMeta metadata,
        LeaseSpec spec,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) implements HasSpec<LeaseSpec> {

    public static final String API_VERSION = "coordination.k8s.io/v1";
    public static final String KIND = "Lease";

    public Lease {
        metadata = metadata == null ? ObjectMeta.EMPTY : metadata;
        spec = spec == null ? LeaseSpec.EMPTY : spec;
        unknownFields = Unknown.copy(unknownFields);
    }

    public static Lease of(ObjectMeta metadata, LeaseSpec spec) {
        return new Lease(API_VERSION, KIND, metadata, spec, null);
    }

    @Override
    public Lease withMetadata(ObjectMeta metadata) {
        return new Lease(apiVersion, kind, metadata, spec, unknownFields);
    }

    public Lease withSpec(LeaseSpec spec) {
        return new Lease(apiVersion, kind, metadata, spec, unknownFields);
    }
}
