package io.steersman.core.fake;

import io.steersman.api.model.ApiObject;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.OwnerReference;
import io.steersman.api.resource.ResourceType;
import java.util.List;

/** A namespaced test kind that widgets own. */
public record Gadget(String apiVersion, String kind, ObjectMeta metadata) implements ApiObject {

    public static final ResourceType<Gadget> TYPE = ResourceType.builder(Gadget.class)
            .group("test.steersman.io").version("v1").kind("Gadget").plural("gadgets").build();

    public static Gadget of(String namespace, String name) {
        return new Gadget("test.steersman.io/v1", "Gadget", ObjectMeta.named(namespace, name));
    }

    public static Gadget ownedBy(ApiObject owner, String name) {
        return new Gadget("test.steersman.io/v1", "Gadget", ObjectMeta.named(owner.namespace(), name)
                .withOwnerReferences(List.of(OwnerReference.controllerOf(owner))));
    }

    @Override
    public Gadget withMetadata(ObjectMeta metadata) {
        return new Gadget(apiVersion, kind, metadata);
    }
}
