package io.steersman.core.patch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;

/** JSON helpers shared by the patch engines: one mapper, value equality as Go's decoded JSON compares. */
final class Json {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {}

    /** Parses a request body; a body that is not JSON is a 400 with the parser's words. */
    static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw PatchErrors.badRequest("EOF");
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw PatchErrors.badRequest("EOF");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw PatchErrors.badRequest(e.getOriginalMessage());
        } catch (IOException e) {
            throw PatchErrors.badRequest(e.getMessage());
        }
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    /**
     * Deep equality where numbers compare by value (80 as an int equals 80 as a long, and 1.0
     * equals 1), as two decoded JSON documents compare in Go.
     */
    static boolean same(JsonNode a, JsonNode b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.getNodeType() != b.getNodeType()) {
            return false;
        }
        if (a.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (Map.Entry<String, JsonNode> e : a.properties()) {
                if (!same(e.getValue(), b.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!same(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    /** A copy with every object's members in name order, as Go writes a map. */
    static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = object();
            new java.util.TreeMap<>(toMap(node)).forEach((k, v) -> out.set(k, sorted(v)));
            return out;
        }
        if (node.isArray()) {
            var out = NODES.arrayNode();
            node.forEach(v -> out.add(sorted(v)));
            return out;
        }
        return node;
    }

    private static Map<String, JsonNode> toMap(JsonNode object) {
        Map<String, JsonNode> out = new java.util.HashMap<>();
        object.properties().forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** Compact JSON, for messages. */
    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            return String.valueOf(node);
        }
    }
}
