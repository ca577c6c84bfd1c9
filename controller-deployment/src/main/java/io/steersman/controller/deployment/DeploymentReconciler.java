package io.steersman.controller.deployment;

import io.steersman.api.client.Client;
import io.steersman.api.controller.Context;
import io.steersman.api.controller.Reconciler;
import io.steersman.api.controller.Request;
import io.steersman.api.controller.Result;
import io.steersman.api.model.apps.Deployment;
import io.steersman.api.model.apps.ReplicaSet;
import io.steersman.api.selector.Selector;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The Deployment controller, as upstream's {@code syncDeployment}: claims the ReplicaSets, then
 * dispatches: being deleted (status only), paused ({@link Sync#sync}), a pending legacy rollback
 * ({@link Rollback}), a scaling event (proportional {@link Sync#sync}), else the strategy
 * ({@link RollingUpdate} or {@link Recreate}). Each pass does one step and writes status; the
 * events its writes cause bring the next pass. Stateless; safe for several workers on distinct keys.
 */
public final class DeploymentReconciler implements Reconciler<Deployment> {

    @Inject
    public DeploymentReconciler() {}

    @Override
    public Result reconcile(Request request, Context<Deployment> context) {
        if (context.primary().isEmpty()) {
            return Result.done();
        }
        Deployment d = context.primary().get();
        Client client = context.client();
        if (d.spec().selector() == null || Selector.from(d.spec().selector()).isEverything()) {
            context.events().warning(d, "SelectingAll", "This deployment is selecting all pods. A non-empty selector is required.");
            if (d.status().observedGenerationOrZero() < d.metadata().generationOrZero()) {
                client.updateStatus(d.withStatus(d.status().withObservedGeneration(d.metadata().generationOrZero())));
            }
            return Result.done();
        }
        Selector selector = Selector.from(d.spec().selector());
        ControllerRefs<ReplicaSet> refs = new ControllerRefs<>(client, d, selector, rs -> true);
        List<ReplicaSet> matching = d.metadata().isBeingDeleted() ? List.of() : client.list(ReplicaSet.class, d.namespace(), selector);
        List<ReplicaSet> rsList = refs.claim(client.listControlledBy(ReplicaSet.class, d), matching);
        Sync sync = new Sync(client, context.clock(), context.events(), d, rsList);

        if (d.metadata().isBeingDeleted()) {
            sync.syncStatusOnly();
        } else {
            Progress.checkPausedConditions(sync);
            if (sync.d.spec().isPaused()) {
                sync.sync();
            } else if (Rollback.rollbackTo(sync.d) != null) {
                Rollback.rollback(sync);
            } else if (sync.isScalingEvent()) {
                sync.sync();
            } else if (ReplicaSets.isRecreate(sync.d)) {
                Recreate.rollout(sync);
            } else {
                RollingUpdate.rollout(sync);
            }
        }
        if (refs.incomplete()) {
            throw new IllegalStateException("Deployment " + request + ": ownership of some ReplicaSets changed while claiming them; retrying");
        }
        return sync.requeue;
    }
}
