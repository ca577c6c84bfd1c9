package io.steersman.controller.deployment;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The annotations a Deployment and its ReplicaSets carry for revisions and replica bookkeeping,
 * and upstream's rules for them ({@code deployment_util.go}). Pure functions over annotation maps.
 */
final class Revisions {
    static final String REVISION = "deployment.kubernetes.io/revision";
    static final String REVISION_HISTORY = "deployment.kubernetes.io/revision-history";
    static final String DESIRED_REPLICAS = "deployment.kubernetes.io/desired-replicas";
    static final String MAX_REPLICAS = "deployment.kubernetes.io/max-replicas";
    static final String ROLLBACK_TO = "deprecated.deployment.rollback.to";
    static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
    /** Upstream's bound on revision-history, in characters. */
    static final int MAX_HISTORY_CHARS = 2000;

    /** Annotations the controller owns: never copied from a Deployment to its ReplicaSets. */
    static final Set<String> SKIPPED = Set.of(LAST_APPLIED, REVISION, REVISION_HISTORY, DESIRED_REPLICAS, MAX_REPLICAS, ROLLBACK_TO);

    private Revisions() {}

    /** The revision of an object: 0 when absent, null when it does not parse (such objects are skipped). */
    static Long revision(Map<String, String> annotations) {
        String value = annotations.get(REVISION);
        if (value == null) {
            return 0L;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** {@code MaxRevision}: the highest parseable revision, 0 for none. */
    static long maxRevision(Collection<Map<String, String>> annotationsOfEach) {
        long max = 0;
        for (Map<String, String> annotations : annotationsOfEach) {
            Long v = revision(annotations);
            if (v != null && v > max) {
                max = v;
            }
        }
        return max;
    }

    /** {@code LastRevision}: the second highest revision (what {@code rollout undo} goes back to). */
    static long lastRevision(Collection<Map<String, String>> annotationsOfEach) {
        long max = 0;
        long second = 0;
        for (Map<String, String> annotations : annotationsOfEach) {
            Long v = revision(annotations);
            if (v == null) {
                continue;
            }
            if (v >= max) {
                second = max;
                max = v;
            } else if (v > second) {
                second = v;
            }
        }
        return second;
    }

    /** An int annotation (desired-replicas, max-replicas), or null when absent or unparsable. */
    static Integer intAnnotation(Map<String, String> annotations, String key) {
        String value = annotations.get(key);
        if (value == null) {
            return null;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** {@code SetReplicasAnnotations}: writes desired and max replicas; true if either changed. */
    static boolean setReplicasAnnotations(Map<String, String> annotations, int desired, int max) {
        boolean changed = false;
        String desiredString = Integer.toString(desired);
        if (!desiredString.equals(annotations.get(DESIRED_REPLICAS))) {
            annotations.put(DESIRED_REPLICAS, desiredString);
            changed = true;
        }
        String maxString = Integer.toString(max);
        if (!maxString.equals(annotations.get(MAX_REPLICAS))) {
            annotations.put(MAX_REPLICAS, maxString);
            changed = true;
        }
        return changed;
    }

    /**
     * {@code SetNewReplicaSetAnnotations}: copies the Deployment's annotations (all but
     * {@link #SKIPPED}, additively), raises the RS's revision to {@code newRevision} when it is
     * lower (never lowers it), appends the replaced revision to revision-history (a rollback to
     * this RS) within {@link #MAX_HISTORY_CHARS}, and for an RS about to be created sets
     * desired/max replicas. Changes {@code rsAnnotations} in place; true if anything changed. As
     * upstream, an RS whose revision does not parse is left as it is (and false is returned).
     */
    static boolean setNewReplicaSetAnnotations(Map<String, String> deploymentAnnotations, Map<String, String> rsAnnotations,
            long newRevision, boolean exists, int desiredReplicas, int maxReplicas) {
        boolean changed = copyDeploymentAnnotations(deploymentAnnotations, rsAnnotations);
        String oldRevision = rsAnnotations.get(REVISION);
        long oldRevisionNumber = 0;
        if (oldRevision != null && !oldRevision.isEmpty()) {
            try {
                oldRevisionNumber = Long.parseLong(oldRevision);
            } catch (NumberFormatException e) {
                return false;
            }
        }
        if (oldRevisionNumber < newRevision) {
            rsAnnotations.put(REVISION, Long.toString(newRevision));
            changed = true;
            if (oldRevision != null) {
                appendHistory(rsAnnotations, oldRevision);
            }
        }
        if (!exists && setReplicasAnnotations(rsAnnotations, desiredReplicas, maxReplicas)) {
            changed = true;
        }
        return changed;
    }

    private static void appendHistory(Map<String, String> rsAnnotations, String oldRevision) {
        String history = rsAnnotations.getOrDefault(REVISION_HISTORY, "");
        if (history.isEmpty()) {
            rsAnnotations.put(REVISION_HISTORY, oldRevision);
            return;
        }
        List<String> old = List.of(history.split(",", -1));
        int totalLength = history.length() + oldRevision.length() + 1;
        int start = 0;
        while (totalLength > MAX_HISTORY_CHARS && start < old.size()) {
            totalLength -= old.get(start).length() + 1;
            start++;
        }
        if (totalLength <= MAX_HISTORY_CHARS) {
            StringBuilder joined = new StringBuilder();
            for (String entry : old.subList(start, old.size())) {
                joined.append(entry).append(',');
            }
            rsAnnotations.put(REVISION_HISTORY, joined.append(oldRevision).toString());
        }
    }

    /** Copies the Deployment's annotations except the skipped ones; never removes any. True if changed. */
    static boolean copyDeploymentAnnotations(Map<String, String> deploymentAnnotations, Map<String, String> rsAnnotations) {
        boolean changed = false;
        for (Map.Entry<String, String> e : deploymentAnnotations.entrySet()) {
            if (SKIPPED.contains(e.getKey()) || e.getValue().equals(rsAnnotations.get(e.getKey()))) {
                continue;
            }
            rsAnnotations.put(e.getKey(), e.getValue());
            changed = true;
        }
        return changed;
    }

    /**
     * {@code SetDeploymentAnnotationsTo}: the Deployment's annotations after a rollback to an RS:
     * its own skipped annotations, plus every other annotation of the RS.
     */
    static Map<String, String> rolledBackAnnotations(Map<String, String> deploymentAnnotations, Map<String, String> rsAnnotations) {
        Map<String, String> result = new HashMap<>();
        deploymentAnnotations.forEach((k, v) -> {
            if (SKIPPED.contains(k)) {
                result.put(k, v);
            }
        });
        rsAnnotations.forEach((k, v) -> {
            if (!SKIPPED.contains(k)) {
                result.put(k, v);
            }
        });
        return result;
    }
}
