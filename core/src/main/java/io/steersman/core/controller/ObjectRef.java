package io.steersman.core.controller;

import io.steersman.api.model.ApiObject;
import io.steersman.api.resource.ResourceType;

/** A key that names its kind: what a {@link KindReconciler} is called with. {@code namespace} is null for cluster-scoped kinds. */
public record ObjectRef(ResourceType<?> type, String namespace, String name) {

    public static ObjectRef of(ResourceType<?> type, ApiObject object) {
        return new ObjectRef(type, type.namespaced() ? object.namespace() : null, object.name());
    }

    @Override
    public String toString() {
        return type.qualifiedPlural() + " " + (namespace == null ? name : namespace + "/" + name);
    }
}
