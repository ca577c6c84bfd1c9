package io.steersman.core.store;

import io.steersman.api.model.ApiObject;
import io.steersman.api.model.HasSpec;
import io.steersman.api.model.HasStatus;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.resource.ResourceType;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** What the store reads from any kind: its spec and status, generically. Thread-safe. */
final class Shapes {
    /** An instance of each record kind with only apiVersion and kind set, for BOOKMARK events. */
    private static final Map<ResourceType<?>, Optional<ApiObject>> EMPTY = new ConcurrentHashMap<>();

    private Shapes() {}

    static Object spec(ApiObject object) {
        return object instanceof HasSpec<?> withSpec ? withSpec.spec() : null;
    }

    static boolean specChanged(ApiObject before, ApiObject after) {
        return before instanceof HasSpec<?> && !Objects.equals(spec(before), spec(after));
    }

    static Object status(ApiObject object) {
        return object instanceof HasStatus<?> withStatus ? withStatus.status() : null;
    }

    /** {@code object} with {@code status}; unchanged for kinds without one. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static <T extends ApiObject> T withStatus(ResourceType<T> type, T object, Object status) {
        if (object instanceof HasStatus withStatus) {
            return type.cast(withStatus.withStatus(status));
        }
        return object;
    }

    static <T extends ApiObject> T withMetadata(ResourceType<T> type, T object, ObjectMeta metadata) {
        return type.cast(object.withMetadata(metadata));
    }

    /**
     * An object of the kind carrying only apiVersion, kind and {@code metadata.resourceVersion}, as
     * a BOOKMARK event does; null for a kind that is not a record whose other components all accept
     * their default value (null, 0, false).
     */
    static <T extends ApiObject> T bookmark(ResourceType<T> type, long revision) {
        return EMPTY.computeIfAbsent(type, Shapes::emptyInstance)
                .map(empty -> type.cast(empty.withMetadata(ObjectMeta.builder().resourceVersion(Long.toString(revision)).build())))
                .orElse(null);
    }

    private static Optional<ApiObject> emptyInstance(ResourceType<?> kind) {
        Class<?> type = kind.javaType();
        if (!type.isRecord()) {
            return Optional.empty();
        }
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = switch (components[i].getName()) {
                case "apiVersion" -> types[i] == String.class ? kind.apiVersion() : defaultValue(types[i]);
                case "kind" -> types[i] == String.class ? kind.kind() : defaultValue(types[i]);
                default -> defaultValue(types[i]);
            };
        }
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return Optional.of((ApiObject) constructor.newInstance(values));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Object defaultValue(Class<?> type) {
        if (!type.isPrimitive()) {
            return null;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == char.class) {
            return '\0';
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == double.class) {
            return 0d;
        }
        if (type == float.class) {
            return 0f;
        }
        if (type == byte.class) {
            return (byte) 0;
        }
        if (type == short.class) {
            return (short) 0;
        }
        return 0;
    }
}
