package io.steersman.core.namespace;

import io.steersman.api.model.ApiObject;
import io.steersman.api.model.core.Namespace;
import io.steersman.api.resource.ResourceType;
import io.steersman.core.controller.KindControllerSpec;
import io.steersman.core.controller.ObjectRef;
import io.steersman.core.controller.SystemPlugin;
import io.steersman.core.informer.SharedInformers;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Runs the {@link NamespaceController}. It is woken by a Namespace that is being deleted or is
 * gone, and by the deletion of any namespaced object whose Namespace is being deleted (one object
 * fewer to wait for), so a namespace is removed as soon as its last object is.
 */
public final class NamespacePlugin implements SystemPlugin {

    public static final String CONTROLLER = "namespace-controller";

    @Override
    public String name() {
        return "namespace";
    }

    @Override
    public List<KindControllerSpec> kindControllers() {
        return List.of(new KindControllerSpec(CONTROLLER, NamespaceController.class, NamespacePlugin::map, 1));
    }

    static Collection<ObjectRef> map(ResourceType<?> type, ApiObject object, boolean deleted, SharedInformers informers) {
        if (type.javaType() == Namespace.class) {
            return deleted || object.metadata().isBeingDeleted() ? List.of(ObjectRef.of(type, object)) : List.of();
        }
        if (!deleted || !type.namespaced() || object.namespace() == null) {
            return List.of();
        }
        Optional<ResourceType<?>> namespaces = informers.registry().forKind(Namespace.API_VERSION, Namespace.KIND);
        if (namespaces.isEmpty()) {
            return List.of();
        }
        return informers.forType(namespaces.get()).get(null, object.namespace())
                .filter(namespace -> namespace.metadata().isBeingDeleted())
                .map(namespace -> List.of(ObjectRef.of(namespaces.get(), namespace)))
                .orElse(List.of());
    }
}
