package io.steersman.apiserver;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.steersman.api.codec.Codec;
import java.util.List;

/**
 * JSON for the wire, through the api module's {@link Codec} (upstream's encoding: empty fields left
 * out, RFC 3339 times; strict decoding with field paths in 400 answers). The server knows each
 * body's type from the URL, so decoding never needs the registry. Thread-safe.
 */
final class Json {
    private static final Codec CODEC = Codec.DEFAULT;
    /** For streaming output (tables). */
    static final JsonFactory FACTORY = new JsonFactory();

    private Json() {}

    static byte[] write(Object value) {
        return CODEC.toJson(value);
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    static ObjectNode tree(Object value) {
        return CODEC.toTree(value);
    }

    /** Parses JSON; malformed input is a 400 DecodeException. */
    static JsonNode parse(byte[] json) {
        return CODEC.readTree(json);
    }

    /** As {@link #parse}, but of a key repeated in an object the last value counts. */
    static JsonNode parseLastWins(byte[] json) {
        return CODEC.readTreeLastWins(json);
    }

    /** Parses one YAML document; malformed input or several documents are a 400. */
    static JsonNode parseYaml(String yaml) {
        List<JsonNode> documents = CODEC.readYamlTrees(yaml);
        if (documents.size() != 1) {
            throw Errors.badRequest("the request body must hold exactly one YAML document, not " + documents.size());
        }
        return documents.get(0);
    }

    /** JSON bytes straight into {@code type}, or null for anything {@link #parse} then {@link #convert} would refuse. */
    static <T> T convertOrNull(byte[] json, Class<T> type) {
        return CODEC.decodeJsonOrNull(json, type);
    }

    /** The tree as {@code type}; a value of the wrong type is a 400 DecodeException naming the field. */
    static <T> T convert(JsonNode tree, Class<T> type) {
        return CODEC.decode(tree, type);
    }
}
