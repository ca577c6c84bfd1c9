package io.steersman.controller.statefulset;

import io.steersman.api.client.AlreadyExistsException;
import io.steersman.api.client.Client;
import io.steersman.api.model.apps.ControllerRevision;
import io.steersman.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Upstream's {@code getStatefulSetRevisions}: finds or makes the update revision for the set's
 * current template and picks the current revision. An unchanged template reuses the newest
 * revision; a template equal to an older revision (a rollback, {@code kubectl rollout undo})
 * renumbers that revision as the newest instead of creating one; otherwise a new revision is
 * created, and a name taken by different data raises the collision count until a free name is
 * found. Not thread-safe: one per reconcile.
 */
final class Revisions {
    final ControllerRevision current;
    final ControllerRevision update;
    final int collisionCount;

    private Revisions(ControllerRevision current, ControllerRevision update, int collisionCount) {
        this.current = current;
        this.update = update;
        this.collisionCount = collisionCount;
    }

    /** @param sorted the set's revisions, oldest first ({@link History#BY_REVISION}) */
    static Revisions resolve(Client client, StatefulSet set, List<ControllerRevision> sorted) {
        int collisionCount = set.status().collisionCountOrZero();
        ControllerRevision candidate = History.newRevision(set, History.nextRevision(sorted), collisionCount);
        List<ControllerRevision> equal = new ArrayList<>();
        for (ControllerRevision r : sorted) {
            if (History.equal(r, candidate)) {
                equal.add(r);
            }
        }
        ControllerRevision update;
        if (!equal.isEmpty() && History.equal(sorted.get(sorted.size() - 1), equal.get(equal.size() - 1))) {
            update = sorted.get(sorted.size() - 1);
        } else if (!equal.isEmpty()) {
            ControllerRevision old = equal.get(equal.size() - 1);
            update = old.revisionOrZero() == candidate.revisionOrZero() ? old : client.update(old.withRevision(candidate.revisionOrZero()));
        } else {
            int[] count = {collisionCount};
            update = create(client, set, candidate, count);
            collisionCount = count[0];
        }
        ControllerRevision current = null;
        for (ControllerRevision r : sorted) {
            if (r.name().equals(set.status().currentRevision())) {
                current = r;
                break;
            }
        }
        return new Revisions(current == null ? update : current, update, collisionCount);
    }

    /** {@code CreateControllerRevision}: only the name changes with the collision count, as upstream. */
    private static ControllerRevision create(Client client, StatefulSet set, ControllerRevision candidate, int[] collisionCount) {
        while (true) {
            String name = History.name(set.name(), History.hash(candidate.data(), collisionCount[0]));
            ControllerRevision named = candidate.withMetadata(candidate.metadata().withName(name));
            try {
                return client.create(named);
            } catch (AlreadyExistsException e) {
                Optional<ControllerRevision> existing = client.get(ControllerRevision.class, set.namespace(), name);
                if (existing.isEmpty()) {
                    // Not in the cache yet: try again once it is.
                    throw e;
                }
                if (History.canonicalJson(existing.get().data()).equals(History.canonicalJson(named.data()))) {
                    return existing.get();
                }
                collisionCount[0]++;
            }
        }
    }
}
