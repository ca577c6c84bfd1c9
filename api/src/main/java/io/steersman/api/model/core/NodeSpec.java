package io.steersman.api.model.core;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.steersman.api.model.Unknown;
import io.steersman.api.model.Values;
import java.util.List;
import java.util.Map;

/** {@code v1.NodeSpec}: the pod CIDR and scheduling flags; taints kept as JSON objects. */
public record NodeSpec(
        String podCIDR,
        List<String> podCIDRs,
        String providerID,
        Boolean unschedulable,
        List<Map<String, Object>> taints,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    public static final NodeSpec EMPTY = new NodeSpec(null, null, null, null, null, null);

    public NodeSpec {
        podCIDRs = Values.list(podCIDRs);
        taints = Unknown.copyAll(taints);
        unknownFields = Unknown.copy(unknownFields);
    }
}
