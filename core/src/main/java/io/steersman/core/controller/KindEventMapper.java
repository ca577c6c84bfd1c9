package io.steersman.core.controller;

import io.steersman.api.model.ApiObject;
import io.steersman.api.resource.ResourceType;
import io.steersman.core.informer.SharedInformers;
import java.util.Collection;
import java.util.List;

/**
 * Maps a change to an object of any kind onto the keys a {@link KindReconciler} should look at.
 * Runs on the informer's delivery thread: must be fast, must not block, must not throw. The
 * default wakes the object itself.
 */
@FunctionalInterface
public interface KindEventMapper {

    /** {@code deleted} is true when the object is gone (it carries its last known state). */
    Collection<ObjectRef> map(ResourceType<?> type, ApiObject object, boolean deleted, SharedInformers informers);

    KindEventMapper SELF = (type, object, deleted, informers) -> List.of(ObjectRef.of(type, object));
}
