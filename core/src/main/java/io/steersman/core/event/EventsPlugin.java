package io.steersman.core.event;

import io.steersman.api.model.ApiObject;
import io.steersman.api.model.core.Event;
import io.steersman.api.resource.ResourceType;
import io.steersman.core.controller.KindControllerSpec;
import io.steersman.core.controller.ObjectRef;
import io.steersman.core.controller.SystemPlugin;
import io.steersman.core.informer.SharedInformers;
import java.util.Collection;
import java.util.List;

/**
 * Expires old Events ({@link EventTtl}). Declared over every kind and narrowed to Events by its
 * mapper, so it runs on a registry without the Event kind too (and then does nothing). Every Event
 * change maps to one key, the sweep, rather than to the Event itself.
 */
public final class EventsPlugin implements SystemPlugin {

    public static final String CONTROLLER = "event-ttl";

    @Override
    public String name() {
        return "events";
    }

    @Override
    public List<KindControllerSpec> kindControllers() {
        return List.of(new KindControllerSpec(CONTROLLER, EventTtl.class, EventsPlugin::map, 1));
    }

    /** Every write of an Event wakes the one sweep key (a deletion needs no sweep). */
    static Collection<ObjectRef> map(ResourceType<?> type, ApiObject object, boolean deleted, SharedInformers informers) {
        return !deleted && type.javaType() == Event.class ? List.of(new ObjectRef(type, null, EventTtl.SWEEP)) : List.of();
    }
}
