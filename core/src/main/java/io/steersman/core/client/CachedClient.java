package io.steersman.core.client;

import io.steersman.api.client.ApiException;
import io.steersman.api.client.Client;
import io.steersman.api.client.DeleteOptions;
import io.steersman.api.client.PatchType;
import io.steersman.api.model.ApiObject;
import io.steersman.api.model.Status;
import io.steersman.api.resource.ResourceRegistry;
import io.steersman.api.resource.ResourceType;
import io.steersman.api.selector.Selector;
import io.steersman.core.informer.SharedInformer;
import io.steersman.core.informer.SharedInformers;
import io.steersman.core.patch.Patcher;
import io.steersman.core.store.Store;
import io.steersman.core.store.WriteOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link Client} reconcilers get: reads from the shared informer caches (through their
 * indexes), writes straight to the {@link Store}. A write returns the object as stored, with its new
 * resourceVersion; the cache catches up when the watch delivers the change, so a read right after a
 * write may still return the old state (controllers use expectations, or simply wait for the event
 * that the write causes).
 *
 * <p>A read of a kind no informer watches yet starts that kind's informer and waits for its first
 * list, as controller-runtime's cache does. Thread-safe.
 */
public final class CachedClient implements Client {
    private final Store store;
    private final ResourceRegistry registry;
    private final SharedInformers informers;
    private final Patcher patcher;

    /** {@code patcher} may be null: {@link #patch} then fails with 415 Unsupported Media Type. */
    public CachedClient(Store store, SharedInformers informers, Patcher patcher) {
        this.store = Objects.requireNonNull(store, "store");
        this.informers = Objects.requireNonNull(informers, "informers");
        this.registry = informers.registry();
        this.patcher = patcher;
    }

    @Override
    public <T extends ApiObject> Optional<T> get(Class<T> kind, String namespace, String name) {
        ResourceType<T> type = registry.forType(kind);
        return informers.started(type).get(scope(type, namespace), name);
    }

    @Override
    public <T extends ApiObject> List<T> list(Class<T> kind, String namespace, Selector selector) {
        ResourceType<T> type = registry.forType(kind);
        return informers.started(type).list(scope(type, namespace), selector == null ? Selector.everything() : selector);
    }

    @Override
    public <T extends ApiObject> List<T> listControlledBy(Class<T> kind, ApiObject owner) {
        ResourceType<T> type = registry.forType(kind);
        SharedInformer<T> informer = informers.started(type);
        if (owner.uid() == null) {
            return List.of();
        }
        List<T> controlled = informer.controlledBy(owner.uid());
        if (!type.namespaced() || owner.namespace() == null) {
            return controlled;
        }
        // Owner references never cross namespaces; a reference that does is not honoured, as upstream.
        List<T> sameNamespace = new ArrayList<>(controlled.size());
        for (T object : controlled) {
            if (owner.namespace().equals(object.namespace())) {
                sameNamespace.add(object);
            }
        }
        return sameNamespace;
    }

    @Override
    public <T extends ApiObject> T create(T object) {
        return store.create(typeOf(object), object, WriteOptions.DEFAULT);
    }

    @Override
    public <T extends ApiObject> T update(T object) {
        return store.update(typeOf(object), object, WriteOptions.DEFAULT);
    }

    @Override
    public <T extends ApiObject> T updateStatus(T object) {
        return store.updateStatus(typeOf(object), object, WriteOptions.DEFAULT);
    }

    @Override
    public <T extends ApiObject> T patch(Class<T> kind, String namespace, String name, PatchType patchType, String body) {
        if (patcher == null) {
            throw new ApiException(Status.failure(415, "UnsupportedMediaType",
                    "the control plane runs without a patch engine: " + patchType.contentType() + " is not supported", null));
        }
        ResourceType<T> type = registry.forType(kind);
        return store.guaranteedUpdate(type, scope(type, namespace), name, Store.Subresource.MAIN,
                current -> patcher.apply(type, current, patchType, body), WriteOptions.DEFAULT);
    }

    @Override
    public void delete(Class<? extends ApiObject> kind, String namespace, String name, DeleteOptions options) {
        ResourceType<? extends ApiObject> type = registry.forType(kind);
        store.delete(type, scope(type, namespace), name, options == null ? DeleteOptions.defaults() : options, WriteOptions.DEFAULT);
    }

    @SuppressWarnings("unchecked")
    private <T extends ApiObject> ResourceType<T> typeOf(T object) {
        return registry.forType((Class<T>) object.getClass());
    }

    private static String scope(ResourceType<?> type, String namespace) {
        return type.namespaced() ? namespace : null;
    }
}
