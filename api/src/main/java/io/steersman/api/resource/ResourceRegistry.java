package io.steersman.api.resource;

import io.steersman.api.model.ApiObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every kind the API serves, found by Java type, by group/version/kind, or by a name a user types
 * (plural, singular, short name). Thread-safe; kinds are registered at start-up.
 */
public final class ResourceRegistry {
    private final Map<Class<?>, ResourceType<?>> byJavaType = new ConcurrentHashMap<>();
    private final Map<String, ResourceType<?>> byGroupVersionKind = new ConcurrentHashMap<>();
    private final Map<String, ResourceType<?>> byGroupVersionPlural = new ConcurrentHashMap<>();
    private final Map<String, ResourceType<?>> inOrder = Collections.synchronizedMap(new LinkedHashMap<>());

    /** Adds a kind. A second kind with the same group, version and kind or plural is refused. */
    public synchronized <T extends ApiObject> ResourceRegistry register(ResourceType<T> type) {
        String gvk = key(type.group(), type.version(), type.kind());
        String gvr = key(type.group(), type.version(), type.plural());
        if (byGroupVersionKind.containsKey(gvk) || byGroupVersionPlural.containsKey(gvr)) {
            throw new IllegalArgumentException("kind " + type.kind() + " (" + type.qualifiedPlural() + ") is registered already");
        }
        byJavaType.put(type.javaType(), type);
        byGroupVersionKind.put(gvk, type);
        byGroupVersionPlural.put(gvr, type);
        inOrder.put(gvr, type);
        return this;
    }

    public ResourceRegistry registerAll(Collection<? extends ResourceType<?>> types) {
        types.forEach(this::register);
        return this;
    }

    @SuppressWarnings("unchecked")
    public <T extends ApiObject> ResourceType<T> forType(Class<T> javaType) {
        ResourceType<T> type = (ResourceType<T>) byJavaType.get(javaType);
        if (type == null) {
            throw new IllegalArgumentException("no kind is registered for " + javaType.getName());
        }
        return type;
    }

    /** By {@code apiVersion} ({@code v1}, {@code apps/v1}) and kind, as a manifest names it. */
    public Optional<ResourceType<?>> forKind(String apiVersion, String kind) {
        int slash = apiVersion == null ? -1 : apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        String version = slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
        return Optional.ofNullable(byGroupVersionKind.get(key(group, version, kind)));
    }

    /** By group, version and plural, as a URL names it. */
    public Optional<ResourceType<?>> forResource(String group, String version, String plural) {
        return Optional.ofNullable(byGroupVersionPlural.get(key(group == null ? "" : group, version, plural)));
    }

    /** By any name a user may type: plural, singular, short name or kind, case-insensitive. */
    public List<ResourceType<?>> resolve(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        List<ResourceType<?>> found = new ArrayList<>();
        for (ResourceType<?> type : all()) {
            if (type.plural().equals(wanted) || type.singular().equals(wanted)
                    || type.kind().toLowerCase(Locale.ROOT).equals(wanted) || type.shortNames().contains(wanted)) {
                found.add(type);
            }
        }
        return found;
    }

    /** Every kind, in the order registered. */
    public List<ResourceType<?>> all() {
        synchronized (inOrder) {
            return List.copyOf(inOrder.values());
        }
    }

    private static String key(String group, String version, String name) {
        return group + "/" + version + "/" + name;
    }
}
