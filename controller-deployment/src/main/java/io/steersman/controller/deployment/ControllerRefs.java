package io.steersman.controller.deployment;

import io.steersman.api.client.Client;
import io.steersman.api.client.ConflictException;
import io.steersman.api.client.NotFoundException;
import io.steersman.api.controller.Ownership;
import io.steersman.api.model.ApiObject;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.OwnerReference;
import io.steersman.api.selector.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Upstream's {@code ControllerRefManager}: which objects a controller owns. Objects it controls
 * and its selector still matches are kept; those that stopped matching are released (its
 * ownerReference removed); orphans that match are adopted with a controller ownerReference. Writes
 * are updates guarded by resourceVersion, so a pod that changed meanwhile (say, adopted by someone
 * else) is never taken over blindly: the conflict leaves it out of this pass.
 */
final class ControllerRefs<T extends ApiObject> {
    private final Client client;
    private final ApiObject owner;
    private final Selector selector;
    private final Function<T, Boolean> adoptable;
    private boolean incomplete;
    private Boolean ownerStillCurrent;

    /**
     * @param adoptable extra condition for adopting an orphan (upstream: pods must not be terminating)
     */
    ControllerRefs(Client client, ApiObject owner, Selector selector, Function<T, Boolean> adoptable) {
        this.client = client;
        this.owner = owner;
        this.selector = selector;
        this.adoptable = adoptable;
    }

    /**
     * The objects the owner controls after adoption and release, from the cache's view of what it
     * controls ({@code controlled}) and of what its selector matches ({@code matching}).
     */
    List<T> claim(List<T> controlled, List<T> matching) {
        List<T> claimed = new ArrayList<>(controlled.size());
        boolean ownerDeleting = owner.metadata().isBeingDeleted();
        for (T object : controlled) {
            if (selector.matches(object.metadata().labels())) {
                claimed.add(object);
            } else if (!ownerDeleting) {
                release(object);
            }
        }
        if (ownerDeleting) {
            return claimed;
        }
        for (T object : matching) {
            if (object.metadata().controllerRef().isPresent() || object.metadata().isBeingDeleted()
                    || !adoptable.apply(object)) {
                continue;
            }
            if (!ownerStillCurrent()) {
                break;
            }
            adopt(object).ifPresent(claimed::add);
        }
        return claimed;
    }

    /** True when an adoption or release could not be written: the claimed list may be short. */
    boolean incomplete() {
        return incomplete;
    }

    /**
     * Upstream re-reads the owner before its first adoption and refuses when its uid changed or it
     * is being deleted; the client reads from the cache, which serves the same purpose here.
     */
    private boolean ownerStillCurrent() {
        if (ownerStillCurrent == null) {
            ownerStillCurrent = Ownership.canAdopt(client, owner);
        }
        return ownerStillCurrent;
    }

    @SuppressWarnings("unchecked")
    private Optional<T> adopt(T object) {
        List<OwnerReference> refs = new ArrayList<>(object.metadata().ownerReferences());
        refs.add(OwnerReference.controllerOf(owner));
        try {
            return Optional.of(client.update((T) object.withMetadata(object.metadata().withOwnerReferences(refs))));
        } catch (ConflictException | NotFoundException e) {
            incomplete = true;
            return Optional.empty();
        }
    }

    @SuppressWarnings("unchecked")
    private void release(T object) {
        List<OwnerReference> refs = new ArrayList<>();
        for (OwnerReference ref : object.metadata().ownerReferences()) {
            if (!owner.uid().equals(ref.uid())) {
                refs.add(ref);
            }
        }
        ObjectMeta meta = object.metadata().withOwnerReferences(refs);
        try {
            client.update((T) object.withMetadata(meta));
        } catch (NotFoundException e) {
            // gone already: nothing to release
        } catch (ConflictException e) {
            incomplete = true;
        }
    }
}
