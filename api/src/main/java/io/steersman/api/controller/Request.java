package io.steersman.api.controller;

import io.steersman.api.model.ApiObject;

/** Which object to reconcile: a key, never the event that caused it. {@code namespace} is null for cluster-scoped kinds. */
public record Request(String namespace, String name) {

    public static Request of(ApiObject object) {
        return new Request(object.namespace(), object.name());
    }

    @Override
    public String toString() {
        return namespace == null ? name : namespace + "/" + name;
    }
}
