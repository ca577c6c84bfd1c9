package io.steersman.core.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A set of field paths, as structured-merge-diff's {@code fieldpath.Set}: a tree whose edges are
 * path elements in their FieldsV1 spelling ({@code f:spec}, {@code k:{"name":"nginx"}},
 * {@code v:"finalizer"}, {@code i:0}) and whose nodes may be members of the set. Serialised as
 * upstream's FieldsV1: a member without children is {@code {}}, a member with children carries
 * {@code ".": {}}.
 *
 * <p>Mutable and not thread-safe: a working value inside one apply or update.
 */
final class FieldSet {
    private final TreeMap<String, FieldSet> children = new TreeMap<>();
    private boolean member;

    /** Adds the path as a member. */
    void insert(List<String> path) {
        FieldSet node = this;
        for (String element : path) {
            node = node.children.computeIfAbsent(element, k -> new FieldSet());
        }
        node.member = true;
    }

    boolean isEmpty() {
        if (member) {
            return false;
        }
        for (FieldSet child : children.values()) {
            if (!child.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Whether the path, or any path below it, is a member. */
    boolean containsPrefix(List<String> path) {
        FieldSet node = this;
        for (String element : path) {
            node = node.children.get(element);
            if (node == null) {
                return false;
            }
        }
        return !node.isEmpty();
    }

    FieldSet copy() {
        FieldSet out = new FieldSet();
        out.member = member;
        children.forEach((k, v) -> out.children.put(k, v.copy()));
        return out;
    }

    FieldSet union(FieldSet other) {
        FieldSet out = copy();
        out.addAll(other);
        return out;
    }

    private void addAll(FieldSet other) {
        member |= other.member;
        other.children.forEach((k, v) -> children.computeIfAbsent(k, x -> new FieldSet()).addAll(v));
    }

    /** The members of this set that are not members of {@code other}. */
    FieldSet difference(FieldSet other) {
        FieldSet out = new FieldSet();
        out.member = member && !other.member;
        children.forEach((k, v) -> {
            FieldSet o = other.children.get(k);
            FieldSet d = o == null ? v.copy() : v.difference(o);
            if (!d.isEmpty()) {
                out.children.put(k, d);
            }
        });
        return out;
    }

    /** The members in both sets. */
    FieldSet intersection(FieldSet other) {
        FieldSet out = new FieldSet();
        out.member = member && other.member;
        children.forEach((k, v) -> {
            FieldSet o = other.children.get(k);
            if (o != null) {
                FieldSet i = v.intersection(o);
                if (!i.isEmpty()) {
                    out.children.put(k, i);
                }
            }
        });
        return out;
    }

    /** A copy without anything at or below {@code path}. */
    FieldSet withoutSubtree(List<String> path) {
        FieldSet out = copy();
        FieldSet node = out;
        for (int i = 0; i < path.size() - 1 && node != null; i++) {
            node = node.children.get(path.get(i));
        }
        if (node != null) {
            node.children.remove(path.get(path.size() - 1));
        }
        return out;
    }

    /** A copy with only what is at or below {@code path}. */
    FieldSet onlySubtree(List<String> path) {
        FieldSet source = this;
        for (String element : path) {
            source = source == null ? null : source.children.get(element);
        }
        FieldSet out = new FieldSet();
        if (source == null) {
            return out;
        }
        FieldSet target = out;
        for (String element : path) {
            target = target.children.computeIfAbsent(element, k -> new FieldSet());
        }
        target.member = source.member;
        for (Map.Entry<String, FieldSet> e : source.children.entrySet()) {
            target.children.put(e.getKey(), e.getValue().copy());
        }
        return out;
    }

    /** Removes the member at each path (its children stay). */
    FieldSet withoutMembers(List<List<String>> paths) {
        FieldSet out = copy();
        for (List<String> path : paths) {
            FieldSet node = out;
            for (String element : path) {
                node = node == null ? null : node.children.get(element);
            }
            if (node != null) {
                node.member = false;
            }
        }
        return out;
    }

    /** Visits every member path, in order. */
    void forEachMember(Consumer<List<String>> visitor) {
        forEachMember(new ArrayList<>(), visitor);
    }

    private void forEachMember(List<String> prefix, Consumer<List<String>> visitor) {
        if (member) {
            visitor.accept(List.copyOf(prefix));
        }
        for (Map.Entry<String, FieldSet> e : children.entrySet()) {
            prefix.add(e.getKey());
            e.getValue().forEachMember(prefix, visitor);
            prefix.remove(prefix.size() - 1);
        }
    }

    List<List<String>> members() {
        List<List<String>> out = new ArrayList<>();
        forEachMember(out::add);
        return out;
    }

    // ---- FieldsV1 ----

    ObjectNode toFieldsV1() {
        ObjectNode out = Json.object();
        for (Map.Entry<String, FieldSet> e : children.entrySet()) {
            FieldSet child = e.getValue();
            if (child.isEmpty()) {
                continue;
            }
            ObjectNode encoded = child.toFieldsV1();
            if (child.member && !encoded.isEmpty()) {
                ObjectNode withDot = Json.object();
                withDot.set(".", Json.object());
                withDot.setAll(encoded);
                encoded = withDot;
            }
            out.set(e.getKey(), encoded);
        }
        return out;
    }

    static FieldSet fromFieldsV1(JsonNode fieldsV1) {
        FieldSet set = new FieldSet();
        if (fieldsV1 != null && fieldsV1.isObject()) {
            set.read(fieldsV1);
        }
        return set;
    }

    private void read(JsonNode node) {
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (e.getKey().equals(".")) {
                member = true;
                continue;
            }
            FieldSet child = children.computeIfAbsent(e.getKey(), k -> new FieldSet());
            if (!e.getValue().isObject() || e.getValue().isEmpty()) {
                child.member = true;
            } else {
                child.read(e.getValue());
            }
        }
    }

    // ---- paths as upstream prints them ----

    /** {@code .spec.template.spec.containers[name="nginx"].image}, as fieldpath.Path.String(). */
    static String format(List<String> path) {
        StringBuilder s = new StringBuilder();
        for (String element : path) {
            String body = element.substring(2);
            switch (element.charAt(0)) {
                case 'f' -> s.append('.').append(body);
                case 'k' -> {
                    s.append('[');
                    JsonNode key = Json.parse(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    boolean first = true;
                    for (Map.Entry<String, JsonNode> k : key.properties()) {
                        s.append(first ? "" : ",").append(k.getKey()).append('=').append(Json.write(k.getValue()));
                        first = false;
                    }
                    s.append(']');
                }
                case 'v' -> s.append("[=").append(body).append(']');
                default -> s.append('[').append(body).append(']');
            }
        }
        return s.toString();
    }
}
