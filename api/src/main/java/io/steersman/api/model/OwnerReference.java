package io.steersman.api.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/** Points from a dependent to its owner, by uid. At most one owner reference is the controller. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OwnerReference(
        String apiVersion,
        String kind,
        String name,
        String uid,
        Boolean controller,
        Boolean blockOwnerDeletion,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    public OwnerReference {
        unknownFields = Unknown.copy(unknownFields);
    }

    /** The reference a controller puts on what it creates: controller and blockOwnerDeletion set. */
    public static OwnerReference controllerOf(ApiObject owner) {
        return new OwnerReference(owner.apiVersion(), owner.kind(), owner.name(), owner.uid(), true, true, null);
    }

    public boolean isController() {
        return Boolean.TRUE.equals(controller);
    }
}
