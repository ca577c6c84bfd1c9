package io.steersman.core.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Field paths of objects under a {@link PatchSchema}, as structured-merge-diff computes them: the
 * set of fields an object sets ({@code ToFieldSet}), the difference between two objects
 * ({@code Compare}), and removal of a path. Maps and structs are granular, lists merged by key or
 * as sets have one path per element, atomic values and other lists are one leaf.
 */
final class Fields {
    private Fields() {}

    /** Where an element of an associative list omits its protocol key, upstream's OpenAPI default applies. */
    private static final Map<String, String> KEY_DEFAULTS = Map.of("protocol", "TCP");

    record Comparison(FieldSet added, FieldSet removed, FieldSet modified) {
        FieldSet changed() {
            return added.union(modified);
        }
    }

    static PatchSchema.Field root(PatchSchema schema) {
        return new PatchSchema.Field("", PatchSchema.Strategy.PLAIN, List.of(), schema);
    }

    static String field(String name) {
        return "f:" + name;
    }

    /** Every path the object sets: scalars, atomic values, empty maps, nulls, and list elements. */
    static FieldSet of(JsonNode object, PatchSchema schema) {
        FieldSet out = new FieldSet();
        collect(object, root(schema), new ArrayList<>(), out);
        return out;
    }

    static Comparison compare(JsonNode before, JsonNode after, PatchSchema schema) {
        Comparison c = new Comparison(new FieldSet(), new FieldSet(), new FieldSet());
        compare(before, after, root(schema), new ArrayList<>(), c);
        return c;
    }

    private static boolean atomic(PatchSchema.Field f) {
        return f.strategy() == PatchSchema.Strategy.ATOMIC || f.strategy() == PatchSchema.Strategy.OPAQUE;
    }

    private static void collect(JsonNode node, PatchSchema.Field f, List<String> path, FieldSet out) {
        if (atomic(f) && !path.isEmpty()) {
            out.insert(path);
        } else if (node.isObject()) {
            if (node.isEmpty() && !path.isEmpty()) {
                out.insert(path);
            }
            collectFields(node, f.type(), path, out);
        } else if (node.isArray() && f.merged()) {
            for (JsonNode item : node) {
                path.add(elementKey(item, f, path));
                out.insert(path);
                if (item.isObject()) {
                    collectFields(item, f.type(), path, out);
                }
                path.remove(path.size() - 1);
            }
        } else if (!path.isEmpty()) {
            out.insert(path);
        }
    }

    private static void collectFields(JsonNode object, PatchSchema type, List<String> path, FieldSet out) {
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            path.add(field(e.getKey()));
            if (e.getValue().isNull()) {
                out.insert(path);
            } else {
                collect(e.getValue(), type.field(e.getKey()), path, out);
            }
            path.remove(path.size() - 1);
        }
    }

    private static void compare(JsonNode a, JsonNode b, PatchSchema.Field f, List<String> path, Comparison c) {
        if (a == null && b == null) {
            return;
        }
        if (a == null) {
            collectAt(b, f, path, c.added());
            return;
        }
        if (b == null) {
            collectAt(a, f, path, c.removed());
            return;
        }
        boolean granular = !atomic(f) || path.isEmpty();
        if (granular && a.isObject() && b.isObject()) {
            compareFields(a, b, f.type(), path, c);
            return;
        }
        if (granular && f.merged() && a.isArray() && b.isArray()) {
            Map<String, JsonNode> before = index(a, f, path);
            Map<String, JsonNode> after = index(b, f, path);
            Map<String, Boolean> keys = new LinkedHashMap<>();
            before.keySet().forEach(k -> keys.put(k, true));
            after.keySet().forEach(k -> keys.put(k, true));
            for (String key : keys.keySet()) {
                JsonNode ai = before.get(key);
                JsonNode bi = after.get(key);
                path.add(key);
                if (ai == null || bi == null) {
                    FieldSet into = ai == null ? c.added() : c.removed();
                    JsonNode item = ai == null ? bi : ai;
                    into.insert(path);
                    if (item.isObject()) {
                        collectFields(item, f.type(), path, into);
                    }
                } else if (ai.isObject() && bi.isObject()) {
                    compareFields(ai, bi, f.type(), path, c);
                }
                path.remove(path.size() - 1);
            }
            return;
        }
        if (!Json.same(a, b)) {
            c.modified().insert(path);
        }
    }

    private static void compareFields(JsonNode a, JsonNode b, PatchSchema type, List<String> path, Comparison c) {
        Map<String, Boolean> names = new LinkedHashMap<>();
        a.fieldNames().forEachRemaining(n -> names.put(n, true));
        b.fieldNames().forEachRemaining(n -> names.put(n, true));
        for (String name : names.keySet()) {
            path.add(field(name));
            compare(a.get(name), b.get(name), type.field(name), path, c);
            path.remove(path.size() - 1);
        }
    }

    private static void collectAt(JsonNode node, PatchSchema.Field f, List<String> path, FieldSet out) {
        if (node.isNull()) {
            out.insert(path);
        } else {
            collect(node, f, path, out);
        }
    }

    private static Map<String, JsonNode> index(JsonNode list, PatchSchema.Field f, List<String> path) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode item : list) {
            out.put(elementKey(item, f, path), item);
        }
        return out;
    }

    /**
     * The path element of one element of a merged list: {@code k:{"name":"nginx"}} (key fields in
     * name order) for objects, {@code v:"value"} for primitives.
     */
    static String elementKey(JsonNode item, PatchSchema.Field f, List<String> path) {
        if (!item.isObject()) {
            return "v:" + Json.write(item);
        }
        TreeMap<String, JsonNode> key = new TreeMap<>();
        for (String name : f.keys()) {
            JsonNode value = item.get(name);
            if (value == null && KEY_DEFAULTS.containsKey(name)) {
                value = Json.NODES.textNode(KEY_DEFAULTS.get(name));
            }
            if (value == null) {
                throw PatchErrors.badRequest(FieldSet.format(path) + ": associative list with keys has an element that omits key field \""
                        + name + "\" (and doesn't have default value)");
            }
            key.put(name, value);
        }
        if (key.isEmpty()) {
            return "v:" + Json.write(item);
        }
        ObjectNode k = Json.object();
        key.forEach(k::set);
        return "k:" + Json.write(k);
    }

    /** Removes the value at {@code path} from {@code root}, if it is there. */
    static void remove(JsonNode root, List<String> path, PatchSchema schema) {
        JsonNode node = root;
        PatchSchema.Field f = root(schema);
        for (int i = 0; i < path.size() && node != null; i++) {
            String element = path.get(i);
            boolean last = i == path.size() - 1;
            if (element.startsWith("f:") && node.isObject()) {
                String name = element.substring(2);
                if (last) {
                    ((ObjectNode) node).remove(name);
                    return;
                }
                f = f.type().field(name);
                node = node.get(name);
            } else if (node.isArray()) {
                int at = find((ArrayNode) node, element, f, path.subList(0, i));
                if (at < 0) {
                    return;
                }
                if (last) {
                    ((ArrayNode) node).remove(at);
                    return;
                }
                node = node.get(at);
                f = Fields.root(f.type());
            } else {
                return;
            }
        }
    }

    private static int find(ArrayNode list, String element, PatchSchema.Field f, List<String> path) {
        if (element.startsWith("i:")) {
            int at = Integer.parseInt(element.substring(2));
            return at < list.size() ? at : -1;
        }
        for (int i = 0; i < list.size(); i++) {
            if (elementKey(list.get(i), f, path).equals(element)) {
                return i;
            }
        }
        return -1;
    }
}
