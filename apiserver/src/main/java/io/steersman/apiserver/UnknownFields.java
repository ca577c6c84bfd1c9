package io.steersman.apiserver;

import io.steersman.api.model.UpstreamFields;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Finds the fields a decoded object carries that its kind does not define. The model keeps them (each
 * record's {@code unknownFields}), so what a user writes survives; field validation reports them
 * with upstream's paths ({@code spec.template.spec.containers[0].foo}). Fields upstream defines but the
 * model keeps untyped ({@code tolerations}, {@code securityContext}) are not unknown: see
 * {@link UpstreamFields}.
 *
 * <p>Every request body is walked, and almost none has an unknown field, so the walk is planned once
 * per record type: only the components whose declared type can hold a record with unknown fields are
 * read (names, images, numbers, string lists and maps never are), through generated lambdas, and a path
 * is only spelled out when a field is found. Thread-safe.
 */
final class UnknownFields {
    private static final String COMPONENT = "unknownFields";
    private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);

    /** A component worth reading; {@code unknown} marks the record's own {@code unknownFields}. */
    private record Component(String name, Function<Object, Object> accessor, boolean unknown) {}

    /** What to read of a type, in declaration order (the order paths are reported in); nothing for a non-record. */
    private record Plan(Class<?> type, boolean record, Component[] components) {}

    private static final ClassValue<Plan> PLANS = new ClassValue<>() {
        @Override
        protected Plan computeValue(Class<?> type) {
            return type.isRecord() ? newPlan(type) : new Plan(type, false, new Component[0]);
        }
    };

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
                if (element != null && PLANS.get(element.getClass()).record()) {
                    int length = path.length();
                    walk(element, join(path, String.valueOf(key)), paths);
                    path.setLength(length);
                }
            });
            return;
        }
        Plan plan = PLANS.get(value.getClass());
        for (Component component : plan.components()) {
            Object field = component.accessor().apply(value);
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
            } else if (field != null && (field instanceof List<?> || field instanceof Map<?, ?> || PLANS.get(field.getClass()).record())) {
                int length = path.length();
                walk(field, join(path, component.name()), paths);
                path.setLength(length);
            }
        }
    }

    private static Plan newPlan(Class<?> type) {
        List<Component> components = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            boolean unknown = COMPONENT.equals(component.getName());
            if (unknown || mayHoldRecords(component.getGenericType(), 0)) {
                components.add(new Component(component.getName(), accessor(type, component), unknown));
            }
        }
        return new Plan(type, true, components.toArray(Component[]::new));
    }

    /** The component's accessor as a generated lambda (as fast as a direct call), or through a method handle where that is refused. */
    @SuppressWarnings("unchecked")
    private static Function<Object, Object> accessor(Class<?> type, RecordComponent component) {
        Method method = component.getAccessor();
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
            MethodHandle getter = lookup.unreflect(method);
            return (Function<Object, Object>) LambdaMetafactory.metafactory(lookup, "apply", MethodType.methodType(Function.class),
                    GETTER, getter, getter.type()).getTarget().invokeExact();
        } catch (Throwable refused) {
            try {
                method.setAccessible(true);
                MethodHandle getter = MethodHandles.lookup().unreflect(method).asType(GETTER);
                return record -> {
                    try {
                        return getter.invokeExact(record);
                    } catch (RuntimeException | Error e) {
                        throw e;
                    } catch (Throwable e) {
                        throw new IllegalStateException("cannot read " + component.getName() + " of " + type.getName(), e);
                    }
                };
            } catch (IllegalAccessException | RuntimeException inaccessible) {
                throw new IllegalStateException("cannot read " + component.getName() + " of " + type.getName(), inaccessible);
            }
        }
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

    private static StringBuilder join(StringBuilder path, String name) {
        return path.length() == 0 ? path.append(name) : path.append('.').append(name);
    }
}
