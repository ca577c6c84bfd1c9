package io.steersman.core.store;

import io.steersman.api.model.ApiObject;
import io.steersman.api.model.ObjectMeta;

/** A stand-in for the Namespace kind (v1/Namespace, cluster-scoped) in tests of the generic store. */
record Space(String apiVersion, String kind, ObjectMeta metadata) implements ApiObject {

    static Space named(String name) {
        return new Space("v1", "Namespace", ObjectMeta.named(null, name));
    }

    @Override
    public Space withMetadata(ObjectMeta metadata) {
        return new Space(apiVersion, kind, metadata);
    }
}
