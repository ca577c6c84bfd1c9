package io.steersman.core.store;

import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.core.ContainerStatus;
import io.steersman.api.model.core.Pod;
import io.steersman.api.model.core.PodSpec;
import io.steersman.api.model.core.PodStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Stores a pod with the parts it has in common with other pods as one object: what many pods
 * carry equal (the spec of their template on their node, labels, owner references, conditions
 * that changed in the same second, host IP, image and image ID) is held once, whoever wrote it
 * (a controller in this JVM, the node agent, a decoded request). The pod stays equal to what was
 * written; only which objects hold its values changes. Parts an update left as they were stored are
 * not looked at again.
 *
 * <p>Thread-safe: see {@link SharingPool}.
 */
final class PodSharing {
    private final SharingPool pool = new SharingPool(8192);
    /** Specs by {@link #shapeHash}: as {@link SharingPool}, but without walking the containers again. */
    private final PodSpec[] specs = new PodSpec[4096];

    /** {@code pod}, or an equal pod made of shared parts; {@code stored} is the pod it replaces, or null. */
    Pod share(Pod pod, Pod stored) {
        ObjectMeta meta = meta(pod.metadata(), stored == null ? null : stored.metadata());
        PodSpec spec = spec(pod.spec(), stored == null ? null : stored.spec());
        PodStatus status = status(pod.status(), stored == null ? null : stored.status());
        if (meta == pod.metadata() && spec == pod.spec() && status == pod.status()) {
            return pod;
        }
        return new Pod(pod.apiVersion(), pod.kind(), meta, spec, status, pod.unknownFields());
    }

    private ObjectMeta meta(ObjectMeta meta, ObjectMeta stored) {
        String generateName = pool.share(meta.generateName(), stored == null ? null : stored.generateName());
        var labels = meta.labels() == (stored == null ? null : stored.labels()) ? meta.labels() : pool.shareKnown(meta.labels());
        var annotations = meta.annotations() == (stored == null ? null : stored.annotations())
                ? meta.annotations() : pool.shareKnown(meta.annotations());
        var ownerReferences = pool.share(meta.ownerReferences(), stored == null ? null : stored.ownerReferences());
        var finalizers = pool.share(meta.finalizers(), stored == null ? null : stored.finalizers());
        if (generateName == meta.generateName() && labels == meta.labels() && annotations == meta.annotations()
                && ownerReferences == meta.ownerReferences() && finalizers == meta.finalizers()) {
            return meta;
        }
        return meta.toBuilder().generateName(generateName).labels(labels).annotations(annotations)
                .ownerReferences(ownerReferences).finalizers(finalizers).build();
    }

    private PodSpec spec(PodSpec spec, PodSpec stored) {
        if (spec == stored) {
            return spec;
        }
        var volumes = pool.shareKnown(spec.volumes());
        var initContainers = pool.shareKnown(spec.initContainers());
        var containers = pool.shareKnown(spec.containers());
        if (volumes != spec.volumes() || initContainers != spec.initContainers() || containers != spec.containers()) {
            spec = new PodSpec(volumes, initContainers, containers, spec.restartPolicy(), spec.terminationGracePeriodSeconds(),
                    spec.dnsPolicy(), spec.serviceAccountName(), spec.nodeName(), spec.hostname(), spec.subdomain(),
                    spec.schedulerName(), spec.readinessGates(), spec.unknownFields());
        }
        // Its lists are the shared ones now: the spec is looked up by their identity, not walked again.
        int hash = shapeHash(spec);
        int slot = (hash ^ (hash >>> 16)) & (specs.length - 1);
        PodSpec pooled = specs[slot];
        if (pooled != null && pooled.equals(spec)) {
            return pooled;
        }
        specs[slot] = spec;
        return spec;
    }

    private PodStatus status(PodStatus status, PodStatus stored) {
        if (status == stored) {
            return status;
        }
        var conditions = pool.share(status.conditions(), stored == null ? null : stored.conditions());
        String hostIP = pool.share(status.hostIP(), stored == null ? null : stored.hostIP());
        var hostIPs = pool.share(status.hostIPs(), stored == null ? null : stored.hostIPs());
        var initStatuses = containers(status.initContainerStatuses(), stored == null ? null : stored.initContainerStatuses());
        var statuses = containers(status.containerStatuses(), stored == null ? null : stored.containerStatuses());
        if (conditions == status.conditions() && hostIP == status.hostIP() && hostIPs == status.hostIPs()
                && initStatuses == status.initContainerStatuses() && statuses == status.containerStatuses()) {
            return status;
        }
        return new PodStatus(status.phase(), conditions, status.message(), status.reason(), status.nominatedNodeName(),
                hostIP, hostIPs, status.podIP(), status.podIPs(), status.startTime(), initStatuses, statuses,
                status.unknownFields());
    }

    /**
     * A spec's hash given that its lists are shared ones: those hashed by identity, the rest by
     * value. Equal specs with the same shared lists hash alike; equality is still the spec's own
     * (cheap then: the lists compare by identity first).
     */
    private static int shapeHash(PodSpec s) {
        int h = System.identityHashCode(s.containers());
        h = 31 * h + System.identityHashCode(s.initContainers());
        h = 31 * h + System.identityHashCode(s.volumes());
        h = 31 * h + Objects.hashCode(s.restartPolicy());
        h = 31 * h + Objects.hashCode(s.terminationGracePeriodSeconds());
        h = 31 * h + Objects.hashCode(s.dnsPolicy());
        h = 31 * h + Objects.hashCode(s.serviceAccountName());
        h = 31 * h + Objects.hashCode(s.nodeName());
        h = 31 * h + Objects.hashCode(s.hostname());
        h = 31 * h + Objects.hashCode(s.subdomain());
        h = 31 * h + Objects.hashCode(s.schedulerName());
        h = 31 * h + s.readinessGates().hashCode();
        return 31 * h + s.unknownFields().hashCode();
    }

    /** Container statuses with shared images, image IDs and states (each status has its own container ID). */
    private List<ContainerStatus> containers(List<ContainerStatus> statuses, List<ContainerStatus> stored) {
        if (statuses == stored || statuses.isEmpty()) {
            return statuses;
        }
        List<ContainerStatus> out = null;
        for (int i = 0; i < statuses.size(); i++) {
            ContainerStatus s = statuses.get(i);
            ContainerStatus old = stored != null && i < stored.size() ? stored.get(i) : null;
            ContainerStatus shared = old != null && s.equals(old) ? old : container(s, old);
            if (out == null && shared != s) {
                out = new ArrayList<>(statuses.subList(0, i));
            }
            if (out != null) {
                out.add(shared);
            }
        }
        return out == null ? statuses : List.copyOf(out);
    }

    private ContainerStatus container(ContainerStatus s, ContainerStatus old) {
        String image = pool.share(s.image(), old == null ? null : old.image());
        String imageID = pool.share(s.imageID(), old == null ? null : old.imageID());
        var state = pool.share(s.state(), old == null ? null : old.state());
        var lastState = pool.share(s.lastState(), old == null ? null : old.lastState());
        if (image == s.image() && imageID == s.imageID() && state == s.state() && lastState == s.lastState()) {
            return s;
        }
        return new ContainerStatus(s.name(), state, lastState, s.ready(), s.restartCount(), image, imageID, s.containerID(),
                s.started(), s.unknownFields());
    }
}
