package io.steersman.controller.deployment;

import io.steersman.api.model.apps.Deployment;
import io.steersman.api.model.apps.ReplicaSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The legacy server-side rollback, as upstream's {@code rollback.go}: a Deployment annotated
 * {@code deprecated.deployment.rollback.to: "<revision>"} (0: the previous revision) gets that
 * revision's template and annotations, and the annotation is cleared. {@code kubectl rollout undo}
 * does not use this path any more: it patches the template itself, and the controller then finds
 * the old ReplicaSet as the new one (see {@link Sync#allReplicaSetsAndSyncRevision}).
 */
final class Rollback {
    static final String ROLLBACK_DONE = "DeploymentRollback";
    static final String REVISION_NOT_FOUND = "DeploymentRollbackRevisionNotFound";
    static final String TEMPLATE_UNCHANGED = "DeploymentRollbackTemplateUnchanged";

    private Rollback() {}

    /** The requested revision, or null when the annotation is absent or not a number. */
    static Long rollbackTo(Deployment d) {
        String value = d.metadata().annotations().get(Revisions.ROLLBACK_TO);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static void rollback(Sync sync) {
        Sync.Sets sets = sync.allReplicaSetsAndSyncRevision(true);
        List<ReplicaSet> all = sets.all();
        long revision = rollbackTo(sync.d);
        if (revision == 0) {
            List<Map<String, String>> annotations = new ArrayList<>();
            for (ReplicaSet rs : all) {
                annotations.add(rs.metadata().annotations());
            }
            revision = Revisions.lastRevision(annotations);
            if (revision == 0) {
                sync.events.warning(sync.d, REVISION_NOT_FOUND, "Unable to find last revision.");
                clearRollbackTo(sync, sync.d);
                return;
            }
        }
        for (ReplicaSet rs : all) {
            Long v = Revisions.revision(rs.metadata().annotations());
            if (v != null && v == revision) {
                Deployment d = sync.d;
                if (!ReplicaSets.equalIgnoreHash(d.spec().template(), rs.spec().template())) {
                    Deployment rolledBack = d.withSpec(d.spec().withTemplate(ReplicaSets.withoutHash(rs.spec().template())))
                            .withMetadata(d.metadata().withAnnotations(
                                    Revisions.rolledBackAnnotations(d.metadata().annotations(), rs.metadata().annotations())));
                    clearRollbackTo(sync, rolledBack);
                    sync.events.normal(d, ROLLBACK_DONE, "Rolled back deployment \"%s\" to revision %d", d.name(), revision);
                } else {
                    sync.events.warning(d, TEMPLATE_UNCHANGED,
                            "The rollback revision contains the same template as current deployment \"%s\"", d.name());
                    clearRollbackTo(sync, d);
                }
                return;
            }
        }
        sync.events.warning(sync.d, REVISION_NOT_FOUND, "Unable to find the revision to rollback to.");
        clearRollbackTo(sync, sync.d);
    }

    private static void clearRollbackTo(Sync sync, Deployment d) {
        sync.d = sync.client.update(d.withMetadata(d.metadata().withAnnotation(Revisions.ROLLBACK_TO, null)));
    }
}
