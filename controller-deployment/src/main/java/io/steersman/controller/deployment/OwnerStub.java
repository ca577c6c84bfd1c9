package io.steersman.controller.deployment;

import io.steersman.api.model.ApiObject;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.OwnerReference;

/**
 * An owner known only by its reference (kind, name, uid) and namespace: enough to ask the cache
 * for what it controls without fetching an object of a kind this plugin does not know.
 */
record OwnerStub(String apiVersion, String kind, ObjectMeta metadata) implements ApiObject {

    static OwnerStub of(OwnerReference ref, String namespace) {
        return new OwnerStub(ref.apiVersion(), ref.kind(),
                ObjectMeta.builder().namespace(namespace).name(ref.name()).uid(ref.uid()).build());
    }

    @Override
    public OwnerStub withMetadata(ObjectMeta metadata) {
        return new OwnerStub(apiVersion, kind, metadata);
    }
}
