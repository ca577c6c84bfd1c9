package io.steersman.api.controller;

import io.steersman.api.client.Client;
import io.steersman.api.model.ApiObject;
import io.steersman.api.model.LabelSelector;
import io.steersman.api.model.OwnerReference;
import io.steersman.api.selector.Selector;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Building blocks for the {@link EventMapper}s of controllers that own objects of another kind by
 * label selector, as upstream's pod and ReplicaSet event handlers ({@code resolveControllerRef},
 * {@code getPodReplicaSets}, {@code getStatefulSetsForPod}): a controlled object wakes its
 * controller; an orphan wakes every owner whose selector matches it, so that one of them adopts it.
 *
 * <p>Pure functions over the given cache view; thread-safe. They never throw for bad owners: an
 * owner whose selector is invalid or empty (selects everything) adopts nothing and is left out, as
 * upstream.
 */
public final class Owners {
    private Owners() {}

    /**
     * The request of the object's controller when it has one: that controller if its kind is
     * {@code ownerKind} (by kind name, as upstream), else nothing. For an orphan that is not being
     * deleted, every {@code ownerClass} object in its namespace that {@link #selecting selects} it;
     * for an orphan being deleted, nothing (nobody adopts it).
     *
     * @param selectorOf the owner's label selector ({@code spec.selector})
     */
    public static <O extends ApiObject> Collection<Request> controllerOrSelecting(ApiObject object, String ownerKind,
            Class<O> ownerClass, Function<O, LabelSelector> selectorOf, Client cache) {
        Optional<OwnerReference> ref = object.metadata().controllerRef();
        if (ref.isPresent()) {
            return ownerKind.equals(ref.get().kind()) ? List.of(new Request(object.namespace(), ref.get().name())) : List.of();
        }
        if (object.metadata().isBeingDeleted()) {
            return List.of();
        }
        return selecting(object, ownerClass, selectorOf, owner -> true, cache);
    }

    /**
     * The requests of the {@code ownerClass} objects in the object's namespace that pass
     * {@code also} and whose selector is valid, not empty, and matches the object's labels. Looks at
     * neither the object's ownerReferences nor its deletion: callers decide whether it is an orphan.
     */
    public static <O extends ApiObject> List<Request> selecting(ApiObject object, Class<O> ownerClass,
            Function<O, LabelSelector> selectorOf, Predicate<O> also, Client cache) {
        List<Request> requests = new ArrayList<>();
        for (O owner : cache.list(ownerClass, object.namespace())) {
            if (!also.test(owner)) {
                continue;
            }
            try {
                Selector selector = Selector.from(selectorOf.apply(owner));
                if (!selector.isEverything() && selector.matches(object.metadata().labels())) {
                    requests.add(Request.of(owner));
                }
            } catch (RuntimeException invalid) {
                // an owner with an invalid selector adopts nothing
            }
        }
        return requests;
    }
}
