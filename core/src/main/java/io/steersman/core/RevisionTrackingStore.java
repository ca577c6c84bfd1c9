package io.steersman.core;

import io.steersman.api.client.DeleteOptions;
import io.steersman.api.model.ApiObject;
import io.steersman.api.resource.ResourceType;
import io.steersman.core.store.ListOptions;
import io.steersman.core.store.ListResult;
import io.steersman.core.store.Store;
import io.steersman.core.store.Watch;
import io.steersman.core.store.WatchListener;
import io.steersman.core.store.WatchOptions;
import io.steersman.core.store.WriteOptions;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The store as the control plane hands it out: every write passes through to the real store, and
 * the revision it produced is remembered per kind. {@code settle()} waits until each kind's
 * informer has delivered that revision, so it knows the caches have seen every write made through
 * the control plane before it decides that nothing is left to do.
 */
final class RevisionTrackingStore implements Store {
    private final Store store;
    private final Map<ResourceType<?>, Long> written = new ConcurrentHashMap<>();

    RevisionTrackingStore(Store store) {
        this.store = store;
    }

    Store delegate() {
        return store;
    }

    /** Per kind, the highest revision a write through this store produced. */
    Map<ResourceType<?>, Long> writtenRevisions() {
        return Map.copyOf(written);
    }

    private <T extends ApiObject> T track(ResourceType<T> type, T stored, WriteOptions options) {
        if (stored != null && (options == null || !options.dryRun())) {
            String rv = stored.metadata().resourceVersion();
            if (rv != null && !rv.isEmpty()) {
                try {
                    written.merge(type, Long.parseLong(rv), Math::max);
                } catch (NumberFormatException e) {
                    // Not a revision of this store; nothing to wait for.
                }
            }
        }
        return stored;
    }

    @Override
    public <T extends ApiObject> Optional<T> get(ResourceType<T> type, String namespace, String name) {
        return store.get(type, namespace, name);
    }

    @Override
    public <T extends ApiObject> ListResult<T> list(ResourceType<T> type, ListOptions options) {
        return store.list(type, options);
    }

    @Override
    public <T extends ApiObject> T create(ResourceType<T> type, T object, WriteOptions options) {
        return track(type, store.create(type, object, options), options);
    }

    @Override
    public <T extends ApiObject> T update(ResourceType<T> type, T object, WriteOptions options) {
        return track(type, store.update(type, object, options), options);
    }

    @Override
    public <T extends ApiObject> T updateStatus(ResourceType<T> type, T object, WriteOptions options) {
        return track(type, store.updateStatus(type, object, options), options);
    }

    @Override
    public <T extends ApiObject> T guaranteedUpdate(ResourceType<T> type, String namespace, String name, Subresource subresource,
            UnaryOperator<T> change, WriteOptions options) {
        return track(type, store.guaranteedUpdate(type, namespace, name, subresource, change, options), options);
    }

    @Override
    public <T extends ApiObject> T delete(ResourceType<T> type, String namespace, String name, DeleteOptions options, WriteOptions writeOptions) {
        return track(type, store.delete(type, namespace, name, options, writeOptions), writeOptions);
    }

    @Override
    public <T extends ApiObject> Watch watch(ResourceType<T> type, WatchOptions options, WatchListener<T> listener) {
        return store.watch(type, options, listener);
    }

    @Override
    public long currentRevision() {
        return store.currentRevision();
    }
}
