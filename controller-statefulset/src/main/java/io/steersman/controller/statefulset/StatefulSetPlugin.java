package io.steersman.controller.statefulset;

import io.steersman.api.client.Client;
import io.steersman.api.controller.ControllerPlugin;
import io.steersman.api.controller.ControllerSpec;
import io.steersman.api.controller.Request;
import io.steersman.api.model.ApiObject;
import io.steersman.api.model.OwnerReference;
import io.steersman.api.model.apps.StatefulSet;
import io.steersman.api.model.core.PersistentVolumeClaim;
import io.steersman.api.model.core.Pod;
import io.steersman.api.selector.Selector;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The StatefulSet controller, found through {@link java.util.ServiceLoader}. It is woken by its
 * StatefulSets and, as upstream's pod event handlers, by the pods a set controls and by orphan
 * pods (every set whose selector matches, so one of them adopts it); and by its claims.
 */
public final class StatefulSetPlugin implements ControllerPlugin {

    @Override
    public String name() {
        return "statefulset";
    }

    @Override
    public List<ControllerSpec<?>> controllers() {
        return List.of(ControllerSpec.builder("statefulset", StatefulSet.class, StatefulSetReconciler.class)
                .watches(Pod.class, StatefulSetPlugin::statefulSetsOf)
                .watches(PersistentVolumeClaim.class, StatefulSetPlugin::statefulSetsOfClaim)
                .workers(2)
                .build());
    }

    /**
     * The sets a claim may belong to: those whose name it carries as {@code <template>-<set>-<ordinal>}
     * and whose selector matches its labels. Upstream does not watch claims; here a set waiting for
     * a stale claim to go, or with a Pending pod whose claim went, is woken when the claim changes
     * instead of at the next resync.
     */
    static Collection<Request> statefulSetsOfClaim(PersistentVolumeClaim claim, Client cache) {
        String parent = Identity.parentName(claim.name());
        if (parent == null) {
            return List.of();
        }
        return selecting(claim, cache, set -> parent.endsWith("-" + set.name()));
    }

    /** The set that controls a pod, or for an orphan every set whose selector matches it. */
    static Collection<Request> statefulSetsOf(Pod pod, Client cache) {
        Optional<OwnerReference> ref = pod.metadata().controllerRef();
        if (ref.isPresent()) {
            return StatefulSet.KIND.equals(ref.get().kind()) ? List.of(new Request(pod.namespace(), ref.get().name())) : List.of();
        }
        if (pod.metadata().isBeingDeleted()) {
            return List.of();
        }
        return selecting(pod, cache, set -> true);
    }

    /** The sets in the object's namespace that pass {@code also} and whose (valid, non-empty) selector matches its labels. */
    private static Collection<Request> selecting(ApiObject object, Client cache, Predicate<StatefulSet> also) {
        List<Request> requests = new ArrayList<>();
        for (StatefulSet set : cache.list(StatefulSet.class, object.namespace())) {
            if (!also.test(set)) {
                continue;
            }
            try {
                Selector selector = Selector.from(set.spec().selector());
                if (!selector.isEverything() && selector.matches(object.metadata().labels())) {
                    requests.add(Request.of(set));
                }
            } catch (RuntimeException invalid) {
                // a set with an invalid selector owns nothing
            }
        }
        return requests;
    }
}
