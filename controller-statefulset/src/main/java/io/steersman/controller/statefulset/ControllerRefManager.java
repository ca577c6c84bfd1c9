package io.steersman.controller.statefulset;

import io.steersman.api.client.Client;
import io.steersman.api.client.InvalidException;
import io.steersman.api.client.NotFoundException;
import io.steersman.api.client.PatchType;
import io.steersman.api.codec.Codec;
import io.steersman.api.controller.Ownership;
import io.steersman.api.model.ApiObject;
import io.steersman.api.model.OwnerReference;
import io.steersman.api.model.apps.StatefulSet;
import io.steersman.api.selector.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Upstream's {@code ControllerRefManager} for a StatefulSet: which of the candidate objects the set
 * owns. Objects it controls stay while they still match (selector and {@code filter}: for pods, a
 * name of the set's); those that stopped matching are released, unless the set is being deleted.
 * Orphans that match, and are not being deleted, are adopted, once the set has been found current
 * (same uid, not being deleted).
 *
 * <p>As upstream, adoption and release are strategic merge patches of {@code ownerReferences}
 * (merged by uid) that also carry the object's uid: an object replaced meanwhile by one of the same
 * name fails the patch (uid is immutable) instead of being taken over. An adoption that fails
 * otherwise is thrown (the pass is retried); a release of an object gone or replaced is no error.
 */
final class ControllerRefManager<T extends ApiObject> {
    private final Client client;
    private final StatefulSet set;
    private final Selector selector;
    private final Predicate<T> filter;
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
                if (!Ownership.isControlledBy(object, set)) {
                    continue;
                }
                if (match) {
                    claimed.add(object);
                } else if (!set.metadata().isBeingDeleted()) {
                    release(object);
                }
            } else if (match && !object.metadata().isBeingDeleted() && !set.metadata().isBeingDeleted() && setStillCurrent()) {
                adopt(client, set, object).ifPresent(claimed::add);
            }
        }
        return claimed;
    }

    /**
     * Upstream re-reads the owner before its first adoption and refuses when its uid changed or it
     * is being deleted (a cached read here).
     */
    private boolean setStillCurrent() {
        if (setStillCurrent == null) {
            setStillCurrent = Ownership.canAdopt(client, set);
        }
        return setStillCurrent;
    }

    /** Makes {@code set} the controller of {@code object}; empty when the object is gone. */
    @SuppressWarnings("unchecked")
    static <T extends ApiObject> Optional<T> adopt(Client client, StatefulSet set, T object) {
        String patch = Codec.DEFAULT.toJsonString(Map.of("metadata",
                Map.of("ownerReferences", List.of(OwnerReference.controllerOf(set)), "uid", object.uid())));
        try {
            return Optional.of(client.patch((Class<T>) object.getClass(), object.namespace(), object.name(), PatchType.STRATEGIC_MERGE, patch));
        } catch (NotFoundException gone) {
            return Optional.empty();
        }
    }

    @SuppressWarnings("unchecked")
    private void release(T object) {
        String patch = Codec.DEFAULT.toJsonString(Map.of("metadata",
                Map.of("ownerReferences", List.of(Map.of("$patch", "delete", "uid", set.uid())), "uid", object.uid())));
        try {
            client.patch((Class<T>) object.getClass(), object.namespace(), object.name(), PatchType.STRATEGIC_MERGE, patch);
        } catch (NotFoundException | InvalidException goneOrReplaced) {
            // nothing of ours left to release
        }
    }
}
