package io.steersman.storage;

import io.steersman.api.model.core.PersistentVolume;
import io.steersman.api.model.core.PersistentVolumeClaim;
import io.steersman.api.model.core.PersistentVolumeStatus;
import io.steersman.api.selector.Selector;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which volume a claim gets: upstream's {@code findBestMatchForClaim} ({@code index.go}) and
 * {@code checkVolumeSatisfyClaim}. Pure and stateless.
 *
 * <p>Volumes are grouped by their set of access modes; the groups that hold every mode the claim
 * asks for are searched from the fewest modes up, and the first group with a hit wins: a claim for
 * RWO gets a 1Gi RWO volume before a 500Mi RWO+ROX one. Within a group a volume pre-bound to the
 * claim wins at once; otherwise the smallest Available volume of the claim's class whose labels
 * match the claim's selector (ties: the first by name).
 */
final class VolumeMatcher {
    private VolumeMatcher() {}

    /**
     * The best volume for an unbound claim, if any. {@code delayBinding}: the claim's class waits for
     * its first consumer and none exists yet, so only a volume pre-bound to the claim may be taken.
     */
    static Optional<PersistentVolume> findBestMatch(PersistentVolumeClaim claim, Collection<PersistentVolume> volumes, boolean delayBinding) {
        Map<Set<String>, List<PersistentVolume>> byModes = new TreeMap<>(Comparator.comparingInt((Set<String> s) -> s.size())
                .thenComparing(Object::toString));
        for (PersistentVolume volume : volumes) {
            Set<String> modes = new TreeSet<>(volume.spec().accessModes());
            if (modes.containsAll(claim.spec().accessModes())) {
                byModes.computeIfAbsent(modes, m -> new ArrayList<>()).add(volume);
            }
        }
        Selector selector = claim.spec().selector() == null ? Selector.everything() : Selector.from(claim.spec().selector());
        for (List<PersistentVolume> group : byModes.values()) {
            group.sort(Comparator.comparing(PersistentVolume::name));
            Optional<PersistentVolume> match = findInGroup(claim, group, delayBinding, selector);
            if (match.isPresent()) {
                return match;
            }
        }
        return Optional.empty();
    }

    /** Upstream's {@code FindMatchingVolume} on the controller's path (no node). */
    private static Optional<PersistentVolume> findInGroup(PersistentVolumeClaim claim, List<PersistentVolume> group, boolean delayBinding,
            Selector selector) {
        BigDecimal requested = Claims.requested(claim);
        String requestedClass = Claims.classOf(claim);
        PersistentVolume smallest = null;
        BigDecimal smallestSize = null;
        for (PersistentVolume volume : group) {
            boolean boundToClaim = Claims.isVolumeBoundToClaim(volume, claim);
            if (volume.spec().claimRef() != null && !boundToClaim) {
                continue;
            }
            BigDecimal size = Claims.capacity(volume);
            if (size.compareTo(requested) < 0 || Claims.volumeModeMismatch(claim, volume) || volume.metadata().isBeingDeleted()) {
                continue;
            }
            if (boundToClaim) {
                return Optional.of(volume); // pre-bound: class, selector and phase are not checked, as upstream
            }
            if (delayBinding) {
                continue; // the first consumer decides, as the scheduler does upstream
            }
            if (!PersistentVolumeStatus.AVAILABLE.equals(volume.status().phase())
                    || !selector.matches(volume.metadata().labels())
                    || !Claims.classOf(volume).equals(requestedClass)) {
                continue;
            }
            if (smallest == null || smallestSize.compareTo(size) > 0) {
                smallest = volume;
                smallestSize = size;
            }
        }
        return Optional.ofNullable(smallest);
    }

    /**
     * Why the volume a claim names in {@code spec.volumeName} cannot be bound to it (upstream's
     * {@code checkVolumeSatisfyClaim}; the selector is not checked), or empty when it can.
     */
    static Optional<String> mismatch(PersistentVolume volume, PersistentVolumeClaim claim) {
        if (volume.metadata().isBeingDeleted()) {
            return Optional.of("the volume is marked for deletion \"" + volume.name() + "\"");
        }
        if (Claims.capacity(volume).compareTo(Claims.requested(claim)) < 0) {
            return Optional.of("requested PV is too small");
        }
        if (!Claims.classOf(volume).equals(Claims.classOf(claim))) {
            return Optional.of("storageClassName does not match");
        }
        if (Claims.volumeModeMismatch(claim, volume)) {
            return Optional.of("incompatible volumeMode");
        }
        if (!Claims.accessModesSatisfied(claim, volume)) {
            return Optional.of("incompatible accessMode");
        }
        return Optional.empty();
    }
}
