package io.steersman.api.model.apps;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.steersman.api.model.ApiObject;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.Unknown;
import java.util.Map;

/**
 * {@code apps/v1 ControllerRevision}: an immutable snapshot of a StatefulSet's (or DaemonSet's)
 * template, {@code data} being the patch the controller would apply, kept as a frozen JSON tree.
 * {@code revision} orders the snapshots of one owner.
 */
public record ControllerRevision(
        String apiVersion,
        String kind,
        ObjectMeta metadata,
        Map<String, Object> data,
        Long revision,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) implements ApiObject {

    public static final String API_VERSION = "apps/v1";
    public static final String KIND = "ControllerRevision";

    public ControllerRevision {
        metadata = metadata == null ? ObjectMeta.EMPTY : metadata;
        data = Unknown.copy(data);
        unknownFields = Unknown.copy(unknownFields);
    }

    public static ControllerRevision of(ObjectMeta metadata, Map<String, Object> data, long revision) {
        return new ControllerRevision(API_VERSION, KIND, metadata, data, revision, null);
    }

    public long revisionOrZero() {
        return revision == null ? 0 : revision;
    }

    @Override
    public ControllerRevision withMetadata(ObjectMeta metadata) {
        return new ControllerRevision(apiVersion, kind, metadata, data, revision, unknownFields);
    }

    public ControllerRevision withRevision(long revision) {
        return new ControllerRevision(apiVersion, kind, metadata, data, revision, unknownFields);
    }
}
