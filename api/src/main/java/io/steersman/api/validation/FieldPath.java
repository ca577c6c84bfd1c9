package io.steersman.api.validation;

/**
 * A JSON field path as upstream's {@code field.Path} prints it: children joined by dots, list
 * indexes and map keys in brackets ({@code spec.template.spec.containers[0].image},
 * {@code data[key]}). Immutable.
 */
public final class FieldPath {
    private final String path;

    private FieldPath(String path) {
        this.path = path;
    }

    /** A path from the root: {@code FieldPath.of("spec", "template")} is {@code spec.template}. */
    public static FieldPath of(String name, String... more) {
        return new FieldPath(name).child(more);
    }

    public FieldPath child(String... names) {
        StringBuilder s = new StringBuilder(path);
        for (String name : names) {
            s.append('.').append(name);
        }
        return new FieldPath(s.toString());
    }

    public FieldPath index(int i) {
        return new FieldPath(path + "[" + i + "]");
    }

    public FieldPath key(String key) {
        return new FieldPath(path + "[" + key + "]");
    }

    @Override
    public String toString() {
        return path;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldPath p && p.path.equals(path);
    }

    @Override
    public int hashCode() {
        return path.hashCode();
    }
}
