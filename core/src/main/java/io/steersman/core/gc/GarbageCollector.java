package io.steersman.core.gc;

import io.steersman.api.client.Client;
import io.steersman.api.client.ConflictException;
import io.steersman.api.client.DeleteOptions;
import io.steersman.api.client.DeleteOptions.PropagationPolicy;
import io.steersman.api.client.NotFoundException;
import io.steersman.api.controller.Result;
import io.steersman.api.model.ApiObject;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.OwnerReference;
import io.steersman.api.resource.ResourceRegistry;
import io.steersman.api.resource.ResourceType;
import io.steersman.core.controller.KindReconciler;
import io.steersman.core.controller.ObjectRef;
import io.steersman.core.informer.SharedInformers;
import io.steersman.core.store.Store;
import io.steersman.core.store.WriteOptions;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The garbage collector, as upstream's ({@code pkg/controller/garbagecollector}), reconciling one
 * object of any kind at a time:
 * <ul>
 *   <li>an object whose owners are all gone (by uid: an owner of the same name with another uid is
 *       gone too) is deleted, in the background unless its own finalizers ask otherwise; one that
 *       still has an owner loses its references to the owners that are gone;</li>
 *   <li>an owner deleted with propagationPolicy Foreground carries the {@code foregroundDeletion}
 *       finalizer: its dependents are deleted, and once none with {@code blockOwnerDeletion}
 *       remains the finalizer is removed, so the store removes the owner;</li>
 *   <li>an owner deleted with propagationPolicy Orphan carries the {@code orphan} finalizer: its
 *       dependents lose their references to it, then the finalizer is removed.</li>
 * </ul>
 *
 * <p>Decisions read the store, not the caches (as upstream verifies with a live GET): a cache a
 * moment behind must never make it delete a dependent whose owner was just created. Deletions carry
 * the uid as a precondition, so an object recreated under the same name is never hit. Dependents
 * are found through the informers' owner-uid index. Thread-safe; idempotent.
 */
final class GarbageCollector implements KindReconciler {
    private static final Logger LOG = LoggerFactory.getLogger(GarbageCollector.class);

    private final Store store;
    private final ResourceRegistry registry;
    private final SharedInformers informers;

    @Inject
    GarbageCollector(Store store, ResourceRegistry registry, SharedInformers informers) {
        this.store = store;
        this.registry = registry;
        this.informers = informers;
    }

    @Override
    public Result reconcile(ObjectRef ref, Client client) {
        Optional<? extends ApiObject> found = store.get(ref.type(), ref.namespace(), ref.name());
        if (found.isEmpty()) {
            return Result.done();
        }
        ApiObject object = found.get();
        ObjectMeta metadata = object.metadata();
        if (metadata.isBeingDeleted()) {
            if (Finalizers.has(metadata, Finalizers.ORPHAN)) {
                orphanDependents(object);
                removeFinalizer(ref.type(), object, Finalizers.ORPHAN);
            } else if (Finalizers.has(metadata, Finalizers.FOREGROUND_DELETION)) {
                deleteDependents(ref.type(), object);
            }
            // An object on its way out is not collected again, whatever its owners do.
            return Result.done();
        }
        Verdict verdict = Verdict.of(object, owner -> ownerState(owner, object), !dependents(object).isEmpty());
        switch (verdict.action()) {
            case KEEP -> { }
            case REMOVE_REFERENCES -> removeOwnerReferences(ref.type(), object, verdict.removeUids()::contains);
            case DELETE -> delete(ref.type(), object, verdict.policy());
        }
        return Result.done();
    }

    /** Foreground: delete every dependent not already going; drop the finalizer once no blocking one is left. */
    private void deleteDependents(ResourceType<?> type, ApiObject owner) {
        boolean blocked = false;
        for (ApiObject cached : dependents(owner)) {
            Optional<ResourceType<?>> dependentType = typeOf(cached);
            if (dependentType.isEmpty()) {
                continue;
            }
            Optional<? extends ApiObject> live = store.get(dependentType.get(), cached.namespace(), cached.name());
            if (live.isEmpty() || !refersTo(live.get(), owner.uid())) {
                continue;
            }
            ApiObject dependent = live.get();
            boolean blocking = blocks(dependent, owner.uid());
            if (!dependent.metadata().isBeingDeleted()) {
                // Upstream deletes a dependent of a foreground owner as attemptToDeleteItem would:
                // in the foreground itself when it has dependents of its own; one that has another
                // owner still only forgets this one, and then no longer blocks it.
                Verdict verdict = Verdict.of(dependent, ref -> ownerState(ref, dependent), !dependents(dependent).isEmpty());
                switch (verdict.action()) {
                    case KEEP -> { }
                    case REMOVE_REFERENCES -> {
                        removeOwnerReferences(dependentType.get(), dependent, verdict.removeUids()::contains);
                        blocking &= !verdict.removeUids().contains(owner.uid());
                    }
                    case DELETE -> delete(dependentType.get(), dependent, verdict.policy());
                }
            }
            blocked |= blocking;
        }
        if (!blocked) {
            removeFinalizer(type, owner, Finalizers.FOREGROUND_DELETION);
        }
    }

    /** Orphan: every dependent forgets the owner. */
    private void orphanDependents(ApiObject owner) {
        for (ApiObject dependent : dependents(owner)) {
            typeOf(dependent).ifPresent(type -> removeOwnerReferences(type, dependent, owner.uid()::equals));
        }
    }

    /** The state of the owner {@code ref} names, read from the store. */
    private OwnerState ownerState(OwnerReference ref, ApiObject dependent) {
        Optional<ResourceType<?>> type = registry.forKind(ref.apiVersion(), ref.kind());
        if (type.isEmpty()) {
            // A kind this control plane does not serve: never collect on a guess.
            LOG.debug("{} {}/{} names an owner of unknown kind {} {}", dependent.kind(), dependent.namespace(), dependent.name(),
                    ref.apiVersion(), ref.kind());
            return OwnerState.SOLID;
        }
        if (type.get().namespaced() && dependent.namespace() == null) {
            return OwnerState.DANGLING; // a cluster-scoped object cannot be owned by a namespaced one
        }
        String namespace = type.get().namespaced() ? dependent.namespace() : null;
        Optional<? extends ApiObject> owner = store.get(type.get(), namespace, ref.name());
        if (owner.isEmpty() || !owner.get().uid().equals(ref.uid())) {
            return OwnerState.DANGLING;
        }
        ObjectMeta metadata = owner.get().metadata();
        if (metadata.isBeingDeleted() && Finalizers.has(metadata, Finalizers.FOREGROUND_DELETION)) {
            return OwnerState.WAITING;
        }
        return OwnerState.SOLID;
    }

    private List<ApiObject> dependents(ApiObject owner) {
        return owner.uid() == null ? List.of() : informers.ownedBy(owner.uid());
    }

    private Optional<ResourceType<?>> typeOf(ApiObject object) {
        return registry.forKind(object.apiVersion(), object.kind());
    }

    private static boolean refersTo(ApiObject dependent, String ownerUid) {
        return dependent.metadata().ownerReferences().stream().anyMatch(r -> ownerUid.equals(r.uid()));
    }

    private static boolean blocks(ApiObject dependent, String ownerUid) {
        return dependent.metadata().ownerReferences().stream()
                .anyMatch(r -> ownerUid.equals(r.uid()) && Boolean.TRUE.equals(r.blockOwnerDeletion()));
    }

    private void delete(ResourceType<?> type, ApiObject object, PropagationPolicy policy) {
        try {
            store.delete(type, object.namespace(), object.name(), new DeleteOptions(policy, null, object.uid(), null),
                    WriteOptions.DEFAULT);
            LOG.debug("garbage collected {} {}/{} ({})", object.kind(), object.namespace(), object.name(), policy);
        } catch (NotFoundException | ConflictException gone) {
            // Gone already, or replaced by a new object of the same name: nothing of ours to collect.
        }
    }

    private void removeOwnerReferences(ResourceType<?> type, ApiObject object, Predicate<String> uids) {
        changeMetadata(type, object, metadata -> {
            List<OwnerReference> kept = new ArrayList<>(metadata.ownerReferences());
            kept.removeIf(r -> uids.test(r.uid()));
            return metadata.withOwnerReferences(kept);
        });
    }

    private void removeFinalizer(ResourceType<?> type, ApiObject object, String finalizer) {
        changeMetadata(type, object, metadata -> Finalizers.without(metadata, finalizer));
    }

    /** Rewrites the object's metadata against its latest version, as long as it is still the same object (uid). */
    private <T extends ApiObject> void changeMetadata(ResourceType<T> type, ApiObject object, UnaryOperator<ObjectMeta> change) {
        try {
            store.guaranteedUpdate(type, object.namespace(), object.name(), Store.Subresource.MAIN, current -> {
                if (!object.uid().equals(current.uid())) {
                    throw new ObjectReplaced();
                }
                ObjectMeta changed = change.apply(current.metadata());
                return changed.equals(current.metadata()) ? current : type.cast(current.withMetadata(changed));
            }, WriteOptions.DEFAULT);
        } catch (NotFoundException | ObjectReplaced gone) {
            // The object went away or was replaced meanwhile: what we meant to change no longer exists.
        }
    }

    /** Raised inside an update when the object at the name is another one now. */
    private static final class ObjectReplaced extends RuntimeException {
        ObjectReplaced() {
            super(null, null, false, false);
        }
    }

    @Override
    public String toString() {
        return "GarbageCollector";
    }
}
