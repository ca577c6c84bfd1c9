package io.steersman.api.codec;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.steersman.api.model.ApiObject;
import io.steersman.api.model.autoscaling.Scale;
import io.steersman.api.resource.BuiltinResources;
import io.steersman.api.resource.ResourceRegistry;
import io.steersman.api.resource.ResourceType;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns documents into model objects and back: JSON through Jackson, YAML through SnakeYAML, both
 * giving the same objects, and JSON trees ({@link JsonNode}) for the code that patches.
 *
 * <p>Decoding picks the Java type from the document's {@code apiVersion} and {@code kind} in the
 * {@link ResourceRegistry}. It is strict about types as Go's {@code encoding/json} is ({@code "3"} is
 * not an integer, {@code 1.5} not an int32, {@code 80} not a string) and keeps every field the model
 * does not know in the records' {@code unknownFields}. Bad input raises {@link DecodeException}
 * with a Kubernetes {@code Status}: 400 BadRequest naming the field path
 * ({@code Deployment "web": spec.replicas: expected an integer, got "abc"}), or 413 when a
 * {@linkplain Limits limit} is exceeded.
 *
 * <p>Encoding writes what upstream writes: null fields, empty lists and empty maps left out, times
 * as RFC 3339 in whole seconds ({@code 2026-11-26T00:33:08Z}; {@code MicroTime} with six digits),
 * map keys sorted as Go sorts them, YAML in block style as {@code kubectl get -o yaml} prints it.
 *
 * <p>YAML is loaded safely: plain maps, lists and scalars only (no tags that build Java objects),
 * aliases of collections limited (a "billion laughs" document is refused at once), a character
 * limit per document and per stream, a nesting limit, duplicate keys refused; empty documents of a
 * {@code ---} stream are skipped.
 *
 * <p>Thread-safe; share one instance. {@link #DEFAULT} knows the built-in kinds; a control plane
 * with plugins makes its own over its registry.
 */
public final class Codec {

    /** The built-in kinds with the default limits. */
    public static final Codec DEFAULT = new Codec(BuiltinResources.registry());

    /**
     * How much input the codec accepts. {@code maxDocumentChars} bounds one document (JSON or one
     * YAML document; upstream's API server takes 3 MiB request bodies), {@code maxStreamChars} a
     * whole YAML stream, {@code maxAliases} the aliases of collections in a YAML document,
     * {@code maxNestingDepth} how deep maps and lists nest.
     */
    public record Limits(int maxDocumentChars, long maxStreamChars, int maxAliases, int maxNestingDepth) {
        public static final Limits DEFAULT = new Limits(3 * 1024 * 1024, 64L * 1024 * 1024, 50, 100);

        public Limits {
            if (maxDocumentChars <= 0 || maxStreamChars <= 0 || maxAliases < 0 || maxNestingDepth <= 0) {
                throw new IllegalArgumentException("codec limits must be positive: " + maxDocumentChars + ", "
                        + maxStreamChars + ", " + maxAliases + ", " + maxNestingDepth);
            }
        }

        public Limits withMaxDocumentChars(int maxDocumentChars) {
            return new Limits(maxDocumentChars, Math.max(maxStreamChars, maxDocumentChars), maxAliases, maxNestingDepth);
        }
    }

    /**
     * Kinds that are read and written but are no resource of their own (autoscaling/v1 Scale,
     * served at {@code .../scale}); known to every codec so their documents decode, never served
     * as resources.
     */
    private static final ResourceRegistry SUBRESOURCE_KINDS = new ResourceRegistry().register(
            ResourceType.builder(Scale.class).group("autoscaling").version("v1").kind("Scale").plural("scale").build());

    private final ResourceRegistry registry;
    private final Limits limits;
    private final ObjectMapper mapper;
    private final Yaml yaml;
    private final Map<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();

    public Codec(ResourceRegistry registry) {
        this(registry, Limits.DEFAULT);
    }

    public Codec(ResourceRegistry registry, Limits limits) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.mapper = Mappers.json(limits);
        this.yaml = new Yaml(limits);
    }

    public ResourceRegistry registry() {
        return registry;
    }

    public Limits limits() {
        return limits;
    }

    // ---- decoding ---------------------------------------------------------------------------

    /** The object a JSON document describes, typed by its apiVersion and kind. */
    public ApiObject decodeJson(byte[] json) {
        return decode(readTree(json));
    }

    public ApiObject decodeJson(String json) {
        return decode(readTree(json));
    }

    /**
     * A JSON document as {@code type}, whatever its apiVersion and kind say: a request body whose
     * type the URL gives, or a type that is no kind ({@code Status}, {@code DeleteOptions}).
     */
    public <T> T decodeJson(byte[] json, Class<T> type) {
        return decode(readTree(json), type);
    }

    /**
     * A JSON document as {@code type}, read straight from the bytes without a tree, or null when it is
     * not one: malformed, not an object, {@code null}, or with a value of the wrong type. Accepts
     * exactly what {@link #decodeJson(byte[], Class)} accepts, with the same result, at about half the
     * cost; the caller that needs the error message decodes again through the tree. For request bodies,
     * which are nearly always well-formed.
     */
    public <T> T decodeJsonOrNull(byte[] json, Class<T> type) {
        if (json.length == 0) {
            return null;
        }
        try {
            return readers.computeIfAbsent(type, mapper::readerFor).readValue(json);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Every object of a YAML stream ({@code ---} separated; empty documents skipped), in order. */
    public List<ApiObject> decodeYaml(String yamlText) {
        return decodeYaml(new StringReader(yamlText));
    }

    public List<ApiObject> decodeYaml(InputStream yamlBytes) {
        return decodeYaml(new InputStreamReader(yamlBytes, StandardCharsets.UTF_8));
    }

    public List<ApiObject> decodeYaml(Reader yamlText) {
        List<ApiObject> objects = new ArrayList<>();
        for (JsonNode tree : readYamlTrees(yamlText)) {
            objects.add(decode(tree));
        }
        return objects;
    }

    /** The object a JSON-shaped map (as SnakeYAML or a JSON parser builds it) describes. */
    public ApiObject decode(Map<String, ?> document) {
        return decode(toTreeUnchecked(document));
    }

    /** The object a JSON tree describes, typed by its apiVersion and kind. */
    public ApiObject decode(JsonNode tree) {
        ResourceType<?> type = typeOf(tree);
        return decode(tree, type.javaType());
    }

    /**
     * The tree as {@code type}, whatever its apiVersion and kind say (the API server knows the
     * type from the URL). Works for any model type, not only kinds.
     */
    public <T> T decode(JsonNode tree, Class<T> type) {
        try {
            return readers.computeIfAbsent(type, mapper::readerFor).readValue(tree);
        } catch (IOException e) {
            throw DecodeErrors.translate(e, tree, type);
        }
    }

    /**
     * The kind a document names, checked against the registry (and autoscaling/v1 Scale, which is
     * no resource of its own: its type says so with plural {@code scale}).
     */
    public ResourceType<?> typeOf(JsonNode tree) {
        if (tree == null || !tree.isObject()) {
            throw DecodeException.badRequest("expected a JSON object, got " + DecodeErrors.describe(tree), null);
        }
        String kind = text(tree, "kind");
        String apiVersion = text(tree, "apiVersion");
        for (String field : new String[] {"apiVersion", "kind"}) {
            JsonNode node = tree.get(field);
            if (node != null && !node.isTextual() && !node.isNull()) {
                throw DecodeException.badRequest(field + ": expected a string, got " + DecodeErrors.describe(node), field);
            }
        }
        if (kind == null || kind.isEmpty()) {
            throw DecodeException.badRequest("Object 'Kind' is missing in '" + DecodeErrors.abbreviate(tree) + "'", null);
        }
        if (apiVersion == null || apiVersion.isEmpty()) {
            throw DecodeException.badRequest("Object 'apiVersion' is missing in '" + DecodeErrors.abbreviate(tree) + "'", null);
        }
        return registry.forKind(apiVersion, kind)
                .or(() -> SUBRESOURCE_KINDS.forKind(apiVersion, kind))
                .orElseThrow(() -> DecodeException.badRequest(
                        "no kind \"" + kind + "\" is registered for version \"" + apiVersion + "\"", null));
    }

    /** Parses JSON into a tree, with the codec's limits and strictness (duplicate keys refused). */
    public JsonNode readTree(byte[] json) {
        try {
            return nonNull(mapper.readTree(json));
        } catch (IOException e) {
            throw DecodeErrors.translateSyntax(e, limits);
        }
    }

    /**
     * As {@link #readTree(byte[])}, but a key repeated in an object keeps its last value instead of
     * failing, as Go's decoder does: for a server that reports duplicates per {@code fieldValidation}.
     */
    public JsonNode readTreeLastWins(byte[] json) {
        // The factory's duplicate detection can only be switched off per parser (not per reader).
        try (JsonParser parser = mapper.getFactory().createParser(json)) {
            parser.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            JsonNode tree = mapper.readTree(parser);
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                throw new JsonParseException(parser, "Trailing token (of type " + trailing + ") found after value");
            }
            return nonNull(tree);
        } catch (IOException e) {
            throw DecodeErrors.translateSyntax(e, limits);
        }
    }

    public JsonNode readTree(String json) {
        try {
            return nonNull(mapper.readTree(json));
        } catch (IOException e) {
            throw DecodeErrors.translateSyntax(e, limits);
        }
    }

    /** Every non-empty document of a YAML stream as a JSON tree (for apply patches, or to decode later). */
    public List<JsonNode> readYamlTrees(Reader yamlText) {
        List<JsonNode> trees = new ArrayList<>();
        for (Object document : yaml.loadAll(yamlText)) {
            trees.add(toTreeUnchecked(document));
        }
        return trees;
    }

    public List<JsonNode> readYamlTrees(String yamlText) {
        return readYamlTrees(new StringReader(yamlText));
    }

    // ---- encoding ---------------------------------------------------------------------------

    public byte[] toJson(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + value.getClass().getName() + ": " + e.getOriginalMessage(), e);
        }
    }

    public String toJsonString(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + value.getClass().getName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Writes JSON to {@code out} without closing it. */
    public void writeJson(OutputStream out, Object value) {
        try {
            mapper.writer().without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                    .writeValue(out, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON tree of an object, as it would be written; a new, mutable tree the caller owns. */
    public ObjectNode toTree(Object value) {
        JsonNode tree = mapper.valueToTree(value);
        if (!(tree instanceof ObjectNode object)) {
            throw new IllegalArgumentException(value.getClass().getName() + " is not written as a JSON object");
        }
        return object;
    }

    /** The object as nested maps, lists and scalars, in the order it is written. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> toMap(Object value) {
        return mapper.convertValue(toTree(value), Map.class);
    }

    /** YAML in block style, as {@code kubectl get -o yaml} prints it. */
    public String toYaml(Object value) {
        Object plain = value instanceof JsonNode node ? mapper.convertValue(node, Object.class) : toMap(value);
        return yaml.dump(plain);
    }

    /** Several objects as one YAML stream, separated by {@code ---}. */
    public String toYaml(List<?> values) {
        StringBuilder out = new StringBuilder();
        for (Object value : values) {
            if (out.length() > 0) {
                out.append("---\n");
            }
            out.append(toYaml(value));
        }
        return out.toString();
    }

    private JsonNode toTreeUnchecked(Object document) {
        return mapper.valueToTree(document);
    }

    private static JsonNode nonNull(JsonNode tree) {
        if (tree == null || tree.isMissingNode()) {
            throw DecodeException.badRequest("the document is empty", null);
        }
        return tree;
    }

    private static String text(JsonNode tree, String field) {
        JsonNode node = tree.get(field);
        return node != null && node.isTextual() ? node.asText() : null;
    }
}
