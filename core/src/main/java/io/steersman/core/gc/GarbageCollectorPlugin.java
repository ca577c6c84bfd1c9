package io.steersman.core.gc;

import io.steersman.api.model.ApiObject;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.OwnerReference;
import io.steersman.api.resource.ResourceType;
import io.steersman.core.controller.KindControllerSpec;
import io.steersman.core.controller.ObjectRef;
import io.steersman.core.controller.SystemPlugin;
import io.steersman.core.informer.SharedInformers;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Runs the {@link GarbageCollector} over every registered kind. A change wakes the object itself
 * when the collector may have something to do with it (it has owners, or it is being deleted with
 * the orphan or foregroundDeletion finalizer), unless every owner is in the caches with the same
 * uid and not being deleted; a deletion wakes the object's dependents (their owner is gone) and
 * its owners that are being deleted (one dependent fewer to wait for).
 */
public final class GarbageCollectorPlugin implements SystemPlugin {

    public static final String CONTROLLER = "garbage-collector";

    @Override
    public String name() {
        return "garbage-collector";
    }

    @Override
    public List<KindControllerSpec> kindControllers() {
        return List.of(new KindControllerSpec(CONTROLLER, GarbageCollector.class, GarbageCollectorPlugin::map, 2));
    }

    static Collection<ObjectRef> map(ResourceType<?> type, ApiObject object, boolean deleted, SharedInformers informers) {
        List<ObjectRef> refs = new ArrayList<>();
        ObjectMeta metadata = object.metadata();
        if (deleted) {
            if (object.uid() != null) {
                for (ApiObject dependent : informers.ownedBy(object.uid())) {
                    informers.registry().forKind(dependent.apiVersion(), dependent.kind()).ifPresent(t -> refs.add(ObjectRef.of(t, dependent)));
                }
            }
            for (OwnerReference ref : metadata.ownerReferences()) {
                cachedOwner(ref, object, informers)
                        .filter(owner -> owner.metadata().isBeingDeleted())
                        .ifPresent(owner -> refs.add(ObjectRef.of(registryType(owner, informers), owner)));
            }
            return refs;
        }
        boolean finalizing = metadata.isBeingDeleted()
                && (Finalizers.has(metadata, Finalizers.ORPHAN) || Finalizers.has(metadata, Finalizers.FOREGROUND_DELETION));
        if (finalizing || (!metadata.isBeingDeleted() && !allOwnersPresent(object, informers))) {
            refs.add(ObjectRef.of(type, object));
        }
        return refs;
    }

    /** True when every owner is in the caches, with the referenced uid, and not being deleted: nothing to collect. */
    private static boolean allOwnersPresent(ApiObject object, SharedInformers informers) {
        for (OwnerReference ref : object.metadata().ownerReferences()) {
            Optional<ApiObject> owner = cachedOwner(ref, object, informers);
            if (owner.isEmpty() || !ref.uid().equals(owner.get().uid()) || owner.get().metadata().isBeingDeleted()) {
                return false;
            }
        }
        return true;
    }

    private static Optional<ApiObject> cachedOwner(OwnerReference ref, ApiObject dependent, SharedInformers informers) {
        Optional<ResourceType<?>> type = informers.registry().forKind(ref.apiVersion(), ref.kind());
        if (type.isEmpty()) {
            return Optional.empty();
        }
        String namespace = type.get().namespaced() ? dependent.namespace() : null;
        return informers.forType(type.get()).get(namespace, ref.name()).map(ApiObject.class::cast);
    }

    private static ResourceType<?> registryType(ApiObject object, SharedInformers informers) {
        return informers.registry().forKind(object.apiVersion(), object.kind()).orElseThrow();
    }
}
