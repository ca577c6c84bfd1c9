package io.steersman.core.controller;

import java.util.ArrayList;
import java.util.List;

/**
 * A controller over every kind in the registry (the garbage collector): the manager starts an
 * informer for each registered kind, maps each change through {@code mapper}, and runs one queue
 * of {@link ObjectRef}s through a single {@code reconciler} instance built by the injector.
 * Kinds registered after the control plane started are not covered.
 */
public record KindControllerSpec(String name, Class<? extends KindReconciler> reconciler, KindEventMapper mapper, int workers) {

    public KindControllerSpec {
        List<String> problems = new ArrayList<>();
        if (name == null || name.isBlank()) problems.add("a controller needs a name");
        if (reconciler == null) problems.add("a controller needs a reconciler class");
        if (workers < 1) problems.add("workers must be at least 1, was " + workers);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("controller '" + name + "': " + String.join("; ", problems));
        }
        mapper = mapper == null ? KindEventMapper.SELF : mapper;
    }

    public static KindControllerSpec of(String name, Class<? extends KindReconciler> reconciler) {
        return new KindControllerSpec(name, reconciler, KindEventMapper.SELF, 1);
    }
}
