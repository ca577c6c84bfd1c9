package io.steersman.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.steersman.api.codec.DecodeException;
import io.steersman.api.model.ApiObject;
import io.steersman.api.resource.ResourceType;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Request bodies: JSON or YAML into a tree, then into the kind's Java type. Every failure is a 400
 * naming the field, 413 past the size limit, or 415 for a format the server does not read.
 */
final class Bodies {
    static final List<String> OBJECT_TYPES = List.of(MediaType.JSON, MediaType.YAML, MediaType.PROTOBUF);

    private Bodies() {}

    /** The bytes of a create or update body, after its media type was checked; YAML or JSON. */
    record Body(byte[] bytes, boolean yaml) {}

    /** The body of a create or update: 415 for a media type the server does not read, 413 past the limit. */
    static Body read(Exchange ex) {
        MediaType type = ex.contentType();
        if (type != null && type.is(MediaType.PROTOBUF)) {
            throw Errors.protobufBody();
        }
        boolean yaml = type != null && (type.is(MediaType.YAML) || type.is("application/x-yaml") || type.is("text/yaml"));
        if (type != null && !yaml && !type.is(MediaType.JSON) && !type.is("*/*")) {
            throw Errors.unsupportedMediaType(type.essence(), OBJECT_TYPES);
        }
        return new Body(ex.body(), yaml);
    }

    /**
     * A body as a JSON object, with the paths of the fields a JSON body names twice in one object
     * (the last value counts, as in Go; {@code fieldValidation} decides whether that is an error).
     */
    record ObjectBody(ObjectNode tree, List<String> duplicateFields) {}

    /** The body of a create or update, as a JSON object; of a field named twice the last value counts. */
    static ObjectNode objectTree(Exchange ex) {
        return objectBody(read(ex)).tree();
    }

    static ObjectBody objectBody(Body body) {
        List<String> duplicates = List.of();
        JsonNode tree;
        if (body.yaml()) {
            tree = parseYaml(body.bytes());
        } else {
            try {
                tree = parseJson(body.bytes());
            } catch (DecodeException e) {
                // The strict parse refuses repeated keys; only then look for them, so a body without costs nothing.
                duplicates = DuplicateFields.of(body.bytes());
                if (duplicates.isEmpty()) {
                    throw e;
                }
                tree = Json.parseLastWins(body.bytes());
            }
        }
        if (!(tree instanceof ObjectNode object)) {
            throw Errors.badRequest("the request body must be a JSON object");
        }
        return new ObjectBody(object, duplicates);
    }

    /**
     * A JSON body read straight into the kind's Java type, without the tree: what {@link #objectTree}
     * and {@link #toObject} would make of it, at about half the cost. Null for YAML and for any body
     * those would refuse, so the caller takes the tree path, which says why.
     */
    static <T extends ApiObject> T directObject(Body body, ResourceType<T> type) {
        return body.yaml() ? null : Json.convertOrNull(body.bytes(), type.javaType());
    }

    static JsonNode parseJson(byte[] body) {
        if (body.length == 0) {
            throw Errors.badRequest("the request body is empty");
        }
        return Json.parse(body);
    }

    static JsonNode parseYaml(byte[] body) {
        return Json.parseYaml(new String(body, StandardCharsets.UTF_8));
    }

    /** The tree as the kind's Java type; a value of the wrong type is a 400 naming its field. */
    static <T extends ApiObject> T toObject(JsonNode tree, ResourceType<T> type) {
        return Json.convert(tree, type.javaType());
    }
}
