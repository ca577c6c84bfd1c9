package io.steersman.controller.statefulset;

import io.steersman.api.client.Client;
import io.steersman.api.controller.Context;
import io.steersman.api.controller.Ownership;
import io.steersman.api.controller.PluginSettings;
import io.steersman.api.controller.Reconciler;
import io.steersman.api.controller.Request;
import io.steersman.api.controller.Result;
import io.steersman.api.model.OwnerReference;
import io.steersman.api.model.apps.ControllerRevision;
import io.steersman.api.model.apps.StatefulSet;
import io.steersman.api.model.apps.StatefulSetStatus;
import io.steersman.api.model.core.Pod;
import io.steersman.api.selector.Selector;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The StatefulSet controller, as upstream's {@code StatefulSetController.sync}: adopts orphaned
 * ControllerRevisions the selector matches, claims the pods (adopting orphans whose name and labels
 * make them the set's, releasing those that stopped matching), runs one
 * {@link StatefulSetControl} pass, and while minReadySeconds keeps replicas from counting as
 * available, comes back after minReadySeconds. Stateless; safe for several workers on distinct keys.
 */
public final class StatefulSetReconciler implements Reconciler<StatefulSet> {

    /** Upstream's MaxUnavailableStatefulSet feature gate (alpha, off by default): {@code true} honours maxUnavailable. */
    static final String MAX_UNAVAILABLE_GATE = "steersman.statefulset.max-unavailable";

    private final boolean maxUnavailableGate;

    @Inject
    public StatefulSetReconciler(PluginSettings settings) {
        this.maxUnavailableGate = Boolean.parseBoolean(settings.get(MAX_UNAVAILABLE_GATE, "false"));
    }

    @Override
    public Result reconcile(Request request, Context<StatefulSet> context) {
        if (context.primary().isEmpty()) {
            return Result.done();
        }
        StatefulSet set = context.primary().get();
        Client client = context.client();
        Selector selector;
        try {
            selector = Selector.from(set.spec().selector());
        } catch (RuntimeException invalid) {
            // As upstream: an invalid selector is not retried; the next change to the set brings a new pass.
            context.events().warning(set, "InvalidSelector", "error converting StatefulSet %s selector: %s", request, invalid.getMessage());
            return Result.done();
        }
        List<ControllerRevision> revisions = adoptOrphanRevisions(client, set, selector);
        ControllerRefManager<Pod> pods = new ControllerRefManager<>(client, set, selector, pod -> Identity.isMemberOf(set, pod));
        List<Pod> claimed = pods.claim(client.list(Pod.class, set.namespace()));
        StatefulSetStatus status = new StatefulSetControl(client, context.events(), context.clock().now(), set, maxUnavailableGate).update(claimed, revisions);
        int minReadySeconds = set.spec().minReadySecondsOrZero();
        if (minReadySeconds > 0 && status.availableReplicasOrZero() != set.spec().replicasOrDefault()) {
            return Result.requeueAfter(Duration.ofSeconds(minReadySeconds));
        }
        return Result.done();
    }

    /**
     * {@code ListRevisions} and {@code adoptOrphanRevisions}: the revisions the selector matches
     * that the set controls or nobody does; the orphans among them get the set as controller.
     */
    private static List<ControllerRevision> adoptOrphanRevisions(Client client, StatefulSet set, Selector selector) {
        List<ControllerRevision> owned = new ArrayList<>();
        Boolean canAdopt = null;
        for (ControllerRevision r : client.list(ControllerRevision.class, set.namespace(), selector)) {
            Optional<OwnerReference> ref = r.metadata().controllerRef();
            if (ref.isPresent()) {
                if (Ownership.isControlledBy(r, set)) {
                    owned.add(r);
                }
                continue;
            }
            if (canAdopt == null) {
                canAdopt = Ownership.canAdopt(client, set);
            }
            if (!canAdopt) {
                throw new IllegalStateException("StatefulSet " + set.namespace() + "/" + set.name()
                        + ": cannot adopt ControllerRevisions: the set is being deleted or was replaced");
            }
            ControllerRefManager.adopt(client, set, r).ifPresent(owned::add);
        }
        return owned;
    }
}
