package io.steersman.core.informer;

import io.steersman.api.model.ApiObject;
import io.steersman.api.resource.ResourceRegistry;
import io.steersman.api.resource.ResourceType;
import io.steersman.core.store.Store;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The informers of one control plane: at most one per kind, shared by every controller and by the
 * cache-backed client (upstream's SharedInformerFactory). {@link #forType} creates an informer on
 * first use without starting it; {@link #start} lists and starts watching.
 *
 * <p>Thread-safe. {@link #close} stops every informer and the thread that relists expired watches.
 */
public final class SharedInformers implements AutoCloseable {
    private final Store store;
    private final ResourceRegistry registry;
    private final Map<ResourceType<?>, SharedInformer<?>> informers = new ConcurrentHashMap<>();
    private final ScheduledThreadPoolExecutor resyncExecutor;

    public SharedInformers(Store store, ResourceRegistry registry) {
        this.store = store;
        this.registry = registry;
        this.resyncExecutor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "steersman-informer-resync");
            thread.setDaemon(true);
            return thread;
        });
        resyncExecutor.setRemoveOnCancelPolicy(true);
        resyncExecutor.setKeepAliveTime(1, TimeUnit.SECONDS);
        resyncExecutor.allowCoreThreadTimeOut(true);
    }

    public ResourceRegistry registry() {
        return registry;
    }

    /** The informer of {@code type}, created (not started) on first use. */
    @SuppressWarnings("unchecked")
    public <T extends ApiObject> SharedInformer<T> forType(ResourceType<T> type) {
        return (SharedInformer<T>) informers.computeIfAbsent(type, t -> new SharedInformer<>(type, store, resyncExecutor));
    }

    /** The informer of the kind registered for {@code javaType}. */
    public <T extends ApiObject> SharedInformer<T> forClass(Class<T> javaType) {
        return forType(registry.forType(javaType));
    }

    /**
     * The informer of {@code type}, started if it was not: a read of a kind no controller watches
     * lists it on first use, as controller-runtime's cache does.
     */
    public <T extends ApiObject> SharedInformer<T> started(ResourceType<T> type) {
        SharedInformer<T> informer = forType(type);
        if (!informer.hasSynced()) {
            synchronized (informer) {
                if (!informer.hasSynced()) {
                    informer.start();
                }
            }
        }
        return informer;
    }

    /** Starts every informer created so far that has not started. */
    public void startAll() {
        for (SharedInformer<?> informer : all()) {
            started(informer.type());
        }
    }

    /** The informer of {@code type} if one was created. */
    @SuppressWarnings("unchecked")
    public <T extends ApiObject> java.util.Optional<SharedInformer<T>> find(ResourceType<T> type) {
        return java.util.Optional.ofNullable((SharedInformer<T>) informers.get(type));
    }

    /** Every informer, started or not. */
    public List<SharedInformer<?>> all() {
        return List.copyOf(informers.values());
    }

    /** Objects of every watched kind with an owner reference to {@code ownerUid}, as the garbage collector asks. */
    public List<ApiObject> ownedBy(String ownerUid) {
        List<ApiObject> found = new ArrayList<>();
        for (SharedInformer<?> informer : informers.values()) {
            found.addAll(informer.ownedBy(ownerUid));
        }
        return found;
    }

    /**
     * Waits until, for each kind in {@code revisions}, its informer (if one runs) has delivered every
     * change up to that revision, or the timeout passes; returns the informers that did not catch up.
     */
    public List<SharedInformer<?>> awaitRevisions(Map<ResourceType<?>, Long> revisions, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<SharedInformer<?>> behind = new ArrayList<>();
        for (Map.Entry<ResourceType<?>, Long> entry : revisions.entrySet()) {
            SharedInformer<?> informer = informers.get(entry.getKey());
            if (informer == null || !informer.hasSynced()) {
                continue;
            }
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            if (!informer.awaitRevision(entry.getValue(), left)) {
                behind.add(informer);
            }
        }
        return behind;
    }

    @Override
    public void close() {
        for (SharedInformer<?> informer : informers.values()) {
            informer.stop();
        }
        resyncExecutor.shutdownNow();
        try {
            resyncExecutor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
