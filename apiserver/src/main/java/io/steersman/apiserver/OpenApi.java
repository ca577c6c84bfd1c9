package io.steersman.apiserver;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.steersman.api.resource.ResourceType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A minimal OpenAPI v3, generated from the registry: the root lists every group-version, and each
 * group-version document has, per kind, the item path with a PATCH operation carrying
 * {@code x-kubernetes-group-version-kind} and the {@code fieldValidation} query parameter. That is
 * what kubectl checks (cli-runtime's query_param_verifier_v3) to skip client-side validation and ask
 * the server to validate fields. Schemas are minimal ({@code x-kubernetes-preserve-unknown-fields}),
 * enough for {@code kubectl explain} to name the kind.
 *
 * <p>The PATCH operations deliberately do not list {@code application/strategic-merge-patch+json}:
 * kubectl would then compute apply patches from these schemas, which have no merge keys; without it
 * kubectl uses its built-in types for built-in kinds and a JSON merge patch for custom kinds, as
 * against a real cluster with CRDs.
 */
final class OpenApi {
    private final Discovery discovery;

    OpenApi(Discovery discovery) {
        this.discovery = discovery;
    }

    ObjectNode root() {
        ObjectNode root = Json.object();
        ObjectNode paths = root.putObject("paths");
        discovery.groups().forEach((group, versions) -> versions.forEach((version, types) -> {
            String key = group.isEmpty() ? "api/" + version : "apis/" + group + "/" + version;
            String hash = hash(document(group, version, types));
            paths.putObject(key).put("serverRelativeURL", "/openapi/v3/" + key + "?hash=" + hash);
        }));
        return root;
    }

    /** Null when the group-version is not served. */
    ObjectNode groupVersion(String group, String version) {
        Map<String, List<ResourceType<?>>> versions = discovery.groups().get(group);
        List<ResourceType<?>> types = versions == null ? null : versions.get(version);
        return types == null ? null : document(group, version, types);
    }

    private static ObjectNode document(String group, String version, List<ResourceType<?>> types) {
        ObjectNode doc = Json.object();
        doc.put("openapi", "3.0.0");
        ObjectNode info = doc.putObject("info");
        info.put("title", "Kubernetes");
        info.put("version", Version.GIT_VERSION);
        ObjectNode paths = doc.putObject("paths");
        ObjectNode schemas = doc.putObject("components").putObject("schemas");
        String prefix = group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
        for (ResourceType<?> type : types) {
            String schemaName = schemaName(type);
            String item = prefix + (type.namespaced() ? "/namespaces/{namespace}/" : "/") + type.plural() + "/{name}";
            ObjectNode path = paths.putObject(item);
            path.set("get", operation(type, "get", schemaName, false));
            path.set("put", operation(type, "put", schemaName, true));
            path.set("patch", operation(type, "patch", schemaName, true));
            path.set("delete", operation(type, "delete", schemaName, false));
            ObjectNode schema = schemas.putObject(schemaName);
            schema.put("description", type.kind() + " (" + type.apiVersion() + "), served by Steersman.");
            schema.put("type", "object");
            ObjectNode properties = schema.putObject("properties");
            properties.putObject("apiVersion").put("type", "string")
                    .put("description", "APIVersion defines the versioned schema of this representation of an object.");
            properties.putObject("kind").put("type", "string")
                    .put("description", "Kind is a string value representing the REST resource this object represents.");
            properties.putObject("metadata").put("type", "object").put("x-kubernetes-preserve-unknown-fields", true)
                    .put("description", "Standard object's metadata.");
            schema.put("x-kubernetes-preserve-unknown-fields", true);
            ArrayNode gvks = schema.putArray("x-kubernetes-group-version-kind");
            gvks.add(gvk(type));
        }
        return doc;
    }

    private static ObjectNode operation(ResourceType<?> type, String action, String schemaName, boolean write) {
        ObjectNode op = Json.object();
        op.put("operationId", action + type.kind());
        op.put("x-kubernetes-action", action);
        op.set("x-kubernetes-group-version-kind", gvk(type));
        ArrayNode parameters = op.putArray("parameters");
        if (write) {
            for (String name : List.of("dryRun", "fieldManager", "fieldValidation")) {
                ObjectNode p = parameters.addObject();
                p.put("name", name);
                p.put("in", "query");
                p.putObject("schema").put("type", "string");
            }
        }
        if ("patch".equals(action)) {
            ObjectNode force = parameters.addObject();
            force.put("name", "force");
            force.put("in", "query");
            force.putObject("schema").put("type", "boolean");
            ObjectNode content = op.putObject("requestBody").putObject("content");
            for (String mediaType : List.of("application/json-patch+json", "application/merge-patch+json", "application/apply-patch+yaml")) {
                content.putObject(mediaType).putObject("schema").put("type", "object");
            }
        }
        ObjectNode ok = op.putObject("responses").putObject("200");
        ok.put("description", "OK");
        ok.putObject("content").putObject("application/json").putObject("schema")
                .put("$ref", "#/components/schemas/" + schemaName);
        return op;
    }

    private static ObjectNode gvk(ResourceType<?> type) {
        ObjectNode node = Json.object();
        node.put("group", type.group());
        node.put("kind", type.kind());
        node.put("version", type.version());
        return node;
    }

    /** Upstream's schema names ({@code io.k8s.api.apps.v1.Deployment}) for built-in groups, reversed-domain names otherwise. */
    static String schemaName(ResourceType<?> type) {
        String group = type.group();
        if (group.isEmpty()) {
            return "io.k8s.api.core." + type.version() + "." + type.kind();
        }
        if (!group.contains(".")) {
            return "io.k8s.api." + group + "." + type.version() + "." + type.kind();
        }
        String[] parts = group.split("\\.");
        StringBuilder reversed = new StringBuilder();
        for (int i = parts.length - 1; i >= 0; i--) {
            reversed.append(parts[i]).append('.');
        }
        return reversed + type.version() + "." + type.kind();
    }

    private static String hash(ObjectNode document) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-512").digest(Json.write(document));
            return HexFormat.of().withUpperCase().formatHex(digest, 0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
