package io.steersman.storage;

import io.steersman.api.client.Client;
import io.steersman.api.model.ApiObject;
import java.util.ArrayList;
import java.util.List;

/** Adds and removes one finalizer, as upstream's {@code protectionutil}: each a no-op when already done. */
final class Finalizers {
    private Finalizers() {}

    /** Upstream's {@code IsDeletionCandidate}: being deleted and still holding the finalizer. */
    static boolean isDeletionCandidate(ApiObject object, String finalizer) {
        return object.metadata().isBeingDeleted() && object.metadata().finalizers().contains(finalizer);
    }

    /** Upstream's {@code NeedToAddFinalizer}: not being deleted and without the finalizer. */
    static boolean needToAdd(ApiObject object, String finalizer) {
        return !object.metadata().isBeingDeleted() && !object.metadata().finalizers().contains(finalizer);
    }

    static void add(ApiObject object, String finalizer, Client client) {
        List<String> finalizers = new ArrayList<>(object.metadata().finalizers());
        finalizers.add(finalizer);
        client.update(object.withMetadata(object.metadata().withFinalizers(finalizers)));
    }

    static void remove(ApiObject object, String finalizer, Client client) {
        List<String> finalizers = new ArrayList<>(object.metadata().finalizers());
        finalizers.remove(finalizer);
        client.update(object.withMetadata(object.metadata().withFinalizers(finalizers)));
    }
}
