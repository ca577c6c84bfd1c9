package io.steersman.core.backend;

import io.steersman.api.codec.Codec;
import io.steersman.api.model.ApiObject;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.resource.ResourceRegistry;
import io.steersman.api.resource.ResourceType;

/** A tiny kind for backend tests, registered in {@link #CODEC} so a durable backend can store it. */
record Thing(String apiVersion, String kind, ObjectMeta metadata, int value) implements ApiObject {
    static final String API_VERSION = "test.steersman.io/v1";
    static final Codec CODEC = new Codec(new ResourceRegistry().register(ResourceType.builder(Thing.class)
            .group("test.steersman.io").version("v1").kind("Thing").plural("things").namespaced(false).build()));

    static Thing of(String name, int value) {
        return new Thing(API_VERSION, "Thing", ObjectMeta.named(null, name), value);
    }

    static int value(KeyValue kv) {
        return ((Thing) kv.value()).value();
    }

    @Override
    public Thing withMetadata(ObjectMeta metadata) {
        return new Thing(apiVersion, kind, metadata, value);
    }
}
