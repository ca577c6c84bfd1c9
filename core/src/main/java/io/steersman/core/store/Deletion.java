package io.steersman.core.store;

import io.steersman.api.client.DeleteOptions;
import io.steersman.api.model.ApiObject;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.resource.ResourceType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a delete does to an object, as upstream's {@code rest.BeforeDelete} and the generic
 * registry's graceful deletion and finalizer handling decide it. Pure functions.
 */
final class Deletion {
    /** Upstream's finalizers for Foreground and Orphan propagation. */
    static final String FOREGROUND_FINALIZER = "foregroundDeletion";
    static final String ORPHAN_FINALIZER = "orphan";

    private Deletion() {}

    static <T extends ApiObject> void checkPreconditions(ResourceType<T> type, DeleteOptions how, ObjectMeta old) {
        if (how.preconditionUid() != null && !how.preconditionUid().equals(old.uid())) {
            throw StatusErrors.conflict(type, old.name(), "Precondition failed: UID in precondition: "
                    + how.preconditionUid() + ", UID in object meta: " + Requests.nullToEmpty(old.uid()));
        }
        if (how.preconditionResourceVersion() != null && !how.preconditionResourceVersion().equals(old.resourceVersion())) {
            throw StatusErrors.conflict(type, old.name(), "Precondition failed: ResourceVersion in precondition: "
                    + how.preconditionResourceVersion() + ", ResourceVersion in object meta: " + Requests.nullToEmpty(old.resourceVersion()));
        }
    }

    /**
     * What a delete leaves, as upstream's {@code BeforeDelete} and
     * {@code updateForGracefulDeletionAndFinalizers}: the object marked for deletion (it lingers
     * while a grace period runs or finalizers remain), or empty when it is to be removed now.
     */
    static <T extends ApiObject> Optional<T> markForDeletion(ResourceType<T> type, KindRules<T> rules, T stored,
            DeleteOptions how, Instant now) {
        ObjectMeta old = stored.metadata();
        Long oldGrace = old.deletionGracePeriodSeconds();
        if (old.isBeingDeleted() && oldGrace != null && oldGrace > 0) {
            // A graceful deletion is running: a delete may only shorten it; finalizers stay as they are.
            Long asked = how.gracePeriodSeconds();
            if (asked == null || asked >= oldGrace) {
                return Optional.of(stored);
            }
            Instant deadline = old.deletionTimestamp().minusSeconds(oldGrace).plusSeconds(asked);
            ObjectMeta shortened = old.toBuilder()
                    .deletionTimestamp(deadline.isBefore(now) ? now : deadline)
                    .deletionGracePeriodSeconds(asked)
                    .build();
            if (asked == 0 && shortened.finalizers().isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(Shapes.withMetadata(type, stored, shortened));
        }
        List<String> finalizers = propagationFinalizers(old.finalizers(), how.propagationPolicy());
        T special = rules.markForDeletion(stored, now, finalizers);
        if (special != null) {
            return Optional.of(special);
        }
        long grace = old.isBeingDeleted() ? 0 : rules.gracePeriodSeconds(stored, how);
        if (grace == 0 && finalizers.isEmpty()) {
            return Optional.empty();
        }
        ObjectMeta.Builder meta = old.toBuilder().finalizers(finalizers);
        if (!old.isBeingDeleted()) {
            meta.deletionTimestamp(now.plusSeconds(grace));
            if (old.generationOrZero() > 0) {
                meta.generation(old.generation() + 1);
            }
        } else if (old.deletionTimestamp().isAfter(now)) {
            meta.deletionTimestamp(now);
        }
        meta.deletionGracePeriodSeconds(grace);
        return Optional.of(Shapes.withMetadata(type, stored, meta.build()));
    }

    /**
     * The finalizers after a delete with {@code policy}, as upstream's
     * {@code deletionFinalizersForGarbageCollection}: Orphan adds {@code orphan}, Foreground adds
     * {@code foregroundDeletion}, each removing the other; Background removes both; no policy keeps
     * what the object has.
     */
    static List<String> propagationFinalizers(List<String> finalizers, DeleteOptions.PropagationPolicy policy) {
        if (policy == null) {
            return finalizers;
        }
        List<String> next = new ArrayList<>(finalizers);
        next.remove(ORPHAN_FINALIZER);
        next.remove(FOREGROUND_FINALIZER);
        if (policy == DeleteOptions.PropagationPolicy.Orphan) {
            next.add(ORPHAN_FINALIZER);
        } else if (policy == DeleteOptions.PropagationPolicy.Foreground) {
            next.add(FOREGROUND_FINALIZER);
        }
        return next.equals(finalizers) ? finalizers : List.copyOf(next);
    }

}
