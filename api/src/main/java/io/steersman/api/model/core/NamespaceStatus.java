package io.steersman.api.model.core;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.steersman.api.model.Unknown;
import io.steersman.api.model.Values;
import java.util.List;
import java.util.Map;

/** {@code v1.NamespaceStatus}: {@code phase} Active or Terminating; conditions kept as JSON objects. */
public record NamespaceStatus(
        String phase,
        List<Map<String, Object>> conditions,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    public static final String ACTIVE = "Active";
    public static final String TERMINATING = "Terminating";
    public static final NamespaceStatus EMPTY = new NamespaceStatus(null, null, null);

    public NamespaceStatus {
        conditions = Unknown.copyAll(conditions);
        unknownFields = Unknown.copy(unknownFields);
    }

    public static NamespaceStatus of(String phase) {
        return new NamespaceStatus(phase, null, null);
    }
}
