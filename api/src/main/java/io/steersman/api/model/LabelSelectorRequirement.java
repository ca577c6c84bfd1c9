package io.steersman.api.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.List;
import java.util.Map;

/** One term of a LabelSelector: {@code operator} is In, NotIn, Exists or DoesNotExist. */
public record LabelSelectorRequirement(
        String key,
        String operator,
        List<String> values,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    public LabelSelectorRequirement {
        values = Values.list(values);
        unknownFields = Unknown.copy(unknownFields);
    }
}
