package io.steersman.apiserver;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.steersman.api.model.ApiObject;
import io.steersman.api.model.HasSpec;
import io.steersman.api.model.HasStatus;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.Unknown;
import io.steersman.api.resource.ResourceType;
import java.util.Map;

/** A plugin-style custom kind for the tests: replicas, an image, a status, a scale subresource. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record Website(String apiVersion, String kind, ObjectMeta metadata, Spec spec, Status status,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields)
        implements HasSpec<Website.Spec>, HasStatus<Website.Status> {

    static final ResourceType<Website> TYPE = ResourceType.builder(Website.class)
            .group("example.com").version("v1").kind("Website").plural("websites").shortNames("ws")
            .categories("all").subresources(ResourceType.Subresource.STATUS, ResourceType.Subresource.SCALE)
            .scale(new ResourceType.ScaleSpec(".spec.replicas", ".status.replicas", ".status.selector"))
            .printerColumn("Replicas", "integer", ".spec.replicas")
            .printerColumn("Image", "string", ".spec.image", 1)
            .build();

    Website {
        metadata = metadata == null ? ObjectMeta.builder().build() : metadata;
        unknownFields = Unknown.copy(unknownFields);
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Spec(Integer replicas, String image, @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {
        Spec {
            unknownFields = Unknown.copy(unknownFields);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Status(Integer replicas, String selector, @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {
        Status {
            unknownFields = Unknown.copy(unknownFields);
        }
    }

    @Override
    public ApiObject withMetadata(ObjectMeta metadata) {
        return new Website(apiVersion, kind, metadata, spec, status, unknownFields);
    }

    @Override
    public ApiObject withStatus(Status status) {
        return new Website(apiVersion, kind, metadata, spec, status, unknownFields);
    }
}
