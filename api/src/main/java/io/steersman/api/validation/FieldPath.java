package io.steersman.api.validation;

/**
 * A JSON field path as upstream's {@code field.Path} prints it: children joined by dots, list
 * indexes and map keys in brackets ({@code spec.template.spec.containers[0].image},
 * {@code data[key]}). Immutable and thread-safe.
 *
 * <p>Validation builds a path for every field it visits but prints one only for an error, so a
 * path is a link to its parent plus one segment and its text is joined on first use.
 */
public final class FieldPath {
    private static final char ROOT = 0;
    private static final char CHILD = '.';
    private static final char BRACKETS = '[';

    private final FieldPath parent;
    private final char kind;
    /** The field name or map key; null for a list index. */
    private final String name;
    private final int index;
    private String text; // computed on first use; a benign race, the result is always the same

    private FieldPath(FieldPath parent, char kind, String name, int index) {
        this.parent = parent;
        this.kind = kind;
        this.name = name;
        this.index = index;
    }

    /** A path from the root: {@code FieldPath.of("spec", "template")} is {@code spec.template}. */
    public static FieldPath of(String name, String... more) {
        return new FieldPath(null, ROOT, name, 0).child(more);
    }

    public FieldPath child(String... names) {
        FieldPath p = this;
        for (String name : names) {
            p = new FieldPath(p, CHILD, name, 0);
        }
        return p;
    }

    public FieldPath index(int i) {
        return new FieldPath(this, BRACKETS, null, i);
    }

    public FieldPath key(String key) {
        return new FieldPath(this, BRACKETS, String.valueOf(key), 0);
    }

    @Override
    public String toString() {
        String s = text;
        if (s == null) {
            String segment = name != null ? name : Integer.toString(index);
            s = switch (kind) {
                case CHILD -> parent + "." + segment;
                case BRACKETS -> parent + "[" + segment + "]";
                default -> segment;
            };
            text = s;
        }
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldPath p && p.toString().equals(toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }
}
