package io.steersman.core.store;

import io.steersman.api.model.ObjectMeta;
import io.steersman.api.resource.FieldError;
import io.steersman.api.resource.ResourceRegistry;
import io.steersman.api.resource.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The kinds the store tests use: widgets (spec + status), notes (plain data) and namespaces. */
final class TestKinds {
    static final ResourceType<Widget> WIDGETS = ResourceType.builder(Widget.class)
            .group("example.com").version("v1").kind("Widget").plural("widgets")
            .subresources(ResourceType.Subresource.STATUS)
            .defaulter(w -> w.spec().image() == null ? w.withSpec(new Widget.Spec(w.spec().replicas(), "nginx")) : w)
            .validator((w, old) -> {
                List<FieldError> errors = new ArrayList<>();
                if (w.spec().replicas() < 0) {
                    errors.add(FieldError.invalid("spec.replicas", w.spec().replicas(), "must be greater than or equal to 0"));
                }
                if (w.spec().image().isEmpty()) {
                    errors.add(FieldError.required("spec.image", ""));
                }
                return errors;
            })
            .selectableFields(w -> Map.of("spec.image", w.spec().image()))
            .build();

    static final ResourceType<Note> NOTES = ResourceType.builder(Note.class)
            .version("v1").kind("Note").plural("notes")
            .build();

    static final ResourceType<Space> NAMESPACES = ResourceType.builder(Space.class)
            .version("v1").kind("Namespace").plural("namespaces").namespaced(false)
            .build();

    private TestKinds() {}

    static ResourceRegistry registry() {
        return new ResourceRegistry().register(WIDGETS).register(NOTES).register(NAMESPACES);
    }

    static ObjectMeta meta(String namespace, String name) {
        return ObjectMeta.named(namespace, name);
    }
}
