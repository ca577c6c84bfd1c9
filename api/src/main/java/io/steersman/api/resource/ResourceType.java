package io.steersman.api.resource;

import io.steersman.api.model.ApiObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Everything the API needs to serve one kind: its names, scope, subresources, Java type, and the
 * kind's rules (defaulting, validation, selectable fields, printed columns). Built-in kinds and a
 * plugin's own kinds are described the same way, so the API server serves both alike.
 *
 * <pre>{@code
 * ResourceType<Website> WEBSITES = ResourceType.builder(Website.class)
 *     .group("example.com").version("v1").kind("Website").plural("websites")
 *     .shortNames("ws").namespaced(true).subresources(Subresource.STATUS)
 *     .build();
 * }</pre>
 */
public final class ResourceType<T extends ApiObject> {

    /** The subresources a kind may serve. */
    public enum Subresource { STATUS, SCALE }

    private final String group;
    private final String version;
    private final String kind;
    private final String plural;
    private final String singular;
    private final boolean namespaced;
    private final List<String> shortNames;
    private final List<String> categories;
    private final Set<Subresource> subresources;
    private final Class<T> javaType;
    private final Defaulter<T> defaulter;
    private final Validator<T> validator;
    private final Function<T, Map<String, String>> selectableFields;
    private final ScaleSpec scale;
    private final List<PrinterColumn> printerColumns;

    private ResourceType(Builder<T> b) {
        this.group = b.group;
        this.version = b.version;
        this.kind = b.kind;
        this.plural = b.plural;
        this.singular = b.singular != null ? b.singular : b.kind.toLowerCase(java.util.Locale.ROOT);
        this.namespaced = b.namespaced;
        this.shortNames = List.copyOf(b.shortNames);
        this.categories = List.copyOf(b.categories);
        this.subresources = Set.copyOf(b.subresources);
        this.javaType = b.javaType;
        this.defaulter = b.defaulter;
        this.validator = b.validator;
        this.selectableFields = b.selectableFields;
        this.scale = b.scale;
        this.printerColumns = List.copyOf(b.printerColumns);
    }

    public static <T extends ApiObject> Builder<T> builder(Class<T> javaType) {
        return new Builder<>(javaType);
    }

    /** Empty for the core group ({@code v1}). */
    public String group() { return group; }
    public String version() { return version; }
    public String kind() { return kind; }
    public String plural() { return plural; }
    public String singular() { return singular; }
    public boolean namespaced() { return namespaced; }
    public List<String> shortNames() { return shortNames; }
    public List<String> categories() { return categories; }
    public Set<Subresource> subresources() { return subresources; }
    public boolean hasStatus() { return subresources.contains(Subresource.STATUS); }
    public boolean hasScale() { return subresources.contains(Subresource.SCALE); }
    public Class<T> javaType() { return javaType; }
    public Defaulter<T> defaulter() { return defaulter; }
    public Validator<T> validator() { return validator; }
    /** For the scale subresource: where replicas and the selector live; null when there is none. */
    public ScaleSpec scale() { return scale; }
    /** Extra columns for {@code kubectl get}, after NAME; AGE always comes last. */
    public List<PrinterColumn> printerColumns() { return printerColumns; }

    /** {@code v1} or {@code group/version}. */
    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** {@code deployments.apps}, or {@code pods} for the core group: how upstream names a resource in messages. */
    public String qualifiedPlural() {
        return group.isEmpty() ? plural : plural + "." + group;
    }

    /**
     * The field values a field selector can test, as upstream's GetAttrs: always
     * {@code metadata.name} and, for namespaced kinds, {@code metadata.namespace}, plus the kind's own.
     */
    public Map<String, String> selectableFields(T object) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("metadata.name", object.metadata().name());
        if (namespaced) {
            fields.put("metadata.namespace", object.metadata().namespace());
        }
        fields.putAll(selectableFields.apply(object));
        return fields;
    }

    public T cast(ApiObject object) {
        return javaType.cast(object);
    }

    @Override
    public String toString() {
        return qualifiedPlural();
    }

    /** Sets a kind's defaults in place of absent fields; returns the defaulted copy. */
    @FunctionalInterface
    public interface Defaulter<T> {
        T apply(T object);
    }

    /** Checks a kind's rules. {@code old} is null on create. Returns every violation, or an empty list. */
    @FunctionalInterface
    public interface Validator<T> {
        List<FieldError> validate(T object, T old);
    }

    /** Where a kind with a scale subresource keeps its replicas and selector, as JSON paths. */
    public record ScaleSpec(String specReplicasPath, String statusReplicasPath, String labelSelectorPath) {}

    /** A column of {@code kubectl get}: a header, a type (string, integer, date) and a JSON path. */
    public record PrinterColumn(String name, String type, String jsonPath, int priority) {}

    /** Collects a {@link ResourceType}; {@link #build()} reports every missing piece at once. */
    public static final class Builder<T extends ApiObject> {
        private final Class<T> javaType;
        private String group = "";
        private String version;
        private String kind;
        private String plural;
        private String singular;
        private boolean namespaced = true;
        private final List<String> shortNames = new ArrayList<>();
        private final List<String> categories = new ArrayList<>();
        private Set<Subresource> subresources = Set.of();
        private Defaulter<T> defaulter = o -> o;
        private Validator<T> validator = (o, old) -> List.of();
        private Function<T, Map<String, String>> selectableFields = o -> Map.of();
        private ScaleSpec scale;
        private final List<PrinterColumn> printerColumns = new ArrayList<>();

        private Builder(Class<T> javaType) {
            this.javaType = Objects.requireNonNull(javaType, "javaType");
        }

        public Builder<T> group(String group) { this.group = group == null ? "" : group; return this; }
        public Builder<T> version(String version) { this.version = version; return this; }
        public Builder<T> kind(String kind) { this.kind = kind; return this; }
        public Builder<T> plural(String plural) { this.plural = plural; return this; }
        public Builder<T> singular(String singular) { this.singular = singular; return this; }
        public Builder<T> namespaced(boolean namespaced) { this.namespaced = namespaced; return this; }
        public Builder<T> shortNames(String... names) { shortNames.addAll(List.of(names)); return this; }
        public Builder<T> categories(String... names) { categories.addAll(List.of(names)); return this; }
        public Builder<T> subresources(Subresource... subresources) { this.subresources = Set.of(subresources); return this; }
        public Builder<T> defaulter(Defaulter<T> defaulter) { this.defaulter = defaulter; return this; }
        public Builder<T> validator(Validator<T> validator) { this.validator = validator; return this; }
        public Builder<T> selectableFields(Function<T, Map<String, String>> fields) { this.selectableFields = fields; return this; }
        public Builder<T> scale(ScaleSpec scale) { this.scale = scale; return this; }
        public Builder<T> printerColumn(String name, String type, String jsonPath) { return printerColumn(name, type, jsonPath, 0); }
        public Builder<T> printerColumn(String name, String type, String jsonPath, int priority) {
            printerColumns.add(new PrinterColumn(name, type, jsonPath, priority));
            return this;
        }

        public ResourceType<T> build() {
            List<String> missing = new ArrayList<>();
            if (version == null) missing.add("version");
            if (kind == null) missing.add("kind");
            if (plural == null) missing.add("plural");
            if (subresources.contains(Subresource.SCALE) && scale == null) missing.add("scale (the kind has a scale subresource)");
            if (!missing.isEmpty()) {
                throw new IllegalStateException("ResourceType for " + javaType.getName() + " is missing: " + String.join(", ", missing));
            }
            return new ResourceType<>(this);
        }
    }
}
