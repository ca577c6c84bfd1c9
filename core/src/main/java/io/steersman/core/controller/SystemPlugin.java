package io.steersman.core.controller;

import com.google.inject.Module;
import io.steersman.api.controller.ControllerPlugin;
import java.util.List;

/**
 * A plugin that is part of core and always runs: garbage collection, namespaces, events. Listed in
 * {@code META-INF/services/io.steersman.core.controller.SystemPlugin} (not in the
 * {@code ControllerPlugin} services, so a control plane that chooses its plugins cannot leave one
 * out by accident). Beside ordinary controllers it may declare {@link KindControllerSpec}s that
 * see every kind, and contribute Guice bindings that override the defaults (for example the
 * {@link io.steersman.api.controller.EventRecorder} implementation).
 */
public interface SystemPlugin extends ControllerPlugin {

    @Override
    default List<io.steersman.api.controller.ControllerSpec<?>> controllers() {
        return List.of();
    }

    /** Controllers over every registered kind. */
    default List<KindControllerSpec> kindControllers() {
        return List.of();
    }

    /** Bindings that override the control plane's defaults; null for none. */
    default Module bindings() {
        return null;
    }
}
