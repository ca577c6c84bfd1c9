package io.steersman.controller.statefulset;

import io.steersman.api.client.Client;
import io.steersman.api.controller.ControllerPlugin;
import io.steersman.api.controller.ControllerSpec;
import io.steersman.api.controller.Owners;
import io.steersman.api.controller.Request;
import io.steersman.api.model.apps.StatefulSet;
import io.steersman.api.model.core.PersistentVolumeClaim;
import io.steersman.api.model.core.Pod;
import java.util.Collection;
import java.util.List;

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
        return Owners.selecting(claim, StatefulSet.class, set -> set.spec().selector(), set -> parent.endsWith("-" + set.name()), cache);
    }

    /** The set that controls a pod, or for an orphan every set whose selector matches it. */
    static Collection<Request> statefulSetsOf(Pod pod, Client cache) {
        return Owners.controllerOrSelecting(pod, StatefulSet.KIND, StatefulSet.class, set -> set.spec().selector(), cache);
    }
}
