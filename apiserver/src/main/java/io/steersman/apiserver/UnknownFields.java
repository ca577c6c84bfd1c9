package io.steersman.apiserver;

import io.steersman.api.model.UpstreamFields;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the fields a decoded object carries that its kind does not define. The model keeps them (each
 * record's {@code unknownFields}), so what a user writes survives; field validation reports them
 * with upstream's paths ({@code spec.template.spec.containers[0].foo}). Fields upstream defines but the
 * model keeps untyped ({@code tolerations}, {@code securityContext}) are not unknown: see
 * {@link UpstreamFields}.
 */
final class UnknownFields {
    private static final String COMPONENT = "unknownFields";
    /** A record component and its accessor, made accessible once: a checked reflective call costs an access check each time. */
    private record Component(String name, Method accessor) {}

    private static final Map<Class<?>, Component[]> COMPONENTS = new ConcurrentHashMap<>();

    private UnknownFields() {}

    static List<String> of(Object object) {
        List<String> paths = new ArrayList<>();
        walk(object, "", paths);
        return paths;
    }

    private static void walk(Object value, String path, List<String> paths) {
        if (value == null) {
            return;
        }
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), path + "[" + i + "]", paths);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, element) -> {
                if (element != null && element.getClass().isRecord()) {
                    walk(element, join(path, String.valueOf(key)), paths);
                }
            });
            return;
        }
        Class<?> type = value.getClass();
        if (!type.isRecord()) {
            return;
        }
        for (Component component : COMPONENTS.computeIfAbsent(type, UnknownFields::components)) {
            Object field = read(component, value);
            if (COMPONENT.equals(component.name()) && field instanceof Map<?, ?> unknown) {
                unknown.keySet().stream()
                        .map(String::valueOf)
                        .filter(key -> !UpstreamFields.definesUntyped(type, key))
                        .forEach(key -> paths.add(join(path, key)));
            } else if (field != null && (field instanceof List<?> || field instanceof Map<?, ?> || field.getClass().isRecord())) {
                walk(field, join(path, component.name()), paths);
            }
        }
    }

    private static Component[] components(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Component[] result = new Component[components.length];
        for (int i = 0; i < components.length; i++) {
            Method accessor = components[i].getAccessor();
            accessor.setAccessible(true);
            result[i] = new Component(components[i].getName(), accessor);
        }
        return result;
    }

    private static Object read(Component component, Object record) {
        try {
            return component.accessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.name() + " of " + record.getClass().getName(), e);
        }
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
