package io.steersman.core.fake;

import io.steersman.api.client.AlreadyExistsException;
import io.steersman.api.client.ConflictException;
import io.steersman.api.client.DeleteOptions;
import io.steersman.api.client.GoneException;
import io.steersman.api.client.NotFoundException;
import io.steersman.api.model.ApiObject;
import io.steersman.api.model.Status;
import io.steersman.api.resource.ResourceType;
import io.steersman.core.store.ListOptions;
import io.steersman.core.store.ListResult;
import io.steersman.core.store.Store;
import io.steersman.core.store.Watch;
import io.steersman.core.store.WatchEvent;
import io.steersman.core.store.WatchListener;
import io.steersman.core.store.WatchOptions;
import io.steersman.core.store.WriteOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * A small store for tests of the loop: objects by kind, one revision counter, watch delivery on its
 * own thread (asynchronous, as the real store), and {@link #expireWatches()} to force Gone.
 */
public final class FakeStore implements Store, AutoCloseable {
    private final Map<ResourceType<?>, TreeMap<String, ApiObject>> objects = new java.util.HashMap<>();
    private final List<Event> log = new ArrayList<>();
    private final List<FakeWatch<?>> watches = new ArrayList<>();
    private final ExecutorService delivery = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fake-store-watch");
        t.setDaemon(true);
        return t;
    });
    private long revision;
    private long compacted;
    private volatile boolean holdDelivery;
    private final List<Runnable> held = new ArrayList<>();

    private record Event(ResourceType<?> type, WatchEvent.Type kind, ApiObject object, long revision) {}

    private final class FakeWatch<T extends ApiObject> implements Watch {
        final ResourceType<T> type;
        final WatchListener<T> listener;
        final String namespace;
        volatile boolean closed;

        FakeWatch(ResourceType<T> type, WatchListener<T> listener, String namespace) {
            this.type = type;
            this.listener = listener;
            this.namespace = namespace;
        }

        void send(Event e) {
            if (namespace != null && !namespace.equals(e.object().namespace())) {
                return;
            }
            WatchEvent<T> event = new WatchEvent<>(e.kind(), type.cast(e.object()), e.revision());
            submit(() -> {
                if (!closed) {
                    listener.onEvent(event);
                }
            });
        }

        @Override
        public void close() {
            synchronized (FakeStore.this) {
                if (closed) {
                    return;
                }
                closed = true;
                watches.remove(this);
            }
            submit(() -> listener.onClose(null));
        }
    }

    private void submit(Runnable task) {
        synchronized (held) {
            if (holdDelivery) {
                held.add(task);
                return;
            }
        }
        delivery.execute(task);
    }

    /** Queues deliveries instead of sending them, until {@link #release()}. */
    public void hold() {
        synchronized (held) {
            holdDelivery = true;
        }
    }

    public void release() {
        synchronized (held) {
            holdDelivery = false;
            held.forEach(delivery::execute);
            held.clear();
        }
    }

    /**
     * Forgets all history and ends every watch with Gone, as a compaction that cuts off slow
     * watchers does: events held back by {@link #hold()} are dropped, never delivered.
     */
    public synchronized void expireWatches() {
        synchronized (held) {
            held.clear();
        }
        compacted = revision;
        for (FakeWatch<?> w : List.copyOf(watches)) {
            w.closed = true;
            watches.remove(w);
            submit(() -> w.listener.onClose(new GoneException(Status.failure(410, "Expired", "too old resource version", null))));
        }
    }

    public synchronized int watchCount() {
        return watches.size();
    }

    private TreeMap<String, ApiObject> of(ResourceType<?> type) {
        return objects.computeIfAbsent(type, t -> new TreeMap<>());
    }

    private static String key(String namespace, String name) {
        return namespace == null ? name : namespace + "/" + name;
    }

    @Override
    public synchronized <T extends ApiObject> Optional<T> get(ResourceType<T> type, String namespace, String name) {
        return Optional.ofNullable(type.cast(of(type).get(key(namespace, name))));
    }

    @Override
    public synchronized <T extends ApiObject> ListResult<T> list(ResourceType<T> type, ListOptions options) {
        List<T> items = new ArrayList<>();
        for (ApiObject o : of(type).values()) {
            if ((options.namespace() == null || options.namespace().equals(o.namespace()))
                    && options.labelSelector().matches(o.metadata().labels())) {
                items.add(type.cast(o));
            }
        }
        return new ListResult<>(items, revision, null, null);
    }

    @Override
    public synchronized <T extends ApiObject> T create(ResourceType<T> type, T object, WriteOptions options) {
        String key = key(object.namespace(), object.name());
        if (of(type).containsKey(key)) {
            throw new AlreadyExistsException(Status.failure(409, "AlreadyExists", type.plural() + " \"" + object.name() + "\" already exists", null));
        }
        long rv = ++revision;
        T stored = type.cast(object.withMetadata(object.metadata().toBuilder().uid(UUID.randomUUID().toString())
                .resourceVersion(Long.toString(rv)).generation(1L).build()));
        of(type).put(key, stored);
        record(type, WatchEvent.Type.ADDED, stored, rv);
        return stored;
    }

    @Override
    public synchronized <T extends ApiObject> T update(ResourceType<T> type, T object, WriteOptions options) {
        String key = key(object.namespace(), object.name());
        ApiObject current = of(type).get(key);
        if (current == null) {
            throw notFound(type, object.name());
        }
        String wanted = object.metadata().resourceVersion();
        if (wanted != null && !wanted.equals(current.metadata().resourceVersion())) {
            throw new ConflictException(Status.failure(409, "Conflict", "the object has been modified", null));
        }
        long rv = ++revision;
        T stored = type.cast(object.withMetadata(object.metadata().toBuilder().uid(current.uid())
                .resourceVersion(Long.toString(rv)).build()));
        of(type).put(key, stored);
        record(type, WatchEvent.Type.MODIFIED, stored, rv);
        return stored;
    }

    @Override
    public <T extends ApiObject> T updateStatus(ResourceType<T> type, T object, WriteOptions options) {
        return update(type, object, options);
    }

    @Override
    public synchronized <T extends ApiObject> T guaranteedUpdate(ResourceType<T> type, String namespace, String name, Subresource subresource,
            UnaryOperator<T> change, WriteOptions options) {
        T current = get(type, namespace, name).orElseThrow(() -> notFound(type, name));
        return update(type, change.apply(current), options);
    }

    @Override
    public synchronized <T extends ApiObject> T delete(ResourceType<T> type, String namespace, String name, DeleteOptions options, WriteOptions writeOptions) {
        ApiObject current = of(type).remove(key(namespace, name));
        if (current == null) {
            throw notFound(type, name);
        }
        long rv = ++revision;
        T removed = type.cast(current.withMetadata(current.metadata().withResourceVersion(Long.toString(rv))));
        record(type, WatchEvent.Type.DELETED, removed, rv);
        return removed;
    }

    private static NotFoundException notFound(ResourceType<?> type, String name) {
        return new NotFoundException(Status.failure(404, "NotFound", type.plural() + " \"" + name + "\" not found", null));
    }

    private void record(ResourceType<?> type, WatchEvent.Type kind, ApiObject object, long rv) {
        Event e = new Event(type, kind, object, rv);
        log.add(e);
        for (FakeWatch<?> w : watches) {
            if (w.type == type) {
                w.send(e);
            }
        }
    }

    @Override
    public synchronized <T extends ApiObject> Watch watch(ResourceType<T> type, WatchOptions options, WatchListener<T> listener) {
        long from = options.resourceVersion() == null || options.resourceVersion().isEmpty() ? revision : Long.parseLong(options.resourceVersion());
        if (from < compacted) {
            throw new GoneException(Status.failure(410, "Expired", "too old resource version: " + from + " (" + compacted + ")", null));
        }
        FakeWatch<T> w = new FakeWatch<>(type, listener, options.namespace());
        for (Event e : log) {
            if (e.type() == type && e.revision() > from) {
                w.send(e);
            }
        }
        watches.add(w);
        return w;
    }

    @Override
    public synchronized long currentRevision() {
        return revision;
    }

    @Override
    public void close() {
        delivery.shutdownNow();
        try {
            delivery.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
