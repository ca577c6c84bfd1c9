package io.steersman.apiserver;

import io.steersman.api.model.UpstreamFields;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
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
 *
 * <p>Every request body is walked, and almost none has an unknown field, so the walk is planned once
 * per record type: only the components whose declared type can hold a record with unknown fields are
 * read (names, images, numbers, string lists and maps never are), through method handles, and a path
 * is only spelled out when a field is found. Thread-safe.
 */
final class UnknownFields {
    private static final String COMPONENT = "unknownFields";
    private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);

    /** A component worth reading; {@code unknown} marks the record's own {@code unknownFields}. */
    private record Component(String name, MethodHandle accessor, boolean unknown) {}

    /** What to read of a record type, in declaration order (the order paths are reported in). */
    private record Plan(Class<?> type, Component[] components) {}

    private static final Map<Class<?>, Plan> PLANS = new ConcurrentHashMap<>();
    private static final Plan EMPTY = new Plan(Object.class, new Component[0]);

    private UnknownFields() {}

    static List<String> of(Object object) {
        List<String> paths = new ArrayList<>(0);
        walk(object, new StringBuilder(), paths);
        return paths;
    }

    private static void walk(Object value, StringBuilder path, List<String> paths) {
        if (value == null) {
            return;
        }
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                int length = path.length();
                path.append('[').append(i).append(']');
                walk(list.get(i), path, paths);
                path.setLength(length);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, element) -> {
                if (element != null && element.getClass().isRecord()) {
                    int length = path.length();
                    walk(element, join(path, String.valueOf(key)), paths);
                    path.setLength(length);
                }
            });
            return;
        }
        Plan plan = plan(value.getClass());
        for (Component component : plan.components()) {
            Object field = read(component, value);
            if (component.unknown()) {
                if (field instanceof Map<?, ?> unknown && !unknown.isEmpty()) {
                    for (Object key : unknown.keySet()) {
                        String name = String.valueOf(key);
                        if (!UpstreamFields.definesUntyped(plan.type(), name)) {
                            int length = path.length();
                            paths.add(join(path, name).toString());
                            path.setLength(length);
                        }
                    }
                }
            } else if (field != null && (field instanceof List<?> || field instanceof Map<?, ?> || field.getClass().isRecord())) {
                int length = path.length();
                walk(field, join(path, component.name()), paths);
                path.setLength(length);
            }
        }
    }

    private static Plan plan(Class<?> type) {
        Plan plan = PLANS.get(type);
        if (plan == null) {
            plan = type.isRecord() ? PLANS.computeIfAbsent(type, UnknownFields::newPlan) : EMPTY;
        }
        return plan;
    }

    private static Plan newPlan(Class<?> type) {
        List<Component> components = new ArrayList<>();
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        for (RecordComponent component : type.getRecordComponents()) {
            boolean unknown = COMPONENT.equals(component.getName());
            if (!unknown && !mayHoldRecords(component.getGenericType(), 0)) {
                continue;
            }
            MethodHandle accessor;
            try {
                accessor = lookup.unreflect(component.getAccessor());
            } catch (IllegalAccessException e) {
                try {
                    java.lang.reflect.Method method = component.getAccessor();
                    method.setAccessible(true);
                    accessor = MethodHandles.lookup().unreflect(method);
                } catch (IllegalAccessException | RuntimeException inaccessible) {
                    throw new IllegalStateException("cannot read " + component.getName() + " of " + type.getName(), inaccessible);
                }
            }
            components.add(new Component(component.getName(), accessor.asType(GETTER), unknown));
        }
        return new Plan(type, components.toArray(Component[]::new));
    }

    /**
     * Whether a value declared as {@code type} can be, or contain, a record that the walk would look
     * into: false for scalars, times, enums, lists and maps of those, and records made only of those
     * without unknown fields of their own ({@code Quantity}, {@code IntOrString}). Anything else
     * (Object, type variables, other classes) is read, as the walk of the value itself decides.
     */
    private static boolean mayHoldRecords(Type type, int depth) {
        if (depth > 8) {
            return true;
        }
        if (type instanceof Class<?> c) {
            if (c.isPrimitive() || c == String.class || c == Boolean.class || c == Character.class
                    || Number.class.isAssignableFrom(c) || c == Instant.class || c.isEnum()) {
                return false;
            }
            if (c.isRecord()) {
                for (RecordComponent component : c.getRecordComponents()) {
                    if (COMPONENT.equals(component.getName()) || mayHoldRecords(component.getGenericType(), depth + 1)) {
                        return true;
                    }
                }
                return false;
            }
            return true;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
            Type[] arguments = p.getActualTypeArguments();
            if (List.class.isAssignableFrom(raw) && arguments.length == 1) {
                return mayHoldRecords(arguments[0], depth + 1);
            }
            if (Map.class.isAssignableFrom(raw) && arguments.length == 2) {
                return mayHoldRecords(arguments[1], depth + 1);
            }
        }
        return true;
    }

    private static Object read(Component component, Object record) {
        try {
            return component.accessor().invokeExact(record);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot read " + component.name() + " of " + record.getClass().getName(), e);
        }
    }

    private static StringBuilder join(StringBuilder path, String name) {
        return path.length() == 0 ? path.append(name) : path.append('.').append(name);
    }
}
