package io.steersman.apiserver;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.steersman.api.resource.ResourceRegistry;
import io.steersman.api.resource.ResourceType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Discovery documents generated from the registry, so a plugin's kind is served without extra code:
 * aggregated ({@code apidiscovery.k8s.io} v2 and v2beta1 {@code APIGroupDiscoveryList}) and legacy
 * ({@code APIVersions}, {@code APIGroupList}, {@code APIGroup}, {@code APIResourceList}).
 */
final class Discovery {
    static final List<String> VERBS = List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");
    static final List<String> SUBRESOURCE_VERBS = List.of("get", "patch", "update");

    private final ResourceRegistry registry;

    Discovery(ResourceRegistry registry) {
        this.registry = registry;
    }

    /** Group name to its versions (in registration order) to the kinds of each version. */
    Map<String, Map<String, List<ResourceType<?>>>> groups() {
        Map<String, Map<String, List<ResourceType<?>>>> groups = new LinkedHashMap<>();
        groups.put("", new LinkedHashMap<>());
        for (ResourceType<?> type : registry.all()) {
            groups.computeIfAbsent(type.group(), g -> new LinkedHashMap<>())
                    .computeIfAbsent(type.version(), v -> new ArrayList<>()).add(type);
        }
        return groups;
    }

    /** The aggregated document for {@code /api} (core group only) or {@code /apis} (every other group). */
    ObjectNode aggregated(boolean core, String version) {
        ObjectNode list = Json.object();
        list.put("kind", "APIGroupDiscoveryList");
        list.put("apiVersion", "apidiscovery.k8s.io/" + version);
        list.putObject("metadata");
        ArrayNode items = list.putArray("items");
        groups().forEach((group, versions) -> {
            if (group.isEmpty() != core || versions.isEmpty()) {
                return;
            }
            ObjectNode item = items.addObject();
            item.putObject("metadata").put("name", group);
            ArrayNode versionNodes = item.putArray("versions");
            versions.forEach((v, types) -> {
                ObjectNode versionNode = versionNodes.addObject();
                versionNode.put("version", v);
                ArrayNode resources = versionNode.putArray("resources");
                for (ResourceType<?> type : types) {
                    resources.add(aggregatedResource(type));
                    if (ResourcePath.isPods(type)) {
                        resources.add(aggregatedBindings());
                    }
                }
                versionNode.put("freshness", "Current");
            });
        });
        return list;
    }

    /** The create-only {@code bindings} of the core group (the pods' binding without a name in the URL). */
    private static ObjectNode aggregatedBindings() {
        ObjectNode resource = Json.object();
        resource.put("resource", "bindings");
        resource.set("responseKind", kindNode("", "v1", "Binding"));
        resource.put("scope", "Namespaced");
        resource.put("singularResource", "binding");
        strings(resource.putArray("verbs"), List.of("create"));
        return resource;
    }

    private static ObjectNode aggregatedResource(ResourceType<?> type) {
        ObjectNode resource = Json.object();
        resource.put("resource", type.plural());
        resource.set("responseKind", kindNode(type.group(), type.version(), type.kind()));
        resource.put("scope", type.namespaced() ? "Namespaced" : "Cluster");
        resource.put("singularResource", type.singular());
        strings(resource.putArray("verbs"), VERBS);
        if (!type.shortNames().isEmpty()) {
            strings(resource.putArray("shortNames"), type.shortNames());
        }
        if (!type.categories().isEmpty()) {
            strings(resource.putArray("categories"), type.categories());
        }
        if (!type.subresources().isEmpty()) {
            ArrayNode subresources = resource.putArray("subresources");
            if (type.hasScale()) {
                ObjectNode scale = subresources.addObject();
                scale.put("subresource", "scale");
                scale.set("responseKind", kindNode("autoscaling", "v1", "Scale"));
                strings(scale.putArray("verbs"), SUBRESOURCE_VERBS);
            }
            if (type.hasStatus()) {
                ObjectNode status = subresources.addObject();
                status.put("subresource", "status");
                status.set("responseKind", kindNode(type.group(), type.version(), type.kind()));
                strings(status.putArray("verbs"), SUBRESOURCE_VERBS);
            }
            if (ResourcePath.isPods(type)) {
                ObjectNode binding = subresources.addObject();
                binding.put("subresource", "binding");
                binding.set("responseKind", kindNode("", "v1", "Binding"));
                strings(binding.putArray("verbs"), List.of("create"));
            }
        }
        return resource;
    }

    ObjectNode apiVersions(String serverAddress) {
        ObjectNode node = Json.object();
        node.put("kind", "APIVersions");
        ArrayNode versions = node.putArray("versions");
        groups().get("").keySet().forEach(versions::add);
        if (versions.isEmpty()) {
            versions.add("v1");
        }
        ObjectNode address = node.putArray("serverAddressByClientCIDRs").addObject();
        address.put("clientCIDR", "0.0.0.0/0");
        address.put("serverAddress", serverAddress);
        return node;
    }

    ObjectNode apiGroupList() {
        ObjectNode node = Json.object();
        node.put("kind", "APIGroupList");
        node.put("apiVersion", "v1");
        ArrayNode groups = node.putArray("groups");
        groups().forEach((group, versions) -> {
            if (!group.isEmpty()) {
                groups.add(groupNode(group, versions.keySet()));
            }
        });
        return node;
    }

    /** Null when the group is not served. */
    ObjectNode apiGroup(String group) {
        Map<String, List<ResourceType<?>>> versions = groups().get(group);
        if (group.isEmpty() || versions == null) {
            return null;
        }
        ObjectNode node = groupNode(group, versions.keySet());
        node.put("kind", "APIGroup");
        node.put("apiVersion", "v1");
        return node;
    }

    /** Null when the group-version is not served. */
    ObjectNode apiResourceList(String group, String version) {
        Map<String, List<ResourceType<?>>> versions = groups().get(group);
        List<ResourceType<?>> types = versions == null ? null : versions.get(version);
        if (types == null) {
            return null;
        }
        ObjectNode node = Json.object();
        node.put("kind", "APIResourceList");
        node.put("apiVersion", "v1");
        node.put("groupVersion", group.isEmpty() ? version : group + "/" + version);
        ArrayNode resources = node.putArray("resources");
        for (ResourceType<?> type : types) {
            ObjectNode resource = resources.addObject();
            resource.put("name", type.plural());
            resource.put("singularName", type.singular());
            resource.put("namespaced", type.namespaced());
            resource.put("kind", type.kind());
            strings(resource.putArray("verbs"), VERBS);
            if (!type.shortNames().isEmpty()) {
                strings(resource.putArray("shortNames"), type.shortNames());
            }
            if (!type.categories().isEmpty()) {
                strings(resource.putArray("categories"), type.categories());
            }
            if (type.hasScale()) {
                ObjectNode scale = resources.addObject();
                scale.put("name", type.plural() + "/scale");
                scale.put("singularName", "");
                scale.put("namespaced", type.namespaced());
                scale.put("group", "autoscaling");
                scale.put("version", "v1");
                scale.put("kind", "Scale");
                strings(scale.putArray("verbs"), SUBRESOURCE_VERBS);
            }
            if (type.hasStatus()) {
                ObjectNode status = resources.addObject();
                status.put("name", type.plural() + "/status");
                status.put("singularName", "");
                status.put("namespaced", type.namespaced());
                status.put("kind", type.kind());
                strings(status.putArray("verbs"), SUBRESOURCE_VERBS);
            }
            if (ResourcePath.isPods(type)) {
                ObjectNode bindings = resources.addObject();
                bindings.put("name", "bindings");
                bindings.put("singularName", "binding");
                bindings.put("namespaced", true);
                bindings.put("kind", "Binding");
                strings(bindings.putArray("verbs"), List.of("create"));
                ObjectNode binding = resources.addObject();
                binding.put("name", "pods/binding");
                binding.put("singularName", "");
                binding.put("namespaced", true);
                binding.put("kind", "Binding");
                strings(binding.putArray("verbs"), List.of("create"));
            }
        }
        return node;
    }

    private static ObjectNode groupNode(String group, Iterable<String> versions) {
        ObjectNode node = Json.object();
        node.put("name", group);
        ArrayNode versionNodes = node.putArray("versions");
        String preferred = null;
        for (String version : versions) {
            ObjectNode v = versionNodes.addObject();
            v.put("groupVersion", group + "/" + version);
            v.put("version", version);
            if (preferred == null) {
                preferred = version;
            }
        }
        ObjectNode pref = node.putObject("preferredVersion");
        pref.put("groupVersion", group + "/" + preferred);
        pref.put("version", preferred);
        return node;
    }

    private static ObjectNode kindNode(String group, String version, String kind) {
        ObjectNode node = Json.object();
        node.put("group", group);
        node.put("version", version);
        node.put("kind", kind);
        return node;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
