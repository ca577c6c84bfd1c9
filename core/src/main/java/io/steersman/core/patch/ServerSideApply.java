package io.steersman.core.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.steersman.api.client.InvalidException;
import io.steersman.api.model.Status;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Server-side apply ({@code application/apply-patch+yaml}) as structured-merge-diff's
 * Updater.Apply: the applied configuration is merged into the live object (maps key by key, lists
 * by the kind's merge keys, atomic values whole), fields the same manager applied before and omits
 * now are removed unless another manager owns them, and a change to a field another manager owns
 * is a 409 conflict unless {@code force} takes it over. The manager's Apply entry in
 * managedFields becomes exactly the set of fields the configuration names.
 */
final class ServerSideApply {
    private ServerSideApply() {}

    /**
     * @param live the stored object, or null to create it from the configuration
     */
    static JsonNode apply(JsonNode live, byte[] body, PatchContext context) {
        String manager = context.fieldManager();
        if (manager == null || manager.isEmpty()) {
            throw new InvalidException(Status.failure(422, "Invalid",
                    "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch",
                    new Status.Details("", "meta.k8s.io", "PatchOptions", null,
                            List.of(new Status.Cause("FieldValueRequired", "Required value: is required for apply patch", "fieldManager")), null)));
        }
        ObjectNode config = parse(body);
        String version = config.path("apiVersion").asText("");
        if (!version.equals(context.apiVersion())) {
            throw PatchErrors.badRequest("Incorrect version specified in apply patch. Specified patch version: " + version
                    + ", expected: " + context.apiVersion());
        }
        JsonNode configMetadata = config.get("metadata");
        if (configMetadata != null && configMetadata.isObject()) {
            JsonNode managed = configMetadata.get("managedFields");
            if (managed != null && !managed.isNull() && !managed.isEmpty()) {
                throw PatchErrors.badRequest("metadata.managedFields must be nil");
            }
            ((ObjectNode) configMetadata).remove("managedFields");
        }

        PatchSchema schema = ManagedFields.schemaFor(context);
        ObjectNode before = live == null ? Json.object() : ((ObjectNode) live).deepCopy();
        List<ManagedFieldsEntry> entries = ManagedFields.decode(before);
        if (live != null && entries.isEmpty()) {
            // upstream's skipNonAppliedManager: what the object held before its first apply is owned by
            // an Update manager, so the apply conflicts with it like with anyone else.
            entries = ManagedFields.update(Json.object(), before,
                    List.of(), context.withFieldManager(ManagedFields.BEFORE_FIRST_APPLY), schema);
        }

        ObjectNode merged = (ObjectNode) merge(before.deepCopy(), config, Fields.root(schema));
        FieldSet applied = ManagedFields.scope(Fields.of(config, schema), context);

        ManagedFieldsEntry mine = null;
        List<ManagedFieldsEntry> others = new ArrayList<>();
        for (ManagedFieldsEntry e : entries) {
            if (e.sameManager(manager, ManagedFieldsEntry.APPLY, context.apiVersion(), context.subresource())) {
                mine = e;
            } else {
                others.add(e);
            }
        }
        prune(merged, mine, applied, others, schema);

        Fields.Comparison c = Fields.compare(before, merged, schema);
        FieldSet changed = c.changed();
        Map<ManagedFieldsEntry, FieldSet> conflicts = new HashMap<>();
        for (ManagedFieldsEntry e : others) {
            FieldSet conflict = e.fields().intersection(changed);
            if (!conflict.isEmpty()) {
                conflicts.put(e, conflict);
            }
        }
        if (!conflicts.isEmpty() && !context.force()) {
            throw conflictError(conflicts);
        }

        List<ManagedFieldsEntry> result = new ArrayList<>();
        for (ManagedFieldsEntry e : others) {
            FieldSet lost = conflicts.getOrDefault(e, new FieldSet());
            result.add(e.withFields(e.fields().difference(lost).difference(c.removed())));
        }
        FieldSet previous = mine == null ? new FieldSet() : mine.fields();
        result.add(new ManagedFieldsEntry(manager, ManagedFieldsEntry.APPLY, context.apiVersion(),
                ManagedFields.stamp(mine, previous, applied, context), context.subresource(), applied));
        syncLastApplied(merged, config, manager);
        return ManagedFields.write(merged, result);
    }

    /**
     * Upstream's lastAppliedUpdater: when kubectl applies server-side an object that still carries
     * client-side apply's annotation, the annotation becomes the applied configuration, so a later
     * client-side apply diffs against what was really applied.
     */
    private static void syncLastApplied(ObjectNode merged, ObjectNode config, String manager) {
        JsonNode annotations = merged.path("metadata").path("annotations");
        if (!manager.equals("kubectl") || !annotations.has(LAST_APPLIED)) {
            return;
        }
        ObjectNode lastApplied = config.deepCopy();
        JsonNode configAnnotations = lastApplied.path("metadata").path("annotations");
        if (configAnnotations.isObject()) {
            ((ObjectNode) configAnnotations).remove(LAST_APPLIED);
            if (configAnnotations.isEmpty()) {
                ((ObjectNode) lastApplied.get("metadata")).remove("annotations");
            }
        }
        ((ObjectNode) annotations).put(LAST_APPLIED, Json.write(Json.sorted(lastApplied)) + "\n");
    }

    static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

    /** Removes what the manager applied last time and no longer does, unless someone still owns it. */
    private static void prune(ObjectNode merged, ManagedFieldsEntry mine, FieldSet applied, List<ManagedFieldsEntry> others, PatchSchema schema) {
        if (mine == null) {
            return;
        }
        FieldSet owned = applied;
        for (ManagedFieldsEntry e : others) {
            owned = owned.union(e.fields());
        }
        for (List<String> path : mine.fields().difference(applied).members()) {
            if (!owned.containsPrefix(path)) {
                Fields.remove(merged, path, schema);
            }
        }
    }

    /** Merges the applied configuration into {@code live} (which it may change) and returns the result. */
    static JsonNode merge(JsonNode live, JsonNode config, PatchSchema.Field field) {
        boolean atomic = field.strategy() == PatchSchema.Strategy.ATOMIC || field.strategy() == PatchSchema.Strategy.OPAQUE;
        if (atomic && !field.name().isEmpty()) {
            return config.deepCopy();
        }
        if (config.isObject()) {
            ObjectNode out = live != null && live.isObject() ? (ObjectNode) live : Json.object();
            for (Map.Entry<String, JsonNode> e : config.properties()) {
                if (e.getValue().isNull()) {
                    out.remove(e.getKey());
                } else {
                    out.set(e.getKey(), merge(out.get(e.getKey()), e.getValue(), field.type().field(e.getKey())));
                }
            }
            return out;
        }
        if (config.isArray() && field.merged()) {
            return mergeList(live != null && live.isArray() ? (ArrayNode) live : Json.NODES.arrayNode(), (ArrayNode) config, field);
        }
        return config.deepCopy();
    }

    /**
     * Merges a list by its keys: elements both sides have are merged in the configuration's order,
     * live-only elements keep their place, new elements come where the configuration puts them.
     */
    private static ArrayNode mergeList(ArrayNode live, ArrayNode config, PatchSchema.Field field) {
        List<String> liveKeys = keys(live, field);
        List<String> configKeys = keys(config, field);
        Set<String> inConfig = new HashSet<>(configKeys);
        Map<String, JsonNode> liveByKey = new TreeMap<>();
        for (int i = 0; i < live.size(); i++) {
            liveByKey.putIfAbsent(liveKeys.get(i), live.get(i));
        }
        Set<String> consumed = new HashSet<>();
        ArrayNode out = Json.NODES.arrayNode();
        PatchSchema.Field element = Fields.root(field.type());
        int li = 0;
        int ri = 0;
        while (li < live.size() || ri < config.size()) {
            if (li < live.size() && consumed.contains(liveKeys.get(li))) {
                li++;
            } else if (li < live.size() && ri < config.size() && liveKeys.get(li).equals(configKeys.get(ri))) {
                consumed.add(liveKeys.get(li));
                out.add(merge(live.get(li++), config.get(ri++), element));
            } else if (li < live.size() && !inConfig.contains(liveKeys.get(li))) {
                out.add(live.get(li++));
            } else if (ri < config.size()) {
                String key = configKeys.get(ri);
                JsonNode existing = consumed.add(key) ? liveByKey.get(key) : null;
                out.add(merge(existing, config.get(ri++), element));
            } else {
                li++;
            }
        }
        return out;
    }

    private static List<String> keys(ArrayNode list, PatchSchema.Field field) {
        List<String> out = new ArrayList<>(list.size());
        list.forEach(item -> out.add(Fields.elementKey(item, field, List.of(Fields.field(field.name())))));
        return out;
    }

    private static io.steersman.api.client.ConflictException conflictError(Map<ManagedFieldsEntry, FieldSet> conflicts) {
        TreeMap<String, List<String>> byManager = new TreeMap<>();
        conflicts.forEach((e, set) -> {
            List<String> paths = byManager.computeIfAbsent(e.describe(), k -> new ArrayList<>());
            set.forEachMember(p -> paths.add(FieldSet.format(p)));
        });
        List<Status.Cause> causes = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        int count = 0;
        for (Map.Entry<String, List<String>> e : byManager.entrySet()) {
            lines.add("conflicts with " + e.getKey() + ":");
            for (String path : e.getValue()) {
                causes.add(new Status.Cause("FieldManagerConflict", "conflict with " + e.getKey(), path));
                lines.add("- " + path);
                count++;
            }
        }
        String message = count == 1
                ? "Apply failed with 1 conflict: " + causes.get(0).message() + ": " + causes.get(0).field()
                : "Apply failed with " + count + " conflicts: " + String.join("\n", lines);
        return PatchErrors.applyConflict(message, causes);
    }

    /** The configuration: JSON, or YAML as sigs.k8s.io/yaml reads it (timestamps stay strings). */
    static ObjectNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw PatchErrors.badRequest("error decoding YAML: EOF");
        }
        String text = new String(body, StandardCharsets.UTF_8);
        JsonNode node;
        if (text.stripLeading().startsWith("{")) {
            try {
                node = Json.parse(body);
            } catch (io.steersman.api.client.ApiException e) {
                throw PatchErrors.badRequest("error decoding YAML: " + e.getMessage());
            }
        } else {
            Object value;
            try {
                value = yaml().load(text);
            } catch (RuntimeException e) {
                throw PatchErrors.badRequest("error decoding YAML: " + e.getMessage());
            }
            if (!(value instanceof Map<?, ?>)) {
                throw PatchErrors.badRequest("error decoding YAML: the applied configuration is not an object");
            }
            node = Json.MAPPER.valueToTree(value);
        }
        if (!node.isObject()) {
            throw PatchErrors.badRequest("error decoding YAML: the applied configuration is not an object");
        }
        return (ObjectNode) node;
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(), options,
                new StringTimestamps());
    }

    /** YAML 1.1 resolution without timestamps: Kubernetes reads {@code 2024-01-01T00:00:00Z} as a string. */
    private static final class StringTimestamps extends Resolver {
        @Override
        public Tag resolve(NodeId kind, String value, boolean implicit) {
            Tag tag = super.resolve(kind, value, implicit);
            return Tag.TIMESTAMP.equals(tag) ? Tag.STR : tag;
        }
    }
}
