package io.steersman.apiserver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.steersman.api.model.ApiObject;
import io.steersman.api.resource.ResourceType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Request bodies: JSON or YAML into a tree, then into the kind's Java type. Every failure is a 400
 * naming the field, 413 past the size limit, or 415 for a format the server does not read.
 */
final class Bodies {
    static final List<String> OBJECT_TYPES = List.of(MediaType.JSON, MediaType.YAML, MediaType.PROTOBUF);

    private Bodies() {}

    /** The body of a create or update, as a JSON object. */
    static ObjectNode objectTree(Exchange ex) {
        MediaType type = ex.contentType();
        if (type != null && type.is(MediaType.PROTOBUF)) {
            throw Errors.protobufBody();
        }
        boolean yaml = type != null && (type.is(MediaType.YAML) || type.is("application/x-yaml") || type.is("text/yaml"));
        if (type != null && !yaml && !type.is(MediaType.JSON) && !type.is("*/*")) {
            throw Errors.unsupportedMediaType(type.essence(), OBJECT_TYPES);
        }
        byte[] body = ex.body();
        JsonNode tree = yaml ? parseYaml(body) : parseJson(body);
        if (!(tree instanceof ObjectNode object)) {
            throw Errors.badRequest("the request body must be a JSON object");
        }
        return object;
    }

    static JsonNode parseJson(byte[] body) {
        if (body.length == 0) {
            throw Errors.badRequest("the request body is empty");
        }
        try {
            return Json.parse(body);
        } catch (JsonProcessingException e) {
            throw Errors.badRequest("the request body is not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()));
        } catch (IOException e) {
            throw Errors.badRequest("cannot read the request body: " + e.getMessage());
        }
    }

    static JsonNode parseYaml(byte[] body) {
        try {
            Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(new String(body, StandardCharsets.UTF_8));
            return Json.MAPPER.valueToTree(loaded);
        } catch (YAMLException | IllegalArgumentException e) {
            throw Errors.badRequest("the request body is not valid YAML: " + e.getMessage());
        }
    }

    /** The tree as the kind's Java type; a value of the wrong type is a 400 naming its field. */
    static <T extends ApiObject> T toObject(JsonNode tree, ResourceType<T> type) {
        try {
            return Json.convert(tree, type.javaType());
        } catch (JsonMappingException e) {
            throw Errors.badRequest(type.kind() + " in version \"" + type.version() + "\" cannot be handled as a " + type.kind()
                    + ": " + describe(e));
        } catch (IOException | IllegalArgumentException e) {
            throw Errors.badRequest(type.kind() + " in version \"" + type.version() + "\" cannot be handled as a " + type.kind()
                    + ": " + e.getMessage());
        }
    }

    private static String describe(JsonMappingException e) {
        String path = path(e.getPath());
        String message = e.getOriginalMessage();
        int newline = message == null ? -1 : message.indexOf('\n');
        if (newline > 0) {
            message = message.substring(0, newline);
        }
        return (path.isEmpty() ? "" : path + ": ") + message;
    }

    /** Jackson's reference path as a Kubernetes field path: {@code spec.containers[0].ports}. */
    static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : references) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
