package io.steersman.api.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.List;
import java.util.Map;

/** {@code metav1.LabelSelector}: matchLabels and matchExpressions, ANDed. */
public record LabelSelector(
        Map<String, String> matchLabels,
        List<LabelSelectorRequirement> matchExpressions,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    public LabelSelector {
        matchLabels = Values.map(matchLabels);
        matchExpressions = Values.list(matchExpressions);
        unknownFields = Unknown.copy(unknownFields);
    }

    public static LabelSelector matchLabels(Map<String, String> labels) {
        return new LabelSelector(labels, List.of(), null);
    }
}
