package io.steersman.api.model.core;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.steersman.api.model.HasSpec;
import io.steersman.api.model.HasStatus;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.Unknown;
import java.util.Map;

/**
 * {@code v1 Node} (cluster-scoped): a machine pods run on; here, a simulated one. Absent metadata, spec and status read as empty values, never null, and are written as
 * {@code {}} as upstream writes them.
 */
public record Node(
        String apiVersion,
        String kind,
        ObjectMeta metadata,
        NodeSpec spec,
        NodeStatus status,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields)
        implements HasSpec<NodeSpec>, HasStatus<NodeStatus> {

    public static final String API_VERSION = "v1";
    public static final String KIND = "Node";

    public Node {
        metadata = metadata == null ? ObjectMeta.EMPTY : metadata;
        spec = spec == null ? NodeSpec.EMPTY : spec;
        status = status == null ? NodeStatus.EMPTY : status;
        unknownFields = Unknown.copy(unknownFields);
    }

    public static Node of(ObjectMeta metadata, NodeSpec spec) {
        return new Node(API_VERSION, KIND, metadata, spec, null, null);
    }

    @Override
    public Node withMetadata(ObjectMeta metadata) {
        return new Node(apiVersion, kind, metadata, spec, status, unknownFields);
    }

    public Node withSpec(NodeSpec spec) {
        return new Node(apiVersion, kind, metadata, spec, status, unknownFields);
    }

    @Override
    public Node withStatus(NodeStatus status) {
        return new Node(apiVersion, kind, metadata, spec, status, unknownFields);
    }
}
