package io.steersman.core.patch;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What upstream's Go struct tags and OpenAPI list types say about the fields of one object type:
 * which lists are merged by a key ({@code patchStrategy:"merge" patchMergeKey:"name"}, i.e.
 * {@code +listType=map}), which primitive lists are merged as sets, which values are atomic for
 * server-side apply, and which are opaque. A field the schema does not name is a plain field: maps
 * merge key by key, lists are replaced whole.
 *
 * <p>Schemas are built once, in {@link MergeKeys}'s static initialiser, and only read afterwards,
 * so they are safe to share between threads.
 */
final class PatchSchema {
    /** The schema of values nothing is known about. */
    static final PatchSchema ANY = new PatchSchema();

    /** How one field is merged. */
    enum Strategy {
        /** Maps merge recursively, lists and scalars are replaced. */
        PLAIN,
        /** A list merged element by element: by {@link Field#keys()} for objects, as a set for primitives. */
        MERGE,
        /** Replaced whole by server-side apply (upstream's {@code +listType=atomic}, {@code +structType=atomic}, {@code +mapType=atomic}); plain for a strategic merge patch. */
        ATOMIC,
        /** Raw JSON kept as written (a RawExtension such as ControllerRevision.data): replaced whole, never searched for directives. */
        OPAQUE
    }

    /**
     * One field: its strategy, the merge keys of a merged list of objects (the patchMergeKey first,
     * then any further listMapKeys server-side apply uses, such as a port's protocol), and the
     * schema of its value, or of each element for a list.
     */
    record Field(String name, Strategy strategy, List<String> keys, PatchSchema type) {
        /** The patchMergeKey, or null for a list of primitives or a field that is not merged. */
        String mergeKey() {
            return keys.isEmpty() ? null : keys.get(0);
        }

        boolean merged() {
            return strategy == Strategy.MERGE;
        }
    }

    private final Map<String, Field> fields = new HashMap<>();

    /** The field's metadata; a field the schema does not know is plain, with an unknown value schema. */
    Field field(String name) {
        Field f = fields.get(name);
        return f != null ? f : new Field(name, Strategy.PLAIN, List.of(), ANY);
    }

    // ---- building (only from MergeKeys' static initialiser) ----

    /** A list at {@code path} merged by {@code keys} (the first is the patchMergeKey), its elements of {@code element}. */
    PatchSchema merge(String path, PatchSchema element, String... keys) {
        return put(path, Strategy.MERGE, List.of(keys), element);
    }

    /** A list at {@code path} merged by {@code keys}, its elements otherwise plain. */
    PatchSchema merge(String path, String... keys) {
        return merge(path, null, keys);
    }

    /** A primitive list at {@code path} merged as a set ({@code patchStrategy:"merge"} without a key). */
    PatchSchema set(String path) {
        return put(path, Strategy.MERGE, List.of(), ANY);
    }

    /** A value at {@code path} that server-side apply owns and replaces as a whole. */
    PatchSchema atomic(String path) {
        return put(path, Strategy.ATOMIC, List.of(), ANY);
    }

    /** A RawExtension at {@code path}. */
    PatchSchema opaque(String path) {
        return put(path, Strategy.OPAQUE, List.of(), ANY);
    }

    /** The value at {@code path} is of the shared type {@code type}. */
    PatchSchema include(String path, PatchSchema type) {
        return put(path, Strategy.PLAIN, List.of(), type);
    }

    /**
     * Records a field at a dotted path; intermediate names create plain fields of private types,
     * and a name after a merged list refers to a field of its elements.
     */
    private PatchSchema put(String path, Strategy strategy, List<String> keys, PatchSchema type) {
        int dot = path.indexOf('.');
        if (dot < 0) {
            Field existing = fields.get(path);
            PatchSchema value = type;
            if (value == null) {
                value = existing != null && existing.type() != ANY ? existing.type() : new PatchSchema();
            }
            fields.put(path, new Field(path, strategy, keys, value));
            return this;
        }
        String head = path.substring(0, dot);
        Field existing = fields.get(head);
        PatchSchema child;
        if (existing == null) {
            child = new PatchSchema();
            fields.put(head, new Field(head, Strategy.PLAIN, List.of(), child));
        } else if (existing.type() == ANY) {
            child = new PatchSchema();
            fields.put(head, new Field(head, existing.strategy(), existing.keys(), child));
        } else {
            child = existing.type();
        }
        child.put(path.substring(dot + 1), strategy, keys, type);
        return this;
    }
}
