package io.steersman.api.model.core;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.steersman.api.model.ApiObject;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.Unknown;
import io.steersman.api.model.Values;
import java.util.Map;

/** {@code v1 ConfigMap}: text in {@code data}, base64 in {@code binaryData}. */
public record ConfigMap(
        String apiVersion,
        String kind,
        ObjectMeta metadata,
        Map<String, String> data,
        Map<String, String> binaryData,
        Boolean immutable,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) implements ApiObject {

    public static final String API_VERSION = "v1";
    public static final String KIND = "ConfigMap";

    public ConfigMap {
        metadata = metadata == null ? ObjectMeta.EMPTY : metadata;
        data = Values.map(data);
        binaryData = Values.map(binaryData);
        unknownFields = Unknown.copy(unknownFields);
    }

    public static ConfigMap of(ObjectMeta metadata, Map<String, String> data) {
        return new ConfigMap(API_VERSION, KIND, metadata, data, null, null, null);
    }

    @Override
    public ConfigMap withMetadata(ObjectMeta metadata) {
        return new ConfigMap(apiVersion, kind, metadata, data, binaryData, immutable, unknownFields);
    }

    public ConfigMap withData(Map<String, String> data) {
        return new ConfigMap(apiVersion, kind, metadata, data, binaryData, immutable, unknownFields);
    }
}
