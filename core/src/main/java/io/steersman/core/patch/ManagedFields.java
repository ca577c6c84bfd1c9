package io.steersman.core.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code metadata.managedFields}, as kube-apiserver's field manager keeps it: who set which field,
 * by Apply (server-side apply) or Update (create, update, patch). Server-side apply uses it for
 * its conflicts; the API server calls {@link #recordUpdate} for every other write that names a
 * field manager.
 *
 * <p>Pure functions on JSON trees, safe from any thread.
 */
public final class ManagedFields {
    /** The manager upstream gives the fields of an object that had none when it was first applied. */
    static final String BEFORE_FIRST_APPLY = "before-first-apply";

    private ManagedFields() {}

    /**
     * Records a create, update or patch by {@code context.fieldManager()}: the fields it added or
     * changed become its own (an Update entry for its apiVersion), and no longer anyone else's;
     * fields it removed are no one's. Returns {@code updated} with its managedFields set (a copy;
     * the arguments are not changed).
     *
     * <p>As upstream: nothing is recorded without a field manager, nor on an existing object that
     * has no managedFields yet (tracking starts with its creation or its first apply); an update
     * that carries managedFields of its own (not on a subresource) starts from those.
     *
     * @param live    the stored object, or null for a create
     * @param updated the object about to be stored
     */
    public static JsonNode recordUpdate(JsonNode live, JsonNode updated, PatchContext context) {
        if (context.fieldManager() == null || !updated.isObject()) {
            return updated;
        }
        List<ManagedFieldsEntry> base = decode(updated);
        if (base.isEmpty() || context.subresource() != null) {
            base = live == null ? List.of() : decode(live);
        }
        if (live != null && base.isEmpty()) {
            return updated;
        }
        PatchSchema schema = schemaFor(context);
        ObjectNode result = ((ObjectNode) updated).deepCopy();
        List<ManagedFieldsEntry> entries = update(live == null ? Json.object() : live, result, base, context, schema);
        return write(result, entries);
    }

    /**
     * Upstream's Updater.Update: the writer takes every field it added or changed, even from other
     * managers, and drops what it removed.
     */
    static List<ManagedFieldsEntry> update(JsonNode before, JsonNode after, List<ManagedFieldsEntry> entries,
                                           PatchContext context, PatchSchema schema) {
        Fields.Comparison c = Fields.compare(before, after, schema);
        FieldSet changed = scope(c.changed(), context);
        FieldSet removed = c.removed();
        List<ManagedFieldsEntry> out = new ArrayList<>();
        ManagedFieldsEntry mine = null;
        for (ManagedFieldsEntry e : entries) {
            if (e.sameManager(context.fieldManager(), ManagedFieldsEntry.UPDATE, context.apiVersion(), context.subresource())) {
                mine = e;
            } else {
                out.add(e.withFields(e.fields().difference(changed).difference(removed)));
            }
        }
        FieldSet previous = mine == null ? new FieldSet() : mine.fields();
        FieldSet fields = previous.difference(removed).union(changed);
        out.add(new ManagedFieldsEntry(context.fieldManager(), ManagedFieldsEntry.UPDATE, context.apiVersion(),
                stamp(mine, previous, fields, context), context.subresource(), fields));
        return out;
    }

    /** The entry's time: now when its fields changed or it is new, else the time it had. */
    static java.time.Instant stamp(ManagedFieldsEntry old, FieldSet before, FieldSet after, PatchContext context) {
        boolean same = old != null && before.difference(after).isEmpty() && after.difference(before).isEmpty();
        return same && old.time() != null ? old.time() : context.now();
    }

    /**
     * The fields a manager may own through this endpoint: never the identity and system fields
     * upstream strips (apiVersion, kind, metadata.name, uid, resourceVersion, ...); on the main
     * resource never status, on the status subresource only status.
     */
    static FieldSet scope(FieldSet fields, PatchContext context) {
        FieldSet out = fields.withoutSubtree(List.of("f:apiVersion")).withoutSubtree(List.of("f:kind"))
                .withoutMembers(List.of(List.of("f:metadata")));
        for (String system : STRIPPED_METADATA) {
            out = out.withoutSubtree(List.of("f:metadata", Fields.field(system)));
        }
        if (context.subresource() == null) {
            return out.withoutSubtree(List.of("f:status"));
        }
        return context.subresource().equals("status") ? out.onlySubtree(List.of("f:status")) : out;
    }

    private static final List<String> STRIPPED_METADATA = List.of("name", "namespace", "creationTimestamp", "selfLink",
            "uid", "clusterName", "generation", "managedFields", "resourceVersion", "deletionTimestamp", "deletionGracePeriodSeconds");

    static PatchSchema schemaFor(PatchContext context) {
        return MergeKeys.forKind(context.group(), context.kind()).orElse(MergeKeys.CUSTOM);
    }

    static List<ManagedFieldsEntry> decode(JsonNode object) {
        JsonNode managed = object.path("metadata").path("managedFields");
        List<ManagedFieldsEntry> out = new ArrayList<>();
        if (managed.isArray()) {
            managed.forEach(e -> {
                if (e.isObject()) {
                    out.add(ManagedFieldsEntry.read(e));
                }
            });
        }
        return out;
    }

    /** Sets metadata.managedFields of {@code object} (in place) to the non-empty entries, in upstream's order. */
    static JsonNode write(ObjectNode object, List<ManagedFieldsEntry> entries) {
        List<ManagedFieldsEntry> kept = new ArrayList<>(entries.stream().filter(e -> !e.fields().isEmpty()).toList());
        kept.sort(ManagedFieldsEntry.ORDER);
        ObjectNode metadata = Optional.ofNullable(object.get("metadata")).filter(JsonNode::isObject)
                .map(ObjectNode.class::cast).orElseGet(() -> object.putObject("metadata"));
        if (kept.isEmpty()) {
            metadata.remove("managedFields");
        } else {
            ArrayNode array = metadata.putArray("managedFields");
            kept.forEach(e -> array.add(e.write()));
        }
        return object;
    }
}
