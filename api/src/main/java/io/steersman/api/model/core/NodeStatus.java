package io.steersman.api.model.core;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.steersman.api.model.Quantity;
import io.steersman.api.model.Unknown;
import io.steersman.api.model.Values;
import java.util.List;
import java.util.Map;

/**
 * {@code v1.NodeStatus}. Capacity and allocatable are typed; conditions, addresses and nodeInfo are
 * kept as JSON objects ({@code {"type": "InternalIP", "address": "..."}} and so on).
 */
public record NodeStatus(
        Map<String, Quantity> capacity,
        Map<String, Quantity> allocatable,
        List<Map<String, Object>> conditions,
        List<Map<String, Object>> addresses,
        Map<String, Object> nodeInfo,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    public static final NodeStatus EMPTY = new NodeStatus(null, null, null, null, null, null);

    public NodeStatus {
        capacity = Values.map(capacity);
        allocatable = Values.map(allocatable);
        conditions = Unknown.copyAll(conditions);
        addresses = Unknown.copyAll(addresses);
        nodeInfo = Unknown.copy(nodeInfo);
        unknownFields = Unknown.copy(unknownFields);
    }
}
