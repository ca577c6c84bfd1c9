package io.steersman.examples.website;

import io.steersman.api.controller.ControllerPlugin;
import io.steersman.api.controller.ControllerSpec;
import io.steersman.api.model.apps.Deployment;
import io.steersman.api.model.core.Service;
import io.steersman.api.resource.ResourceType;
import java.util.List;

/**
 * The plugin the launcher finds through {@code META-INF/services}: it adds the Website kind to the
 * API and runs one controller that owns a Deployment and a Service per Website.
 */
public final class WebsitePlugin implements ControllerPlugin {

    @Override
    public List<ResourceType<?>> resourceTypes() {
        return List.of(Website.TYPE);
    }

    @Override
    public List<ControllerSpec<?>> controllers() {
        return List.of(ControllerSpec.builder("website", Website.class, WebsiteReconciler.class)
                .owns(Deployment.class)
                .owns(Service.class)
                .build());
    }
}
