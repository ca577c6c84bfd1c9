package io.steersman.core.store;

import io.steersman.api.client.DeleteOptions;
import io.steersman.api.model.core.Pod;
import io.steersman.api.model.core.PodStatus;
import io.steersman.api.model.core.Pods;

/**
 * The pod strategy: a new pod is Pending, and deletion is graceful as for the kubelet: the grace
 * period asked for, else the pod's {@code terminationGracePeriodSeconds}, else 30 s; none for a
 * pod not yet scheduled or already finished (upstream's {@code CheckGracefulDelete}). Pods are
 * stored with the parts they have in common shared ({@link PodSharing}).
 */
final class PodRules implements KindRules<Pod> {
    static final long DEFAULT_GRACE_PERIOD_SECONDS = 30;

    private final PodSharing sharing = new PodSharing();

    @Override
    public Pod prepareForCreate(Pod pod) {
        return pod.withStatus(PodStatus.EMPTY.withPhase(PodStatus.PENDING));
    }

    @Override
    public Pod share(Pod pod, Pod stored) {
        return sharing.share(pod, stored);
    }

    @Override
    public long gracePeriodSeconds(Pod pod, DeleteOptions options) {
        Long asked = options.gracePeriodSeconds();
        Long ownGrace = pod.spec().terminationGracePeriodSeconds();
        long period = asked != null ? asked : ownGrace != null ? ownGrace : DEFAULT_GRACE_PERIOD_SECONDS;
        if (pod.spec().nodeName() == null || pod.spec().nodeName().isEmpty() || Pods.isTerminal(pod)) {
            return 0;
        }
        // Upstream turns a negative grace period into 1 s: graceful, but as short as it gets.
        return period < 0 ? 1 : period;
    }

    @Override
    public boolean tracksGeneration() {
        return false;
    }
}
