package io.steersman.api.controller;

import io.steersman.api.model.ApiObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One controller: its name, the primary kind it reconciles, the reconciler class the control plane
 * constructs, and the other kinds whose changes wake it. Built with {@link #builder}; misuse is
 * reported at {@link Builder#build()}, all at once.
 */
public record ControllerSpec<T extends ApiObject>(
        String name,
        Class<T> primary,
        Class<? extends Reconciler<T>> reconciler,
        List<Watch<?>> watches,
        int workers) {

    public ControllerSpec {
        watches = List.copyOf(watches);
    }

    /**
     * A secondary kind and how its events map to primary requests: through the controller owner
     * reference when {@code mapper} is null (an owned kind), or through {@code mapper}.
     */
    public record Watch<S extends ApiObject>(Class<S> kind, EventMapper<S> mapper) {
        public boolean isOwned() {
            return mapper == null;
        }
    }

    public static <T extends ApiObject> Builder<T> builder(String name, Class<T> primary, Class<? extends Reconciler<T>> reconciler) {
        return new Builder<>(name, primary, reconciler);
    }

    /** Collects a controller's description. */
    public static final class Builder<T extends ApiObject> {
        private final String name;
        private final Class<T> primary;
        private final Class<? extends Reconciler<T>> reconciler;
        private final List<Watch<?>> watches = new ArrayList<>();
        private int workers = 1;

        private Builder(String name, Class<T> primary, Class<? extends Reconciler<T>> reconciler) {
            this.name = name;
            this.primary = primary;
            this.reconciler = reconciler;
        }

        /**
         * Wakes the controller when an object of {@code kind} whose controller owner reference
         * points at a {@code primary} changes (ReplicaSets for a Deployment, pods for a ReplicaSet).
         */
        public <S extends ApiObject> Builder<T> owns(Class<S> kind) {
            watches.add(new Watch<>(kind, null));
            return this;
        }

        /** Wakes the controller with whatever {@code mapper} derives from a change to {@code kind}. */
        public <S extends ApiObject> Builder<T> watches(Class<S> kind, EventMapper<S> mapper) {
            Objects.requireNonNull(mapper, "mapper");
            watches.add(new Watch<>(kind, mapper));
            return this;
        }

        /** How many keys may be reconciled at once; one key is never on two workers. */
        public Builder<T> workers(int workers) {
            this.workers = workers;
            return this;
        }

        public ControllerSpec<T> build() {
            List<String> problems = new ArrayList<>();
            if (name == null || name.isBlank()) problems.add("a controller needs a name");
            if (primary == null) problems.add("a controller needs a primary kind");
            if (reconciler == null) problems.add("a controller needs a reconciler class");
            if (workers < 1) problems.add("workers must be at least 1, was " + workers);
            for (Watch<?> watch : watches) {
                if (Objects.equals(watch.kind(), primary)) {
                    problems.add("the primary kind " + primary.getSimpleName() + " is watched already; do not add it as a secondary");
                }
            }
            if (!problems.isEmpty()) {
                throw new IllegalStateException("controller '" + name + "': " + String.join("; ", problems));
            }
            return new ControllerSpec<>(name, primary, reconciler, watches, workers);
        }
    }
}
