package io.steersman.api.model.core;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.steersman.api.model.ApiObject;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.Unknown;
import io.steersman.api.model.Values;
import java.util.Map;

/**
 * {@code v1 Secret}: base64 values in {@code data}; {@code stringData} is write-only upstream (merged
 * into data on write). {@code type} defaults to Opaque.
 */
public record Secret(
        String apiVersion,
        String kind,
        ObjectMeta metadata,
        String type,
        Map<String, String> data,
        Map<String, String> stringData,
        Boolean immutable,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) implements ApiObject {

    public static final String API_VERSION = "v1";
    public static final String KIND = "Secret";
    public static final String OPAQUE = "Opaque";

    public Secret {
        metadata = metadata == null ? ObjectMeta.EMPTY : metadata;
        data = Values.map(data);
        stringData = Values.map(stringData);
        unknownFields = Unknown.copy(unknownFields);
    }

    public static Secret of(ObjectMeta metadata, String type, Map<String, String> data) {
        return new Secret(API_VERSION, KIND, metadata, type, data, null, null, null);
    }

    @Override
    public Secret withMetadata(ObjectMeta metadata) {
        return new Secret(apiVersion, kind, metadata, type, data, stringData, immutable, unknownFields);
    }

    public Secret withData(Map<String, String> data) {
        return new Secret(apiVersion, kind, metadata, type, data, stringData, immutable, unknownFields);
    }
}
