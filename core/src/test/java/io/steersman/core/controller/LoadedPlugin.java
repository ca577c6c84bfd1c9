package io.steersman.core.controller;

import io.steersman.api.controller.ControllerPlugin;
import io.steersman.api.controller.ControllerSpec;
import io.steersman.api.resource.ResourceType;
import io.steersman.core.fake.Widget;
import java.util.List;

/** Listed in the test resources' META-INF/services: found by ServiceLoader. */
public final class LoadedPlugin implements ControllerPlugin {
    @Override
    public List<ResourceType<?>> resourceTypes() {
        return List.of(Widget.TYPE);
    }

    @Override
    public List<ControllerSpec<?>> controllers() {
        return List.of(ControllerSpec.builder("greeter", Widget.class, TestPlugins.Greeter.class).build());
    }
}
