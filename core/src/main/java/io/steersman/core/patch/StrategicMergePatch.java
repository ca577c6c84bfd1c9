package io.steersman.core.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.steersman.api.client.ApiException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Strategic merge patch as the API server applies it: a port of the apply half of
 * k8s.io/apimachinery/pkg/util/strategicpatch ({@code StrategicMergeMapPatch} with
 * {@code MergeParallelList} and {@code IgnoreUnmatchedNulls}), on Jackson trees.
 *
 * <p>Lists the {@link PatchSchema} marks as merged are merged element by element by their merge
 * key (or as sets of primitives); other lists are replaced; {@code null} deletes; the directives
 * {@code $patch: replace|delete}, {@code $setElementOrder/<list>},
 * {@code $deleteFromPrimitiveList/<list>} and {@code $retainKeys} are honoured. Upstream drops any
 * directive left in a value when it decodes the result into its Go type; here no key starting
 * with {@code $} survives into the result outside opaque fields. The order of a merged list
 * follows upstream: {@code $setElementOrder} first, then the patch's order, then the live order,
 * so an element the patch adds without an order directive comes first.
 *
 * <p>Errors carry upstream's answers: malformed directives are 400, lists of lists and patches
 * that contradict their {@code $retainKeys} are 422, anything else upstream does not classify
 * (a list element without its merge key, an unknown {@code $patch} value) is 500.
 */
final class StrategicMergePatch {
    static final String DIRECTIVE = "$patch";
    static final String RETAIN_KEYS = "$retainKeys";
    static final String SET_ELEMENT_ORDER = "$setElementOrder";
    static final String DELETE_FROM_PRIMITIVE_LIST = "$deleteFromPrimitiveList";

    private static final String BAD_PRIMITIVE_LIST = "invalid patch format of primitive list";
    private static final String BAD_RETAIN_KEYS = "invalid patch format of retainKeys";
    private static final String BAD_SET_ELEMENT_ORDER = "invalid patch type of setElementOrder list";

    private StrategicMergePatch() {}

    /** Applies the patch in {@code body} to {@code current}, which is not changed. */
    static JsonNode apply(JsonNode current, byte[] body, PatchSchema schema) {
        JsonNode patch = Json.parse(body);
        if (!patch.isObject()) {
            throw PatchErrors.badRequest("json: cannot unmarshal " + patch.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
                    + " into Go value of type map[string]interface {}");
        }
        return apply(current, (ObjectNode) patch, schema);
    }

    /** Applies a parsed patch; neither argument is changed. */
    static JsonNode apply(JsonNode current, ObjectNode patch, PatchSchema schema) {
        ObjectNode original = current != null && current.isObject() ? ((ObjectNode) current).deepCopy() : Json.object();
        return mergeMap(original, patch.deepCopy(), schema);
    }

    // ---- maps ----

    private static ObjectNode mergeMap(ObjectNode original, ObjectNode patch, PatchSchema schema) {
        JsonNode directive = patch.get(DIRECTIVE);
        if (directive != null) {
            return handleDirectiveInMergeMap(directive, patch, schema);
        }
        applyRetainKeys(original, patch);
        mergeSetElementOrder(original, patch, schema);

        for (Map.Entry<String, JsonNode> e : new ArrayList<>(patch.properties())) {
            String key = e.getKey();
            JsonNode patchValue = e.getValue();
            boolean deleteList = false;
            if (key.startsWith(DELETE_FROM_PRIMITIVE_LIST)) {
                key = extractKey(key, DELETE_FROM_PRIMITIVE_LIST, BAD_PRIMITIVE_LIST);
                deleteList = true;
            }
            if (patchValue.isNull()) {
                original.remove(key);
                continue;
            }
            if (key.startsWith("$")) {
                continue; // an unknown directive: upstream's typed decoding drops it, so it is never stored
            }
            JsonNode originalValue = original.get(key);
            PatchSchema.Field field = schema.field(key);
            if (originalValue == null || kind(originalValue) != kind(patchValue)) {
                if (!deleteList) {
                    JsonNode fresh = fresh(patchValue, field);
                    if (fresh == null) {
                        original.remove(key);
                    } else {
                        original.set(key, fresh);
                    }
                }
                continue;
            }
            if (field.strategy() == PatchSchema.Strategy.OPAQUE) {
                original.set(key, patchValue);
            } else if (originalValue.isObject()) {
                original.set(key, mergeMap((ObjectNode) originalValue, (ObjectNode) patchValue, field.type()));
            } else if (originalValue.isArray()) {
                original.set(key, mergeSliceHandler((ArrayNode) originalValue, (ArrayNode) patchValue, field, deleteList));
            } else {
                original.set(key, patchValue);
            }
        }
        return original;
    }

    /** {@code $patch} in a map: replace keeps only the patch's content, delete leaves an empty map. */
    private static ObjectNode handleDirectiveInMergeMap(JsonNode directive, ObjectNode patch, PatchSchema schema) {
        String value = directive.isTextual() ? directive.asText() : null;
        if ("replace".equals(value)) {
            patch.remove(DIRECTIVE);
            return mergeMap(Json.object(), patch, schema);
        }
        if ("delete".equals(value)) {
            return Json.object();
        }
        throw badPatchType(directive, patch);
    }

    /**
     * The value to store where the live object has nothing (or a value of another type): the patch
     * merged into nothing, so its directives are resolved and its nulls dropped. Null means the key
     * goes away, as upstream drops a map carrying {@code $patch: delete}.
     */
    private static JsonNode fresh(JsonNode patchValue, PatchSchema.Field field) {
        if (field.strategy() == PatchSchema.Strategy.OPAQUE) {
            return patchValue;
        }
        if (patchValue.isObject()) {
            JsonNode directive = patchValue.get(DIRECTIVE);
            if (directive != null && directive.isTextual() && directive.asText().equals("delete")) {
                return null;
            }
            return mergeMap(Json.object(), (ObjectNode) patchValue, field.type());
        }
        if (patchValue.isArray()) {
            return mergeSliceHandler(Json.NODES.arrayNode(), (ArrayNode) patchValue, field, false);
        }
        return patchValue;
    }

    /** A value taken as it is (a replaced list): upstream's typed decoding drops directives and nulls, so do we. */
    private static JsonNode clean(JsonNode value) {
        if (value.isObject()) {
            ObjectNode out = Json.object();
            for (Map.Entry<String, JsonNode> e : value.properties()) {
                if (!e.getKey().startsWith("$") && !e.getValue().isNull()) {
                    out.set(e.getKey(), clean(e.getValue()));
                }
            }
            return out;
        }
        if (value.isArray()) {
            ArrayNode out = Json.NODES.arrayNode();
            value.forEach(v -> out.add(clean(v)));
            return out;
        }
        return value;
    }

    /** {@code $retainKeys}: keys of the live map that the list does not name are cleared. */
    private static void applyRetainKeys(ObjectNode original, ObjectNode patch) {
        JsonNode retain = patch.remove(RETAIN_KEYS);
        if (retain == null) {
            return;
        }
        if (!retain.isArray()) {
            throw PatchErrors.badRequest(BAD_RETAIN_KEYS);
        }
        Set<String> keep = new HashSet<>();
        for (JsonNode k : retain) {
            if (k.isTextual()) {
                keep.add(k.asText());
            }
        }
        for (Map.Entry<String, JsonNode> e : patch.properties()) {
            String k = e.getKey();
            if (e.getValue().isNull() || k.startsWith(DELETE_FROM_PRIMITIVE_LIST) || k.startsWith(SET_ELEMENT_ORDER)) {
                continue;
            }
            if (!keep.contains(k)) {
                throw PatchErrors.badRequest(BAD_RETAIN_KEYS);
            }
        }
        original.properties().removeIf(e -> !keep.contains(e.getKey()));
    }

    /**
     * {@code $setElementOrder/<list>}: merges the named list (when the patch has it) and orders the
     * result by the directive, then the patch, then the live list. Removes both from the patch.
     */
    private static void mergeSetElementOrder(ObjectNode original, ObjectNode patch, PatchSchema schema) {
        List<String> directives = new ArrayList<>();
        patch.fieldNames().forEachRemaining(k -> {
            if (k.startsWith(SET_ELEMENT_ORDER)) {
                directives.add(k);
            }
        });
        for (String directiveKey : directives) {
            JsonNode order = patch.remove(directiveKey);
            if (!order.isArray()) {
                throw PatchErrors.internal(badArgType("[]interface {}", order));
            }
            String key = extractKey(directiveKey, SET_ELEMENT_ORDER, BAD_SET_ELEMENT_ORDER);
            JsonNode originalList = original.get(key);
            JsonNode patchList = patch.get(key);
            if (originalList != null && !originalList.isArray()) {
                throw PatchErrors.internal(badArgType("[]interface {}", originalList));
            }
            if (patchList != null && !patchList.isArray()) {
                throw PatchErrors.internal(badArgType("[]interface {}", patchList));
            }
            PatchSchema.Field field = schema.field(key);
            String mergeKey = field.mergeKey();
            ArrayNode orderList = (ArrayNode) order;
            validateSetElementOrder(patchList == null ? Json.NODES.arrayNode() : (ArrayNode) patchList, orderList, mergeKey);

            List<JsonNode> merged;
            if (originalList != null && patchList == null) {
                merged = list(originalList);
            } else if (originalList == null && patchList != null) {
                merged = list(fresh(patchList, field));
            } else if (originalList != null) {
                merged = list(mergeSliceHandler((ArrayNode) originalList, (ArrayNode) patchList, field, false));
            } else {
                continue;
            }
            List<JsonNode> originalItems = originalList == null ? List.of() : list(originalList);
            if (merged.isEmpty()) {
                original.set(key, array(merged));
                patch.remove(key);
                continue;
            }
            JsonNodeType kind = elementKind(originalItems, patchList == null ? List.of() : list(patchList));
            List<JsonNode> patchItems = new ArrayList<>();
            List<JsonNode> serverOnly = new ArrayList<>();
            partition(merged, list(orderList), mergeKey, patchItems, serverOnly);
            original.set(key, array(normalizeElementOrder(patchItems, serverOnly, list(orderList), originalItems, mergeKey, kind)));
            patch.remove(key);
        }
    }

    /** The patch list's items (deletions aside) must appear in the order list, in the same relative order. */
    private static void validateSetElementOrder(ArrayNode patchList, ArrayNode order, String mergeKey) {
        if (order.isEmpty() || patchList.isEmpty()) {
            return;
        }
        List<JsonNode> nonDelete = new ArrayList<>();
        for (JsonNode item : patchList) {
            if (mergeKey != null) {
                requireMap(item);
                if (isDirective(item, "delete")) {
                    continue;
                }
            }
            nonDelete.add(item);
        }
        int p = 0;
        int o = 0;
        while (p < nonDelete.size() && o < order.size()) {
            if (nonDelete.get(p).isObject() && nonDelete.get(p).has(DIRECTIVE)) {
                p++;
                continue;
            }
            if (mergeKeyValueEqual(nonDelete.get(p), order.get(o), mergeKey)) {
                p++;
            }
            o++;
        }
        if (p < nonDelete.size()) {
            throw PatchErrors.internal("the order in patch list:\n" + Json.write(patchList) + "\n doesn't match "
                    + SET_ELEMENT_ORDER + " list:\n" + Json.write(order));
        }
    }

    // ---- lists ----

    private static JsonNode mergeSliceHandler(ArrayNode original, ArrayNode patch, PatchSchema.Field field, boolean deleteList) {
        if (field.strategy() == PatchSchema.Strategy.OPAQUE) {
            return patch;
        }
        if (!field.merged()) {
            return clean(patch);
        }
        return mergeSlice(original, patch, field.type(), field.mergeKey(), deleteList);
    }

    private static ArrayNode mergeSlice(ArrayNode originalNode, ArrayNode patchNode, PatchSchema element, String mergeKey, boolean deleteList) {
        if (originalNode.isEmpty() && patchNode.isEmpty()) {
            return originalNode;
        }
        List<JsonNode> original = list(originalNode);
        List<JsonNode> patch = list(patchNode);
        JsonNodeType kind = elementKind(original, patch);
        List<JsonNode> merged;
        if (kind != JsonNodeType.OBJECT) {
            if (deleteList) {
                List<JsonNode> kept = new ArrayList<>();
                for (JsonNode v : original) {
                    if (patch.stream().noneMatch(d -> Json.same(d, v))) {
                        kept.add(v);
                    }
                }
                return array(kept);
            }
            merged = new ArrayList<>();
            for (JsonNode v : concat(original, patch)) {
                if (merged.stream().noneMatch(m -> Json.same(m, v))) {
                    merged.add(v);
                }
            }
        } else {
            if (mergeKey == null) {
                throw PatchErrors.internal("cannot merge lists without merge key for type map");
            }
            // $patch elements: delete removes matches from the live list, replace drops the live list.
            List<JsonNode> plain = new ArrayList<>();
            boolean replace = false;
            for (JsonNode v : patch) {
                JsonNode directive = v.get(DIRECTIVE);
                if (directive == null) {
                    plain.add(v);
                } else if (directive.isTextual() && directive.asText().equals("delete")) {
                    JsonNode value = v.get(mergeKey);
                    if (value == null) {
                        throw noMergeKey(v, mergeKey);
                    }
                    original.removeIf(o -> sameKey(o, mergeKey, value));
                } else if (directive.isTextual() && directive.asText().equals("replace")) {
                    replace = true;
                } else if (directive.isTextual() && directive.asText().equals("merge")) {
                    throw PatchErrors.internal("merging lists cannot yet be specified in the patch");
                } else {
                    throw badPatchType(directive, v);
                }
            }
            if (replace) {
                original = new ArrayList<>();
                for (JsonNode v : plain) {
                    original.add(mergeMap(Json.object(), (ObjectNode) v, element));
                }
                patch = List.of();
            } else {
                patch = plain;
            }
            merged = new ArrayList<>(original);
            for (JsonNode v : patch) {
                JsonNode value = v.get(mergeKey);
                if (value == null) {
                    throw noMergeKey(v, mergeKey);
                }
                int at = indexOfKey(merged, mergeKey, value);
                if (at >= 0) {
                    merged.set(at, mergeMap((ObjectNode) merged.get(at), (ObjectNode) v, element));
                } else {
                    merged.add(mergeMap(Json.object(), (ObjectNode) v, element));
                }
            }
        }
        String key = kind == JsonNodeType.OBJECT ? mergeKey : null;
        List<JsonNode> patchItems = new ArrayList<>();
        List<JsonNode> serverOnly = new ArrayList<>();
        partition(merged, patch, key, patchItems, serverOnly);
        return array(normalizeElementOrder(patchItems, serverOnly, patch, original, key, kind));
    }

    /** Splits {@code merged} into the items present in {@code by} and the others, keeping their order. */
    private static void partition(List<JsonNode> merged, List<JsonNode> by, String mergeKey, List<JsonNode> present, List<JsonNode> absent) {
        for (JsonNode v : merged) {
            boolean found;
            if (mergeKey == null) {
                found = by.stream().anyMatch(b -> Json.same(b, v));
            } else {
                requireMap(v);
                JsonNode value = v.get(mergeKey);
                if (value == null) {
                    throw noMergeKey(v, mergeKey);
                }
                found = by.stream().anyMatch(b -> sameKey(b, mergeKey, value));
            }
            (found ? present : absent).add(v);
        }
    }

    /**
     * Sorts the patch items by the patch order and the server-only items by the live order, then
     * interleaves them by the live order (upstream's normalizeElementOrder and mergeSortedSlice).
     */
    private static List<JsonNode> normalizeElementOrder(List<JsonNode> patch, List<JsonNode> serverOnly, List<JsonNode> patchOrder,
                                                        List<JsonNode> serverOrder, String mergeKey, JsonNodeType kind) {
        List<JsonNode> left = normalizeSliceOrder(serverOnly, serverOrder, mergeKey, kind);
        List<JsonNode> right = normalizeSliceOrder(patch, patchOrder, mergeKey, kind);
        List<JsonNode> all = new ArrayList<>(left.size() + right.size());
        int i = 0;
        int j = 0;
        while (i < left.size() || j < right.size()) {
            if (i >= left.size()) {
                all.add(right.get(j++));
            } else if (j >= right.size()) {
                all.add(left.get(i++));
            } else {
                int li = index(serverOrder, left.get(i), mergeKey, kind);
                int ri = index(serverOrder, right.get(j), mergeKey, kind);
                if (li >= 0 && ri >= 0 && li < ri) {
                    all.add(left.get(i++));
                } else {
                    all.add(right.get(j++));
                }
            }
        }
        return all;
    }

    /** Stable sort by position in {@code order}; items carrying {@code $patch: delete} go last. */
    private static List<JsonNode> normalizeSliceOrder(List<JsonNode> toSort, List<JsonNode> order, String mergeKey, JsonNodeType kind) {
        List<JsonNode> sorted = new ArrayList<>();
        List<JsonNode> deletions = new ArrayList<>();
        if (kind == JsonNodeType.OBJECT) {
            for (JsonNode v : concat(toSort, order)) {
                requireMap(v);
                if (!v.has(mergeKey)) {
                    throw noMergeKey(v, mergeKey);
                }
            }
            for (JsonNode v : toSort) {
                (isDirective(v, "delete") ? deletions : sorted).add(v);
            }
        } else {
            sorted.addAll(toSort);
        }
        sorted.sort(Comparator.comparingInt(v -> {
            int at = index(order, v, mergeKey, kind);
            return at < 0 ? Integer.MAX_VALUE : at;
        }));
        sorted.addAll(deletions);
        return sorted;
    }

    private static int index(List<JsonNode> list, JsonNode value, String mergeKey, JsonNodeType kind) {
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            if (kind == JsonNodeType.OBJECT) {
                if (Json.same(value.get(mergeKey), item.isObject() ? item.get(mergeKey) : null)) {
                    return i;
                }
            } else if (Json.same(value, item)) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOfKey(List<JsonNode> list, String mergeKey, JsonNode value) {
        for (int i = 0; i < list.size(); i++) {
            if (sameKey(list.get(i), mergeKey, value)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean sameKey(JsonNode item, String mergeKey, JsonNode value) {
        if (!item.isObject()) {
            throw PatchErrors.internal("value for key " + mergeKey + " is not a map.");
        }
        JsonNode v = item.get(mergeKey);
        return v != null && Json.same(v, value);
    }

    private static boolean mergeKeyValueEqual(JsonNode left, JsonNode right, String mergeKey) {
        if (mergeKey == null) {
            return Json.same(left, right);
        }
        requireMap(left);
        requireMap(right);
        JsonNode l = left.get(mergeKey);
        if (l == null) {
            throw noMergeKey(left, mergeKey);
        }
        JsonNode r = right.get(mergeKey);
        if (r == null) {
            throw noMergeKey(right, mergeKey);
        }
        return Json.same(l, r);
    }

    /** The common kind of the elements: all objects, or all scalars; lists of lists are refused. */
    private static JsonNodeType elementKind(List<JsonNode> a, List<JsonNode> b) {
        JsonNodeType kind = null;
        for (JsonNode v : concat(a, b)) {
            JsonNodeType k = kind(v);
            if (k == JsonNodeType.ARRAY) {
                throw PatchErrors.unprocessable("lists of lists are not supported");
            }
            if (kind == null) {
                kind = k;
            } else if (kind != k) {
                throw PatchErrors.internal("list element types are not identical: " + Json.write(array(a)) + " " + Json.write(array(b)));
            }
        }
        if (kind == null) {
            throw PatchErrors.internal("no elements in any of the given slices");
        }
        return kind;
    }

    /** The JSON kind as Go's decoded types tell them apart: numbers and strings are both scalars but differ from each other. */
    private static JsonNodeType kind(JsonNode v) {
        return v.getNodeType() == JsonNodeType.POJO ? JsonNodeType.OBJECT : v.getNodeType();
    }

    // ---- helpers ----

    private static String extractKey(String key, String prefix, String error) {
        int slash = key.indexOf('/');
        if (slash < 0 || !key.substring(0, slash).equals(prefix)) {
            throw PatchErrors.badRequest(error);
        }
        return key.substring(slash + 1);
    }

    private static boolean isDirective(JsonNode item, String value) {
        JsonNode d = item.get(DIRECTIVE);
        return d != null && d.isTextual() && d.asText().equals(value);
    }

    private static void requireMap(JsonNode v) {
        if (!v.isObject()) {
            throw PatchErrors.internal(badArgType("map[string]interface {}", v));
        }
    }

    private static String badArgType(String expected, JsonNode actual) {
        return "expected a " + expected + ", but received a " + goType(actual);
    }

    private static String goType(JsonNode v) {
        return switch (v.getNodeType()) {
            case OBJECT, POJO -> "map[string]interface {}";
            case ARRAY -> "[]interface {}";
            case STRING -> "string";
            case NUMBER -> v.isIntegralNumber() ? "int64" : "float64";
            case BOOLEAN -> "bool";
            default -> "<nil>";
        };
    }

    private static ApiException noMergeKey(JsonNode map, String mergeKey) {
        return PatchErrors.internal("map: " + Json.write(map) + " does not contain declared merge key: " + mergeKey);
    }

    private static ApiException badPatchType(JsonNode directive, JsonNode map) {
        return PatchErrors.internal("unknown patch type: " + (directive.isTextual() ? directive.asText() : Json.write(directive))
                + " in map: " + Json.write(map));
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>(array.size());
        array.forEach(out::add);
        return out;
    }

    private static List<JsonNode> concat(List<JsonNode> a, List<JsonNode> b) {
        List<JsonNode> out = new ArrayList<>(a.size() + b.size());
        out.addAll(a);
        out.addAll(b);
        return out;
    }

    private static ArrayNode array(List<JsonNode> items) {
        ArrayNode out = Json.NODES.arrayNode(items.size());
        out.addAll(items);
        return out;
    }
}
