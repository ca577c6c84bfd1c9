package io.steersman.controller.deployment;

import io.steersman.api.model.IntOrString;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.apps.Deployment;
import io.steersman.api.model.apps.DeploymentStrategy;
import io.steersman.api.model.apps.ReplicaSet;
import io.steersman.api.model.core.PodTemplateSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** Upstream's deployment utilities over ReplicaSets and strategies ({@code deployment_util.go}). */
final class ReplicaSets {
    static final String POD_TEMPLATE_HASH = "pod-template-hash";
    private static final IntOrString DEFAULT_FENCEPOST = IntOrString.of("25%");

    private ReplicaSets() {}

    /** {@code ReplicaSetsByCreationTimestamp}: older first, then by name. */
    static final Comparator<ReplicaSet> BY_CREATION = Comparator
            .comparing((ReplicaSet rs) -> rs.metadata().creationTimestamp(), Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .thenComparing(ReplicaSet::name);

    /** {@code ReplicaSetsByRevision}: lower revision first (unparsable as 0), then by creation. */
    static final Comparator<ReplicaSet> BY_REVISION = Comparator
            .comparingLong((ReplicaSet rs) -> Objects.requireNonNullElse(Revisions.revision(rs.metadata().annotations()), 0L))
            .thenComparing(BY_CREATION);

    /** {@code EqualIgnoreHash}: equal templates once the pod-template-hash label is dropped from both. */
    static boolean equalIgnoreHash(PodTemplateSpec a, PodTemplateSpec b) {
        return withoutHash(a).equals(withoutHash(b));
    }

    static PodTemplateSpec withoutHash(PodTemplateSpec template) {
        ObjectMeta meta = template.metadata();
        if (!meta.labels().containsKey(POD_TEMPLATE_HASH)) {
            return template;
        }
        return template.withMetadata(meta.withLabel(POD_TEMPLATE_HASH, null));
    }

    static int replicas(ReplicaSet rs) {
        return rs.spec().replicasOrDefault();
    }

    /** Σ spec.replicas. */
    static int specSum(Collection<ReplicaSet> sets) {
        int sum = 0;
        for (ReplicaSet rs : sets) {
            if (rs != null) {
                sum += replicas(rs);
            }
        }
        return sum;
    }

    static int statusSum(Collection<ReplicaSet> sets) {
        int sum = 0;
        for (ReplicaSet rs : sets) {
            if (rs != null) {
                sum += rs.status().replicasOrZero();
            }
        }
        return sum;
    }

    static int readySum(Collection<ReplicaSet> sets) {
        int sum = 0;
        for (ReplicaSet rs : sets) {
            if (rs != null) {
                sum += rs.status().readyReplicasOrZero();
            }
        }
        return sum;
    }

    static int availableSum(Collection<ReplicaSet> sets) {
        int sum = 0;
        for (ReplicaSet rs : sets) {
            if (rs != null) {
                sum += rs.status().availableReplicasOrZero();
            }
        }
        return sum;
    }

    /** {@code FilterActiveReplicaSets}: those with spec.replicas > 0 (nulls dropped). */
    static List<ReplicaSet> active(Collection<ReplicaSet> sets) {
        List<ReplicaSet> result = new ArrayList<>();
        for (ReplicaSet rs : sets) {
            if (rs != null && replicas(rs) > 0) {
                result.add(rs);
            }
        }
        return result;
    }

    static List<ReplicaSet> with(List<ReplicaSet> sets, ReplicaSet extra) {
        List<ReplicaSet> result = new ArrayList<>(sets.size() + 1);
        result.addAll(sets);
        if (extra != null) {
            result.add(extra);
        }
        return result;
    }

    static boolean isRollingUpdate(Deployment d) {
        DeploymentStrategy strategy = d.spec().strategy();
        return strategy == null || strategy.type() == null || DeploymentStrategy.ROLLING_UPDATE.equals(strategy.type());
    }

    static boolean isRecreate(Deployment d) {
        DeploymentStrategy strategy = d.spec().strategy();
        return strategy != null && DeploymentStrategy.RECREATE.equals(strategy.type());
    }

    private static IntOrString surgeSetting(Deployment d) {
        DeploymentStrategy s = d.spec().strategy();
        return s == null || s.rollingUpdate() == null || s.rollingUpdate().maxSurge() == null
                ? DEFAULT_FENCEPOST : s.rollingUpdate().maxSurge();
    }

    private static IntOrString unavailableSetting(Deployment d) {
        DeploymentStrategy s = d.spec().strategy();
        return s == null || s.rollingUpdate() == null || s.rollingUpdate().maxUnavailable() == null
                ? DEFAULT_FENCEPOST : s.rollingUpdate().maxUnavailable();
    }

    /** {@code MaxSurge(d)}; absent settings default to 25% as apps/v1 defaults them. */
    static int maxSurge(Deployment d) {
        return RolloutMath.maxSurge(isRollingUpdate(d), surgeSetting(d), unavailableSetting(d), d.spec().replicasOrDefault());
    }

    /** {@code MaxUnavailable(d)}. */
    static int maxUnavailable(Deployment d) {
        return RolloutMath.maxUnavailable(isRollingUpdate(d), surgeSetting(d), unavailableSetting(d), d.spec().replicasOrDefault());
    }

    /** {@code HasProgressDeadline}: set (600 by default) and not MaxInt32. */
    static boolean hasProgressDeadline(Deployment d) {
        return d.spec().progressDeadlineSecondsOrDefault() != Integer.MAX_VALUE;
    }

    /** {@code HasRevisionHistoryLimit}: set (10 by default) and not MaxInt32. */
    static boolean hasRevisionHistoryLimit(Deployment d) {
        return d.spec().revisionHistoryLimitOrDefault() != Integer.MAX_VALUE;
    }
}
