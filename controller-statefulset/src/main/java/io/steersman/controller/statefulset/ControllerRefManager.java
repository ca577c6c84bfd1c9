package io.steersman.controller.statefulset;

import io.steersman.api.client.Client;
import io.steersman.api.client.ConflictException;
import io.steersman.api.client.NotFoundException;
import io.steersman.api.model.ApiObject;
import io.steersman.api.model.OwnerReference;
import io.steersman.api.model.apps.StatefulSet;
import io.steersman.api.selector.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Upstream's {@code ControllerRefManager} for a StatefulSet: which of the candidate objects the set
 * owns. Objects it controls stay while they still match (selector and {@code filter}: for pods, a
 * name of the set's); those that stopped matching are released (our reference removed), unless the
 * set is being deleted. Orphans that match, and are not being deleted, are adopted with a
 * controller reference, once the set has been found current (same uid, not being deleted).
 * Writes are updates guarded by resourceVersion: an object that changed meanwhile is left to the
 * next pass, which {@link #incomplete()} reports.
 */
final class ControllerRefManager<T extends ApiObject> {
    private final Client client;
    private final StatefulSet set;
    private final Selector selector;
    private final Predicate<T> filter;
    private boolean incomplete;
    private Boolean setStillCurrent;

    ControllerRefManager(Client client, StatefulSet set, Selector selector, Predicate<T> filter) {
        this.client = client;
        this.set = set;
        this.selector = selector;
        this.filter = filter;
    }

    /** The candidates the set owns after adoption and release. */
    List<T> claim(List<T> candidates) {
        List<T> claimed = new ArrayList<>();
        for (T object : candidates) {
            boolean match = selector.matches(object.metadata().labels()) && filter.test(object);
            Optional<OwnerReference> ref = object.metadata().controllerRef();
            if (ref.isPresent()) {
                if (!set.uid().equals(ref.get().uid())) {
                    continue;
                }
                if (match) {
                    claimed.add(object);
                } else if (!set.metadata().isBeingDeleted()) {
                    release(object);
                }
            } else if (match && !object.metadata().isBeingDeleted() && !set.metadata().isBeingDeleted() && setStillCurrent()) {
                adopt(object).ifPresent(claimed::add);
            }
        }
        return claimed;
    }

    boolean incomplete() {
        return incomplete;
    }

    private boolean setStillCurrent() {
        if (setStillCurrent == null) {
            Optional<StatefulSet> fresh = client.get(StatefulSet.class, set.namespace(), set.name());
            setStillCurrent = fresh.isPresent() && set.uid().equals(fresh.get().uid()) && !fresh.get().metadata().isBeingDeleted();
        }
        return setStillCurrent;
    }

    @SuppressWarnings("unchecked")
    private Optional<T> adopt(T object) {
        List<OwnerReference> refs = new ArrayList<>(object.metadata().ownerReferences());
        refs.add(OwnerReference.controllerOf(set));
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
            if (!set.uid().equals(ref.uid())) {
                refs.add(ref);
            }
        }
        try {
            client.update((T) object.withMetadata(object.metadata().withOwnerReferences(refs)));
        } catch (NotFoundException gone) {
            // nothing left to release
        } catch (ConflictException e) {
            incomplete = true;
        }
    }
}
