package io.steersman.api.controller;

import io.steersman.api.client.Client;
import io.steersman.api.model.ApiObject;
import io.steersman.api.model.OwnerReference;
import java.util.Optional;

/**
 * Questions a controller asks before it keeps, adopts or releases an object, as upstream's
 * {@code metav1.IsControlledBy} and the {@code canAdopt} recheck of its
 * {@code ControllerRefManager}. Pure reads; thread-safe.
 */
public final class Ownership {
    private Ownership() {}

    /**
     * {@code IsControlledBy}: the object's controller reference names {@code owner} by uid (so an
     * owner deleted and recreated under the same name does not control it). False for an object
     * without controller, or controlled by anything else, and for an owner without uid.
     */
    public static boolean isControlledBy(ApiObject object, ApiObject owner) {
        Optional<OwnerReference> ref = object.metadata().controllerRef();
        return ref.isPresent() && owner.uid() != null && owner.uid().equals(ref.get().uid());
    }

    /**
     * Whether {@code owner} may adopt orphans now: read again through {@code cache}, it still exists
     * with the same uid and is not being deleted. Upstream re-reads the owner before its first
     * adoption of a pass so that a controller acting on a stale copy never adopts for an owner that
     * is gone, replaced or on its way out.
     */
    public static boolean canAdopt(Client cache, ApiObject owner) {
        Optional<? extends ApiObject> fresh = cache.get(owner.getClass(), owner.namespace(), owner.name());
        return fresh.isPresent() && owner.uid().equals(fresh.get().uid()) && !fresh.get().metadata().isBeingDeleted();
    }
}
