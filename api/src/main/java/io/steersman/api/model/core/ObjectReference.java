package io.steersman.api.model.core;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.steersman.api.model.ApiObject;
import io.steersman.api.model.Unknown;
import java.util.Map;

/** {@code v1.ObjectReference}: points at an object, or at a field of one ({@code fieldPath}). */
public record ObjectReference(
        String apiVersion,
        String kind,
        String namespace,
        String name,
        String uid,
        String resourceVersion,
        String fieldPath,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    public ObjectReference {
        unknownFields = Unknown.copy(unknownFields);
    }

    /** A reference to the whole object, as an Event's involvedObject or a PV's claimRef carries it. */
    public static ObjectReference to(ApiObject object) {
        return new ObjectReference(object.apiVersion(), object.kind(), object.namespace(), object.name(),
                object.uid(), object.metadata().resourceVersion(), null, null);
    }
}
