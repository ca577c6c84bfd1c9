package io.steersman.controller.statefulset;

import io.steersman.api.client.Client;
import io.steersman.api.client.ConflictException;
import io.steersman.api.model.LabelSelector;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.apps.ControllerRevision;
import io.steersman.api.model.apps.StatefulSet;
import io.steersman.api.model.apps.StatefulSetSpec;
import io.steersman.api.model.core.Container;
import io.steersman.api.model.core.Namespace;
import io.steersman.api.model.core.PersistentVolumeClaim;
import io.steersman.api.model.core.PersistentVolumeClaimSpec;
import io.steersman.api.model.core.PersistentVolumeClaimStatus;
import io.steersman.api.model.core.Pod;
import io.steersman.api.model.core.PodSpec;
import io.steersman.api.model.core.PodTemplateSpec;
import io.steersman.api.model.core.ResourceRequirements;
import io.steersman.api.model.Quantity;
import io.steersman.api.resource.BuiltinResources;
import io.steersman.testing.ControlPlane;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The control plane the StatefulSet tests drive: this plugin and the simulated node, a manual
 * clock. Claims are bound by {@link #settle()} itself (volumeName, bind-completed, phase Bound), standing in for the storage
 * plugin, since the node starts a pod only once its claims are bound.
 */
final class Cluster implements AutoCloseable {
    static final String NS = "default";
    static final String READY_AFTER = "steersman.io/ready-after";
    static final String READINESS = "steersman.io/readiness";
    static final String TERMINATE_AFTER = "steersman.io/terminate-after";
    final ControlPlane cp;

    Cluster() {
        this(Map.of());
    }

    /** With plugin settings (feature gates, say) beside the defaults. */
    Cluster(Map<String, String> settings) {
        ControlPlane.Builder builder = ControlPlane.builder().setting("steersman.node.images", "app:*");
        settings.forEach(builder::setting);
        cp = builder.manualClock().start();
        if (cp.get(Namespace.class, null, NS).isEmpty()) {
            cp.apply(Namespace.of(ObjectMeta.builder().name(NS).build(), null));
        }
        settle();
    }

    Client client() {
        return cp.client();
    }

    /** Settles, binding every unbound claim as the storage plugin would, until nothing is left to do. */
    void settle() {
        cp.settle();
        for (int round = 0; round < 10; round++) {
            boolean bound = false;
            for (PersistentVolumeClaim claim : cp.list(PersistentVolumeClaim.class, NS)) {
                if (!PersistentVolumeClaimStatus.BOUND.equals(claim.status().phase()) && !claim.metadata().isBeingDeleted()) {
                    // What the PV controller writes: volumeName and bind-completed, then phase Bound.
                    PersistentVolumeClaim withVolume = client().update(claim
                            .withMetadata(claim.metadata().withAnnotation("pv.kubernetes.io/bind-completed", "yes"))
                            .withSpec(claim.spec().withVolumeName("pv-" + claim.name())));
                    client().updateStatus(withVolume.withStatus(PersistentVolumeClaimStatus.of(PersistentVolumeClaimStatus.BOUND)));
                    bound = true;
                }
            }
            if (!bound) {
                return;
            }
            cp.settle();
        }
    }

    void advance(Duration d) {
        cp.manualClock().advance(d);
        settle();
    }

    static StatefulSet set(String name, int replicas, String image) {
        Map<String, String> labels = Map.of("app", name);
        PodTemplateSpec template = PodTemplateSpec.of(ObjectMeta.builder().labels(labels).build(),
                PodSpec.of(List.of(Container.of("main", image))));
        return StatefulSet.of(ObjectMeta.named(NS, name), StatefulSetSpec.of(replicas, LabelSelector.matchLabels(labels), name, template, null));
    }

    static StatefulSet withPodAnnotation(StatefulSet set, String key, String value) {
        PodTemplateSpec t = set.spec().template();
        return set.withSpec(set.spec().withTemplate(t.withMetadata(t.metadata().withAnnotation(key, value))));
    }

    static PersistentVolumeClaim claimTemplate(String name) {
        return PersistentVolumeClaim.of(ObjectMeta.builder().name(name).labels(Map.of("tier", "data")).build(),
                new PersistentVolumeClaimSpec(List.of("ReadWriteOnce"), null,
                        ResourceRequirements.requests(Map.of("storage", Quantity.of("1Gi"))), null, null, null, null, null, null));
    }

    StatefulSet create(StatefulSet set) {
        StatefulSet created = cp.apply(set);
        settle();
        return created;
    }

    StatefulSet get(String name) {
        return cp.get(StatefulSet.class, NS, name).orElseThrow();
    }

    /** Reads the set from the store, changes it, writes it back, settles. */
    StatefulSet update(String name, UnaryOperator<StatefulSet> change) {
        for (int attempt = 0; ; attempt++) {
            StatefulSet current = cp.store().get(BuiltinResources.STATEFUL_SETS, NS, name).orElseThrow();
            try {
                StatefulSet updated = client().update(change.apply(current));
                settle();
                return updated;
            } catch (ConflictException e) {
                if (attempt > 5) {
                    throw e;
                }
            }
        }
    }

    StatefulSet scale(String name, int replicas) {
        return update(name, s -> s.withSpec(s.spec().withReplicas(replicas)));
    }

    StatefulSet setImage(String name, String image) {
        return update(name, s -> s.withSpec(s.spec().withTemplate(s.spec().template().withSpec(
                s.spec().template().spec().withContainers(List.of(Container.of("main", image)))))));
    }

    /** The set's pods by name (terminating ones included), in ordinal order. */
    List<Pod> pods(String set) {
        return cp.list(Pod.class, NS).stream().filter(p -> set.equals(Identity.parentName(p.name())))
                .sorted(Comparator.comparingInt(Identity::ordinal)).toList();
    }

    List<String> podNames(String set) {
        return pods(set).stream().map(Pod::name).toList();
    }

    Pod pod(String name) {
        return cp.get(Pod.class, NS, name).orElseThrow(() -> new AssertionError("no pod " + name));
    }

    List<PersistentVolumeClaim> claims() {
        return cp.list(PersistentVolumeClaim.class, NS).stream().sorted(Comparator.comparing(PersistentVolumeClaim::name)).toList();
    }

    List<ControllerRevision> revisions(String set) {
        return cp.list(ControllerRevision.class, NS).stream().filter(r -> r.name().startsWith(set + "-"))
                .sorted(History.BY_REVISION).toList();
    }

    @Override
    public void close() {
        cp.close();
    }
}
