package io.steersman.api.model.core;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.steersman.api.model.ApiObject;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.Unknown;
import io.steersman.api.model.Values;
import java.util.List;
import java.util.Map;

/** {@code v1 Endpoints}: the addresses behind a Service of the same name. */
public record Endpoints(
        String apiVersion,
        String kind,
        ObjectMeta metadata,
        List<EndpointSubset> subsets,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) implements ApiObject {

    public static final String API_VERSION = "v1";
    public static final String KIND = "Endpoints";

    public Endpoints {
        metadata = metadata == null ? ObjectMeta.EMPTY : metadata;
        subsets = Values.list(subsets);
        unknownFields = Unknown.copy(unknownFields);
    }

    public static Endpoints of(ObjectMeta metadata, List<EndpointSubset> subsets) {
        return new Endpoints(API_VERSION, KIND, metadata, subsets, null);
    }

    @Override
    public Endpoints withMetadata(ObjectMeta metadata) {
        return new Endpoints(apiVersion, kind, metadata, subsets, unknownFields);
    }

    public Endpoints withSubsets(List<EndpointSubset> subsets) {
        return new Endpoints(apiVersion, kind, metadata, subsets, unknownFields);
    }
}
