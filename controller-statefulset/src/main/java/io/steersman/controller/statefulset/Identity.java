package io.steersman.controller.statefulset;

import io.steersman.api.controller.PodTemplates;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.apps.StatefulSet;
import io.steersman.api.model.core.PersistentVolumeClaim;
import io.steersman.api.model.core.Pod;
import io.steersman.api.model.core.PodSpec;
import io.steersman.api.model.core.PodTemplateSpec;
import io.steersman.api.model.core.Volume;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A StatefulSet pod's identity and storage, as upstream's {@code stateful_set_utils.go}: the name
 * {@code <set>-<ordinal>}, the labels that name the pod and its index, hostname and subdomain (so
 * the headless Service gives {@code <pod>.<serviceName>.<ns>.svc.cluster.local}), and one claim
 * {@code <template>-<set>-<ordinal>} per volumeClaimTemplate. Pure functions; thread-safe.
 */
final class Identity {
    static final String POD_NAME_LABEL = "statefulset.kubernetes.io/pod-name";
    static final String POD_INDEX_LABEL = "apps.kubernetes.io/pod-index";
    static final String REVISION_LABEL = "controller-revision-hash";

    /** Upstream's {@code statefulPodRegex}: greedy parent, then the digits after the last dash. */
    private static final Pattern POD_NAME = Pattern.compile("^(.*)-([0-9]+)$");

    private Identity() {}

    /** The parent set's name parsed from a pod name, or null when the name has no ordinal. */
    static String parentName(String podName) {
        Matcher m = POD_NAME.matcher(podName);
        return m.matches() ? m.group(1) : null;
    }

    /** The ordinal parsed from a pod name, or -1 when there is none or it does not fit an int32. */
    static int ordinal(String podName) {
        Matcher m = POD_NAME.matcher(podName);
        if (!m.matches()) {
            return -1;
        }
        try {
            return Integer.parseInt(m.group(2));
        } catch (NumberFormatException tooLarge) {
            return -1;
        }
    }

    static int ordinal(Pod pod) {
        return ordinal(pod.name());
    }

    static String podName(StatefulSet set, int ordinal) {
        return set.name() + "-" + ordinal;
    }

    static String claimName(StatefulSet set, PersistentVolumeClaim template, int ordinal) {
        return template.metadata().name() + "-" + set.name() + "-" + ordinal;
    }

    /** {@code isMemberOf}: the pod's name says it belongs to the set. */
    static boolean isMemberOf(StatefulSet set, Pod pod) {
        return set.name().equals(parentName(pod.name()));
    }

    static int startOrdinal(StatefulSet set) {
        return set.spec().ordinalStart();
    }

    /** The last ordinal in range (inclusive): start + replicas - 1. */
    static int endOrdinal(StatefulSet set) {
        return startOrdinal(set) + set.spec().replicasOrDefault() - 1;
    }

    static boolean inOrdinalRange(StatefulSet set, Pod pod) {
        int ordinal = ordinal(pod);
        return ordinal >= startOrdinal(set) && ordinal <= endOrdinal(set);
    }

    /** {@code identityMatches}: name, namespace and the pod-name label are the set's for this ordinal. */
    static boolean identityMatches(StatefulSet set, Pod pod) {
        int ordinal = ordinal(pod);
        return ordinal >= 0
                && set.name().equals(parentName(pod.name()))
                && pod.name().equals(podName(set, ordinal))
                && set.namespace().equals(pod.namespace())
                && pod.name().equals(pod.metadata().labels().get(POD_NAME_LABEL));
    }

    /** {@code storageMatches}: every claim template has a pod volume of its name pointing at the pod's claim. */
    static boolean storageMatches(StatefulSet set, Pod pod) {
        int ordinal = ordinal(pod);
        if (ordinal < 0) {
            return false;
        }
        Map<String, Volume> volumes = new HashMap<>();
        for (Volume v : pod.spec().volumes()) {
            volumes.put(v.name(), v);
        }
        for (PersistentVolumeClaim template : set.spec().volumeClaimTemplates()) {
            Volume v = volumes.get(template.metadata().name());
            if (v == null || v.persistentVolumeClaim() == null
                    || !claimName(set, template, ordinal).equals(v.persistentVolumeClaim().claimName())) {
                return false;
            }
        }
        return true;
    }

    /**
     * The claims a pod of this ordinal uses, by template name (in template order): the template
     * with the claim's name, the set's namespace, and the template's labels plus the selector's
     * matchLabels.
     */
    static Map<String, PersistentVolumeClaim> claims(StatefulSet set, int ordinal) {
        Map<String, PersistentVolumeClaim> claims = new LinkedHashMap<>();
        Map<String, String> selectorLabels = set.spec().selector() == null ? Map.of() : set.spec().selector().matchLabels();
        for (PersistentVolumeClaim template : set.spec().volumeClaimTemplates()) {
            Map<String, String> labels = new HashMap<>(template.metadata().labels());
            labels.putAll(selectorLabels);
            ObjectMeta meta = template.metadata().toBuilder()
                    .name(claimName(set, template, ordinal))
                    .namespace(set.namespace())
                    .labels(labels)
                    .uid(null).resourceVersion(null).creationTimestamp(null)
                    .build();
            // The template's status (the API server defaults it to Pending) is not the new claim's.
            claims.put(template.metadata().name(),
                    new PersistentVolumeClaim(PersistentVolumeClaim.API_VERSION, PersistentVolumeClaim.KIND, meta,
                            template.spec(), null, template.unknownFields()));
        }
        return claims;
    }

    /** {@code updateStorage}: the claim volumes first, then the pod's other volumes (a same-named one is replaced). */
    static Pod withStorage(StatefulSet set, Pod pod) {
        Map<String, PersistentVolumeClaim> claims = claims(set, ordinal(pod));
        List<Volume> volumes = new ArrayList<>();
        claims.forEach((name, claim) -> volumes.add(Volume.ofClaim(name, claim.name())));
        for (Volume v : pod.spec().volumes()) {
            if (!claims.containsKey(v.name())) {
                volumes.add(v);
            }
        }
        return pod.withSpec(pod.spec().withVolumes(volumes));
    }

    /** {@code updateIdentity}: the name and namespace, the pod-name and pod-index labels. */
    static Pod withIdentity(StatefulSet set, Pod pod) {
        int ordinal = ordinal(pod);
        String name = podName(set, ordinal);
        ObjectMeta meta = pod.metadata().toBuilder().name(name).namespace(set.namespace()).build()
                .withLabel(POD_NAME_LABEL, name)
                .withLabel(POD_INDEX_LABEL, Integer.toString(ordinal));
        return pod.withMetadata(meta);
    }

    /**
     * {@code newStatefulSetPod}: a pod from {@code template} (the set's or an older revision's) with
     * the set as controller, its identity, hostname and subdomain (set on creation only: they are
     * immutable afterwards) and storage, labelled with {@code revision}.
     */
    static Pod newPod(StatefulSet set, PodTemplateSpec template, int ordinal, String revision) {
        String name = podName(set, ordinal);
        ObjectMeta meta = PodTemplates.podMetadata(template, set).name(name).build().withLabel(REVISION_LABEL, revision);
        PodSpec spec = template.spec().withHostname(name, set.spec().serviceName());
        return withStorage(set, withIdentity(set, Pod.of(meta, spec)));
    }

    /** The pod's {@code controller-revision-hash} label, or "" (upstream's {@code getPodRevision}). */
    static String revision(Pod pod) {
        return pod.metadata().labels().getOrDefault(REVISION_LABEL, "");
    }
}
