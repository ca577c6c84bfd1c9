package io.steersman.controller.statefulset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.steersman.api.codec.Codec;
import io.steersman.api.controller.Hashes;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.OwnerReference;
import io.steersman.api.model.apps.ControllerRevision;
import io.steersman.api.model.apps.StatefulSet;
import io.steersman.api.model.core.PodTemplateSpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A StatefulSet's ControllerRevisions, as upstream's {@code controller/history} and
 * {@code stateful_set_utils.go}. A revision's {@code data} is the strategic merge patch that puts
 * the set's pod template back: {@code {"spec":{"template":{...,"$patch":"replace"}}}}, which is
 * also what {@code kubectl rollout undo} sends. Its name is {@code <set>-<hash>}, the hash being
 * FNV-1 (32 bit, as Go's {@code fnv.New32}) of that data as sorted-key compact JSON (what Go's
 * {@code json.Marshal} of a map writes), then of the collision count in decimal, safe-encoded.
 * Pure functions; thread-safe.
 */
final class History {
    static final String HASH_LABEL = "controller.kubernetes.io/hash";
    static final String PATCH_DIRECTIVE = "$patch";
    /** Upstream truncates the name prefix so that prefix, dash and hash fit 253 characters. */
    private static final int MAX_PREFIX = 223;
    private static final ObjectMapper SORTED = JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    /** Oldest first: by revision, then creation time, then name ({@code SortControllerRevisions}). */
    static final Comparator<ControllerRevision> BY_REVISION = Comparator
            .comparingLong(ControllerRevision::revisionOrZero)
            .thenComparing(r -> r.metadata().creationTimestamp(), Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .thenComparing(ControllerRevision::name);

    private History() {}

    /** {@code getPatch}: the data of a revision of the set's current template. */
    static Map<String, Object> patchOf(PodTemplateSpec template) {
        Map<String, Object> templateMap = new TreeMap<>(Codec.DEFAULT.toMap(template));
        templateMap.put(PATCH_DIRECTIVE, "replace");
        return Map.of("spec", Map.of("template", templateMap));
    }

    /**
     * {@code newRevision}: the revision the set's current template makes, numbered {@code revision}:
     * labels from the pod template plus the hash label, the set's annotations, the set as controller.
     */
    static ControllerRevision newRevision(StatefulSet set, long revision, int collisionCount) {
        Map<String, Object> data = patchOf(set.spec().template());
        String hash = hash(data, collisionCount);
        Map<String, String> labels = new HashMap<>(set.spec().template().metadata().labels());
        labels.put(HASH_LABEL, hash);
        ObjectMeta meta = ObjectMeta.builder()
                .name(name(set.name(), hash))
                .namespace(set.namespace())
                .labels(labels)
                .annotations(set.metadata().annotations())
                .ownerReferences(List.of(OwnerReference.controllerOf(set)))
                .build();
        return ControllerRevision.of(meta, data, revision);
    }

    /** {@code ControllerRevisionName}. */
    static String name(String prefix, String hash) {
        return (prefix.length() > MAX_PREFIX ? prefix.substring(0, MAX_PREFIX) : prefix) + "-" + hash;
    }

    /** {@code HashControllerRevision} over the data's canonical JSON and the collision count. */
    static String hash(Map<String, Object> data, Integer collisionCount) {
        int hash = Hashes.fnv32(Hashes.FNV32_OFFSET_BASIS, canonicalJson(data).getBytes(StandardCharsets.UTF_8));
        if (collisionCount != null) {
            hash = Hashes.fnv32(hash, Integer.toString(collisionCount).getBytes(StandardCharsets.US_ASCII));
        }
        return Hashes.safeEncode(Integer.toUnsignedString(hash));
    }

    /**
     * {@code EqualRevision}: the same data. Compared as canonical JSON, so the number types and map
     * orders a round trip through the store may change do not matter.
     */
    static boolean equal(ControllerRevision a, ControllerRevision b) {
        String hashA = a.metadata().labels().get(HASH_LABEL);
        String hashB = b.metadata().labels().get(HASH_LABEL);
        // Upstream compares the labels only when both parse as numbers, which safe-encoded hashes never do.
        if (isNumber(hashA) && isNumber(hashB) && !hashA.equals(hashB)) {
            return false;
        }
        return canonicalJson(a.data()).equals(canonicalJson(b.data()));
    }

    private static boolean isNumber(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        try {
            Integer.parseInt(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** {@code nextRevision}: one more than the highest, 1 for none. */
    static long nextRevision(Collection<ControllerRevision> revisions) {
        long max = 0;
        for (ControllerRevision r : revisions) {
            max = Math.max(max, r.revisionOrZero());
        }
        return max + 1;
    }

    /**
     * {@code ApplyRevision}: the set with the revision's pod template. The data is a replace patch
     * of {@code spec.template}, so applying it means taking that template whole.
     */
    @SuppressWarnings("unchecked")
    static StatefulSet apply(StatefulSet set, ControllerRevision revision) {
        Object spec = revision.data().get("spec");
        Object template = spec instanceof Map<?, ?> m ? m.get("template") : null;
        if (!(template instanceof Map<?, ?>)) {
            return set;
        }
        Map<String, Object> copy = new HashMap<>((Map<String, Object>) template);
        copy.remove(PATCH_DIRECTIVE);
        JsonNode tree = Codec.DEFAULT.toTree(copy);
        PodTemplateSpec restored = Codec.DEFAULT.decode(tree, PodTemplateSpec.class);
        return set.withSpec(set.spec().withTemplate(restored));
    }

    /**
     * {@code truncateHistory}: the revisions to delete, oldest first, so that at most {@code limit}
     * revisions remain beside the live ones (current, update and any a pod is labelled with). A
     * negative limit keeps everything.
     */
    static List<ControllerRevision> toTruncate(List<ControllerRevision> sorted, Set<String> live, int limit) {
        List<ControllerRevision> history = new ArrayList<>();
        for (ControllerRevision r : sorted) {
            if (!live.contains(r.name())) {
                history.add(r);
            }
        }
        if (limit < 0 || history.size() <= limit) {
            return List.of();
        }
        return history.subList(0, history.size() - limit);
    }

    /**
     * JSON with the keys of every object sorted and no whitespace, as Go marshals a map: the
     * codec's plain form (so only API field names, and a number is a number whatever its Java
     * type), written by a mapper that orders map entries.
     */
    static String canonicalJson(Map<String, Object> value) {
        try {
            return SORTED.writeValueAsString(Codec.DEFAULT.toMap(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write revision data as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
