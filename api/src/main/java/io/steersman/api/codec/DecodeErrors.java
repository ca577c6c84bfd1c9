package io.steersman.api.codec;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.steersman.api.model.ApiObject;
import io.steersman.api.model.IntOrString;
import io.steersman.api.model.MicroTime;
import io.steersman.api.model.Quantity;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Turns Jackson's exceptions into {@link DecodeException}s that say which field, what was expected and what came. */
final class DecodeErrors {
    private static final int ABBREVIATE_AT = 200;

    private DecodeErrors() {}

    static DecodeException translate(IOException e, JsonNode tree, Class<?> type) {
        if (!(e instanceof JsonMappingException mapping)) {
            return DecodeException.badRequest(prefix(tree, type) + message(e), null);
        }
        List<JsonMappingException.Reference> chain = mapping.getPath();
        String field = fieldPath(chain);
        JsonNode value = tree.at(pointer(chain));
        if (mapping instanceof ValueInstantiationException && mapping.getCause() instanceof NullPointerException) {
            // A record's collections refuse null elements; name the element rather than the record.
            String nullAt = findNull(value);
            if (nullAt != null) {
                field = field.isEmpty() ? nullAt.substring(nullAt.startsWith(".") ? 1 : 0) : field + nullAt;
                return DecodeException.badRequest(prefix(tree, type) + field + ": must not be null", field);
            }
        }
        String problem = problem(mapping, value);
        String where = field.isEmpty() ? "" : field + ": ";
        return DecodeException.badRequest(prefix(tree, type) + where + problem, field.isEmpty() ? null : field);
    }

    static DecodeException translateSyntax(IOException e, Codec.Limits limits) {
        if (e instanceof StreamConstraintsException constraint) {
            String message = message(constraint);
            if (message.contains("Document length")) {
                return DecodeException.tooLarge("the JSON document exceeds the limit of " + limits.maxDocumentChars() + " characters");
            }
            if (message.contains("nesting depth")) {
                return DecodeException.badRequest("json: document nests deeper than " + limits.maxNestingDepth() + " levels", null);
            }
            return DecodeException.badRequest("json: " + message, null);
        }
        String location = "";
        if (e instanceof JsonProcessingException p && p.getLocation() != null) {
            location = "line " + p.getLocation().getLineNr() + ", column " + p.getLocation().getColumnNr() + ": ";
        }
        return DecodeException.badRequest("json: " + location + message(e), null);
    }

    /** {@code Deployment "web": } when the document names a kind, so the message says which object. */
    private static String prefix(JsonNode tree, Class<?> type) {
        if (!ApiObject.class.isAssignableFrom(type)) {
            return "";
        }
        String kind = tree.path("kind").isTextual() ? tree.path("kind").asText() : type.getSimpleName();
        JsonNode name = tree.path("metadata").path("name");
        return name.isTextual() ? kind + " \"" + name.asText() + "\": " : kind + ": ";
    }

    private static String problem(JsonMappingException e, JsonNode value) {
        if (e instanceof ValueInstantiationException instantiation) {
            Throwable cause = instantiation.getCause();
            Class<?> target = instantiation.getType() == null ? null : instantiation.getType().getRawClass();
            if (target == IntOrString.class || target == Quantity.class || target == MicroTime.class) {
                return "expected " + expected(target, value) + ", got " + describe(value);
            }
            if (cause instanceof NullPointerException) {
                return "null is not allowed in its lists and maps";
            }
            return cause != null && cause.getMessage() != null ? cause.getMessage() : message(e);
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "expected " + expected(mismatch.getTargetType(), value) + ", got " + describe(value);
        }
        if (e.getCause() instanceof InputCoercionException coercion && coercion.getTargetType() != null) {
            return "expected " + expected(coercion.getTargetType(), value) + ", got " + describe(value);
        }
        if (e.getCause() instanceof IllegalArgumentException cause && cause.getMessage() != null) {
            return cause.getMessage();
        }
        return message(e);
    }

    /** The path below {@code object} of the first null element of one of its lists or maps, e.g. {@code .labels[app]}. */
    private static String findNull(JsonNode object) {
        if (object == null || !object.isObject()) {
            return null;
        }
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            JsonNode child = field.getValue();
            if (child.isObject()) {
                for (Map.Entry<String, JsonNode> entry : child.properties()) {
                    if (entry.getValue().isNull()) {
                        return "." + field.getKey() + "[" + entry.getKey() + "]";
                    }
                }
            } else if (child.isArray()) {
                for (int i = 0; i < child.size(); i++) {
                    if (child.get(i).isNull()) {
                        return "." + field.getKey() + "[" + i + "]";
                    }
                }
            }
        }
        return null;
    }

    private static String expected(Class<?> target, JsonNode value) {
        if (target == Integer.class || target == int.class || target == Short.class || target == short.class) {
            return value != null && value.isIntegralNumber() ? "a 32-bit integer" : "an integer";
        }
        if (target == Long.class || target == long.class || target == BigInteger.class) {
            return value != null && value.isIntegralNumber() ? "a 64-bit integer" : "an integer";
        }
        if (target == Double.class || target == double.class || target == Float.class || target == float.class
                || target == BigDecimal.class || Number.class.isAssignableFrom(target)) {
            return "a number";
        }
        if (target == String.class) {
            return "a string";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "a boolean";
        }
        if (target == Instant.class || target == MicroTime.class) {
            return "an RFC 3339 time";
        }
        if (target == IntOrString.class) {
            return "an integer or a string";
        }
        if (target == Quantity.class) {
            return "a quantity";
        }
        if (Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(target) || !target.isPrimitive()) {
            return "an object";
        }
        return target.getSimpleName();
    }

    /** A JSON value as a message shows it: strings quoted, short scalars as written, collections by kind. */
    static String describe(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "nothing";
        }
        if (value.isObject()) {
            return "an object";
        }
        if (value.isArray()) {
            return "a list";
        }
        String text = value.toString();
        return text.length() > 64 ? text.substring(0, 64) + "..." : text;
    }

    /** Upstream quotes the whole document in "missing kind" errors; a shortened one reads better. */
    static String abbreviate(JsonNode tree) {
        String text = tree.toString();
        return text.length() > ABBREVIATE_AT ? text.substring(0, ABBREVIATE_AT) + "..." : text;
    }

    /** {@code spec.template.spec.containers[0].image}; map keys as {@code metadata.labels[app.kubernetes.io/name]}. */
    static String fieldPath(List<JsonMappingException.Reference> chain) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : chain) {
            if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                boolean fromMap = ref.getFrom() instanceof Map<?, ?>
                        || ref.getFrom() instanceof Class<?> c && Map.class.isAssignableFrom(c);
                if (fromMap) {
                    path.append('[').append(ref.getFieldName()).append(']');
                } else {
                    if (path.length() > 0) {
                        path.append('.');
                    }
                    path.append(ref.getFieldName());
                }
            }
        }
        return path.toString();
    }

    private static JsonPointer pointer(List<JsonMappingException.Reference> chain) {
        JsonPointer pointer = JsonPointer.empty();
        for (JsonMappingException.Reference ref : chain) {
            if (ref.getIndex() >= 0) {
                pointer = pointer.appendIndex(ref.getIndex());
            } else if (ref.getFieldName() != null) {
                pointer = pointer.appendProperty(ref.getFieldName());
            }
        }
        return pointer;
    }

    private static String message(IOException e) {
        if (e instanceof DatabindException d && d.getOriginalMessage() != null) {
            return d.getOriginalMessage();
        }
        if (e instanceof JsonProcessingException p && p.getOriginalMessage() != null) {
            return p.getOriginalMessage();
        }
        return String.valueOf(e.getMessage());
    }
}
