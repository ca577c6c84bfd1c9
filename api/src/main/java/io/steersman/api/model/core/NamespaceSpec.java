package io.steersman.api.model.core;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.steersman.api.model.Unknown;
import io.steersman.api.model.Values;
import java.util.List;
import java.util.Map;

/** {@code v1.NamespaceSpec}: the finalizers (e.g. {@code kubernetes}) that must go before the namespace is removed. */
public record NamespaceSpec(
        List<String> finalizers,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    public static final NamespaceSpec EMPTY = new NamespaceSpec(null, null);

    public NamespaceSpec {
        finalizers = Values.list(finalizers);
        unknownFields = Unknown.copy(unknownFields);
    }
}
