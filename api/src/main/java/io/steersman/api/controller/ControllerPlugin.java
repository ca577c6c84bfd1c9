package io.steersman.api.controller;

import io.steersman.api.resource.ResourceType;
import java.util.List;

/**
 * A set of controllers, found with {@link java.util.ServiceLoader}: a plugin jar lists its class in
 * {@code META-INF/services/io.steersman.api.controller.ControllerPlugin}. The control plane
 * registers the plugin's kinds, builds each controller's informers, queue and workers from its
 * {@link ControllerSpec}, and constructs the reconcilers with their injected collaborators.
 *
 * <pre>{@code
 * public final class WebsitePlugin implements ControllerPlugin {
 *     public List<ResourceType<?>> resourceTypes() { return List.of(Website.TYPE); }
 *     public List<ControllerSpec<?>> controllers() {
 *         return List.of(ControllerSpec.builder("website", Website.class, WebsiteReconciler.class)
 *                 .owns(Deployment.class).owns(Service.class).build());
 *     }
 * }
 * }</pre>
 */
public interface ControllerPlugin {

    /** A short name for logs and errors. */
    default String name() {
        return getClass().getSimpleName();
    }

    /** Kinds this plugin adds to the API. */
    default List<ResourceType<?>> resourceTypes() {
        return List.of();
    }

    /** The controllers to run. */
    List<ControllerSpec<?>> controllers();

    /** Services to run beside the controllers (see {@link PluginService}), started in this order. */
    default List<Class<? extends PluginService>> services() {
        return List.of();
    }
}
