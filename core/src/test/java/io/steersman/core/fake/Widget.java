package io.steersman.core.fake;

import io.steersman.api.model.ApiObject;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.resource.ResourceType;
import java.util.Map;

/** A namespaced test kind with a free-form spec. */
public record Widget(String apiVersion, String kind, ObjectMeta metadata, Map<String, String> spec) implements ApiObject {

    public static final ResourceType<Widget> TYPE = ResourceType.builder(Widget.class)
            .group("test.steersman.io").version("v1").kind("Widget").plural("widgets").build();

    public Widget {
        spec = spec == null ? Map.of() : Map.copyOf(spec);
    }

    public static Widget of(String namespace, String name) {
        return new Widget("test.steersman.io/v1", "Widget", ObjectMeta.named(namespace, name), Map.of());
    }

    public static Widget of(String namespace, String name, Map<String, String> labels) {
        return new Widget("test.steersman.io/v1", "Widget", ObjectMeta.named(namespace, name).withLabels(labels), Map.of());
    }

    @Override
    public Widget withMetadata(ObjectMeta metadata) {
        return new Widget(apiVersion, kind, metadata, spec);
    }

    public Widget withSpec(Map<String, String> spec) {
        return new Widget(apiVersion, kind, metadata, spec);
    }
}
