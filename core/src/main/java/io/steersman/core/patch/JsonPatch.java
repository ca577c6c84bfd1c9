package io.steersman.core.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 6902 JSON patch with kube-apiserver's error answers: a body that is not a JSON array of
 * operation objects is 400, more than 10,000 operations is 413, and an operation that does not
 * apply (a failed {@code test}, a missing path for {@code replace}, {@code remove}, {@code move},
 * a missing parent for {@code add}, an unknown {@code op}) is 422. Operations apply in order to a
 * copy; a failure leaves nothing half-applied.
 *
 * <p>Written here rather than taken from zjsonpatch 0.4.16, which decodes {@code ~01} as
 * {@code /} instead of {@code ~1} (RFC 6902 appendix A.14). The words of the failures follow
 * evanphx/json-patch, which kube-apiserver uses; upstream only logs them, so they become the
 * exception's cause.
 */
final class JsonPatch {
    /** upstream's maxJSONPatchOperations. */
    static final int MAX_OPERATIONS = 10_000;

    private JsonPatch() {}

    static JsonNode apply(JsonNode current, byte[] body) {
        JsonNode patch = Json.parse(body);
        if (!patch.isArray()) {
            throw PatchErrors.badRequest("json: cannot unmarshal " + goType(patch) + " into Go value of type jsonpatch.Patch");
        }
        for (JsonNode op : patch) {
            if (!op.isObject()) {
                throw PatchErrors.badRequest("json: cannot unmarshal " + goType(op) + " into Go value of type jsonpatch.Operation");
            }
        }
        if (patch.size() > MAX_OPERATIONS) {
            throw PatchErrors.tooLarge("The allowed maximum operations in a JSON patch is " + MAX_OPERATIONS + ", got " + patch.size());
        }
        JsonNode doc = current.deepCopy();
        for (JsonNode op : patch) {
            doc = applyOne(doc, op);
        }
        return doc;
    }

    private static JsonNode applyOne(JsonNode doc, JsonNode op) {
        String kind = op.path("op").asText("unknown");
        String path = text(op, "path", kind);
        return switch (kind) {
            case "add" -> add(doc, path, value(op, kind), kind);
            case "remove" -> {
                remove(doc, path, kind);
                yield doc;
            }
            case "replace" -> replace(doc, path, value(op, kind));
            case "move" -> {
                String from = text(op, "from", kind);
                if (path.startsWith(from + "/")) {
                    throw fail(kind, "cannot move " + from + " into its own child " + path);
                }
                JsonNode moved = remove(doc, from, kind);
                yield add(doc, path, moved, kind);
            }
            case "copy" -> add(doc, path, get(doc, text(op, "from", kind), kind).deepCopy(), kind);
            case "test" -> {
                JsonNode expected = value(op, kind);
                JsonNode actual = path.isEmpty() ? doc : find(doc, path);
                if (actual == null || !Json.same(actual, expected)) {
                    throw fail(kind, "testing value " + path + " failed");
                }
                yield doc;
            }
            default -> throw fail(kind, "Unexpected kind: " + kind);
        };
    }

    private static JsonNode add(JsonNode doc, String path, JsonNode value, String kind) {
        if (path.isEmpty()) {
            return value;
        }
        Location at = locate(doc, path, kind);
        if (at.parent instanceof ObjectNode object) {
            object.set(at.key, value);
        } else if (at.parent instanceof ArrayNode array) {
            if (at.key.equals("-")) {
                array.add(value);
            } else {
                int index = index(at.key, array.size(), kind, path);
                array.insert(index, value);
            }
        } else {
            throw fail(kind, "doc is missing path: " + path);
        }
        return doc;
    }

    private static JsonNode remove(JsonNode doc, String path, String kind) {
        if (path.isEmpty()) {
            throw fail(kind, "unable to remove the whole document");
        }
        Location at = locate(doc, path, kind);
        if (at.parent instanceof ObjectNode object && object.has(at.key)) {
            return object.remove(at.key);
        }
        if (at.parent instanceof ArrayNode array && !at.key.equals("-")) {
            int index = index(at.key, array.size() - 1, kind, path);
            return array.remove(index);
        }
        throw fail(kind, "Unable to remove nonexistent key: " + lastToken(path) + ": missing value");
    }

    private static JsonNode replace(JsonNode doc, String path, JsonNode value) {
        String kind = "replace";
        if (path.isEmpty()) {
            return value;
        }
        Location at = locate(doc, path, kind);
        if (at.parent instanceof ObjectNode object && object.has(at.key)) {
            object.set(at.key, value);
            return doc;
        }
        if (at.parent instanceof ArrayNode array && !at.key.equals("-")) {
            array.set(index(at.key, array.size() - 1, kind, path), value);
            return doc;
        }
        throw fail(kind, "doc is missing key: " + path);
    }

    private static JsonNode get(JsonNode doc, String path, String kind) {
        JsonNode value = path.isEmpty() ? doc : find(doc, path);
        if (value == null) {
            throw fail(kind, "doc is missing from path: " + path);
        }
        return value;
    }

    /** The value at a pointer, or null. */
    private static JsonNode find(JsonNode doc, String path) {
        JsonNode node = doc;
        for (String token : tokens(path)) {
            if (node instanceof ObjectNode object) {
                node = object.get(token);
            } else if (node instanceof ArrayNode array && isIndex(token) && Integer.parseInt(token) < array.size()) {
                node = array.get(Integer.parseInt(token));
            } else {
                return null;
            }
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    /** The container that holds (or will hold) the last token of {@code path}. */
    private record Location(JsonNode parent, String key) {}

    private static Location locate(JsonNode doc, String path, String kind) {
        List<String> tokens = tokens(path);
        String last = tokens.remove(tokens.size() - 1);
        JsonNode parent = tokens.isEmpty() ? doc : find(doc, "/" + String.join("/", escape(tokens)));
        if (parent == null || !parent.isContainerNode()) {
            throw fail(kind, "doc is missing path: " + path);
        }
        return new Location(parent, last);
    }

    /** RFC 6901: split on '/', then unescape ~1 to '/' before ~0 to '~'. */
    private static List<String> tokens(String path) {
        List<String> tokens = new ArrayList<>();
        for (String raw : path.substring(1).split("/", -1)) {
            tokens.add(raw.replace("~1", "/").replace("~0", "~"));
        }
        return tokens;
    }

    private static List<String> escape(List<String> tokens) {
        return tokens.stream().map(t -> t.replace("~", "~0").replace("/", "~1")).toList();
    }

    private static String lastToken(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static boolean isIndex(String token) {
        return token.equals("0") || token.matches("[1-9][0-9]{0,8}");
    }

    private static int index(String token, int max, String kind, String path) {
        if (!isIndex(token) || Integer.parseInt(token) > max) {
            throw fail(kind, "Unable to access invalid index: " + token + ": invalid index referenced: " + path);
        }
        return Integer.parseInt(token);
    }

    private static String text(JsonNode op, String field, String kind) {
        JsonNode value = op.get(field);
        if (value == null || !value.isTextual()) {
            throw fail(kind, kind + " operation missing " + field + " field");
        }
        String text = value.asText();
        if (!text.isEmpty() && !text.startsWith("/")) {
            throw fail(kind, "invalid JSON pointer: " + text);
        }
        return text;
    }

    private static JsonNode value(JsonNode op, String kind) {
        JsonNode value = op.get("value");
        if (value == null) {
            throw fail(kind, kind + " operation missing value field");
        }
        return value.deepCopy();
    }

    private static RuntimeException fail(String kind, String detail) {
        return PatchErrors.unprocessable(kind.equals("unknown") ? detail : kind + " operation does not apply: " + detail);
    }

    private static String goType(JsonNode node) {
        if (node.isObject()) {
            return "object";
        }
        if (node.isArray()) {
            return "array";
        }
        if (node.isTextual()) {
            return "string";
        }
        if (node.isNumber()) {
            return "number";
        }
        return node.isBoolean() ? "bool" : "null";
    }
}
