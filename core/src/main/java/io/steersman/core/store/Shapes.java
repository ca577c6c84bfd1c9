package io.steersman.core.store;

import io.steersman.api.model.ApiObject;
import io.steersman.api.model.HasSpec;
import io.steersman.api.model.HasStatus;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.resource.ResourceType;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Objects;
import java.util.Optional;

/** What the store reads from any kind: its spec and status, generically. Thread-safe. */
final class Shapes {
    /** An instance of each record kind with every component at its default, for BOOKMARK events. */
    private static final ClassValue<Optional<ApiObject>> EMPTY = new ClassValue<>() {
        @Override
        protected Optional<ApiObject> computeValue(Class<?> type) {
            return emptyInstance(type);
        }
    };

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
     * An object of the kind carrying only {@code metadata.resourceVersion}, as a BOOKMARK event does;
     * null for a kind that is not a record whose components all accept their default value.
     */
    static <T extends ApiObject> T bookmark(ResourceType<T> type, long revision) {
        return EMPTY.get(type.javaType())
                .map(empty -> type.cast(empty.withMetadata(ObjectMeta.builder().resourceVersion(Long.toString(revision)).build())))
                .orElse(null);
    }

    private static Optional<ApiObject> emptyInstance(Class<?> type) {
        if (!type.isRecord() || !ApiObject.class.isAssignableFrom(type)) {
            return Optional.empty();
        }
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = defaultValue(types[i]);
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
