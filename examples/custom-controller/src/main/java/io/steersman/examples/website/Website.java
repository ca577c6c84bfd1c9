package io.steersman.examples.website;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.steersman.api.model.HasSpec;
import io.steersman.api.model.HasStatus;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.Unknown;
import io.steersman.api.resource.ResourceType;
import io.steersman.api.resource.ResourceType.Subresource;
import java.util.Map;

/**
 * {@code example.steersman.io/v1 Website}: a web server of {@code spec.replicas} pods running
 * {@code spec.image}, reachable through a Service of the same name.
 *
 * <pre>
 * apiVersion: example.steersman.io/v1
 * kind: Website
 * metadata: {name: blog}
 * spec: {replicas: 2, image: "nginx:1.27"}
 * </pre>
 */
public record Website(
        String apiVersion,
        String kind,
        ObjectMeta metadata,
        Spec spec,
        Status status,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields)
        implements HasSpec<Website.Spec>, HasStatus<Website.Status> {

    public static final String API_VERSION = "example.steersman.io/v1";
    public static final String KIND = "Website";

    /** How the API serves the kind: `kubectl get websites` (or `ws`) prints REPLICAS, IMAGE and AVAILABLE. */
    public static final ResourceType<Website> TYPE = ResourceType.builder(Website.class)
            .group("example.steersman.io").version("v1").kind(KIND).plural("websites").singular("website")
            .shortNames("ws")
            .namespaced(true)
            .subresources(Subresource.STATUS)
            .printerColumn("Replicas", "integer", ".spec.replicas")
            .printerColumn("Image", "string", ".spec.image")
            .printerColumn("Available", "integer", ".status.availableReplicas")
            .validator((site, old) -> WebsiteValidation.validate(site))
            .build();

    public Website {
        metadata = metadata == null ? ObjectMeta.builder().build() : metadata;
        spec = spec == null ? new Spec(null, null) : spec;
        status = status == null ? new Status(0, null) : status;
        unknownFields = Unknown.copy(unknownFields);
    }

    public static Website of(ObjectMeta metadata, Spec spec) {
        return new Website(API_VERSION, KIND, metadata, spec, null, null);
    }

    @Override
    public Website withMetadata(ObjectMeta metadata) {
        return new Website(apiVersion, kind, metadata, spec, status, unknownFields);
    }

    @Override
    public Website withStatus(Status status) {
        return new Website(apiVersion, kind, metadata, spec, status, unknownFields);
    }

    /** What the user asks for. {@code replicas} defaults to 1. */
    public record Spec(Integer replicas, String image) {
        public int replicasOrDefault() {
            return replicas == null ? 1 : replicas;
        }
    }

    /** What the controller observed: pods available behind the Service. */
    public record Status(Integer availableReplicas, Long observedGeneration) {}
}
