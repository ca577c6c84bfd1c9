package io.steersman.api.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Lookup and replacement in a status' condition list, where each condition type appears at most
 * once (upstream's {@code GetCondition} / {@code SetCondition} helpers without the time logic).
 */
public final class Conditions {
    private Conditions() {}

    public static <C> Optional<C> find(List<C> conditions, String type, Function<C, String> typeOf) {
        for (C condition : conditions) {
            if (type.equals(typeOf.apply(condition))) {
                return Optional.of(condition);
            }
        }
        return Optional.empty();
    }

    /** A copy with the condition of the same type replaced in place, or appended. */
    public static <C> List<C> put(List<C> conditions, C condition, Function<C, String> typeOf) {
        String type = typeOf.apply(condition);
        List<C> copy = new ArrayList<>(conditions.size() + 1);
        boolean replaced = false;
        for (C existing : conditions) {
            if (type.equals(typeOf.apply(existing))) {
                copy.add(condition);
                replaced = true;
            } else {
                copy.add(existing);
            }
        }
        if (!replaced) {
            copy.add(condition);
        }
        return copy;
    }

    /** A copy without the condition of that type. */
    public static <C> List<C> remove(List<C> conditions, String type, Function<C, String> typeOf) {
        List<C> copy = new ArrayList<>(conditions.size());
        for (C existing : conditions) {
            if (!type.equals(typeOf.apply(existing))) {
                copy.add(existing);
            }
        }
        return copy;
    }
}
