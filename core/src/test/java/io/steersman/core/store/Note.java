package io.steersman.core.store;

import io.steersman.api.model.ApiObject;
import io.steersman.api.model.ObjectMeta;
import java.util.Map;

/** A test kind without spec or status, shaped like a ConfigMap. */
record Note(String apiVersion, String kind, ObjectMeta metadata, Map<String, String> data) implements ApiObject {

    static Note of(String namespace, String name, String text) {
        return new Note("v1", "Note", ObjectMeta.named(namespace, name), Map.of("text", text));
    }

    @Override
    public Note withMetadata(ObjectMeta metadata) {
        return new Note(apiVersion, kind, metadata, data);
    }

    Note withText(String text) {
        return new Note(apiVersion, kind, metadata, Map.of("text", text));
    }
}
