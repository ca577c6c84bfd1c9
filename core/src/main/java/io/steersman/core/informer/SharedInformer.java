package io.steersman.core.informer;

import io.steersman.api.client.GoneException;
import io.steersman.api.model.ApiObject;
import io.steersman.api.model.OwnerReference;
import io.steersman.api.resource.ResourceType;
import io.steersman.api.selector.Operator;
import io.steersman.api.selector.Requirement;
import io.steersman.api.selector.Selector;
import io.steersman.core.store.ListOptions;
import io.steersman.core.store.ListResult;
import io.steersman.core.store.Store;
import io.steersman.core.store.Watch;
import io.steersman.core.store.WatchEvent;
import io.steersman.core.store.WatchListener;
import io.steersman.core.store.WatchOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One kind's list+watch against the {@link Store}, a cache of its objects, and the handlers that
 * hear about changes — upstream's SharedIndexInformer.
 *
 * <ul>
 *   <li>The cache holds the store's immutable objects themselves (no copies) and is indexed by
 *       namespace, by controller owner uid, by any owner uid and by label, so reads never scan more
 *       than the candidates an index gives.</li>
 *   <li>Handlers run in the order of the store's revisions, one event at a time, after the cache
 *       has the new state.</li>
 *   <li>When the watch expires (Gone) the informer lists again and delivers the differences as
 *       events, so no change is lost; a watch cut off for another reason resumes from the last
 *       revision seen.</li>
 * </ul>
 *
 * <p>Reads are lock-free and thread-safe; they may lag the store by the events not yet delivered.
 */
public final class SharedInformer<T extends ApiObject> {
    private static final Logger log = LoggerFactory.getLogger(SharedInformer.class);
    private static final Duration RETRY_DELAY = Duration.ofMillis(100);

    static final String NAMESPACE = "namespace";
    static final String CONTROLLER_UID = "controller-uid";
    static final String OWNER_UID = "owner-uid";
    static final String LABEL = "label";

    private final ResourceType<T> type;
    private final Store store;
    private final ScheduledExecutorService resyncExecutor;
    private final Map<String, T> cache = new ConcurrentHashMap<>();
    private final Map<String, Index<T>> indexes = new HashMap<>();
    private final List<ResourceEventHandler<? super T>> handlers = new CopyOnWriteArrayList<>();

    /** Serialises every change to the cache and every handler call. */
    private final ReentrantLock delivery = new ReentrantLock();
    /** Monitor for {@link #awaitRevision}. */
    private final Object progress = new Object();

    private volatile boolean synced;
    private volatile boolean resyncing;
    private volatile boolean stopped;
    private volatile long lastRevision;
    private int epoch;
    private Watch watch;
    private long relists;

    SharedInformer(ResourceType<T> type, Store store, ScheduledExecutorService resyncExecutor) {
        this.type = type;
        this.store = store;
        this.resyncExecutor = resyncExecutor;
        addIndex(new Index<>(NAMESPACE, ApiObject::namespace, o -> o.namespace() == null ? List.of() : List.of(o.namespace())));
        addIndex(new Index<>(CONTROLLER_UID, o -> o.metadata().ownerReferences(),
                o -> o.metadata().controllerRef().map(r -> List.of(r.uid())).orElse(List.of())));
        addIndex(new Index<>(OWNER_UID, o -> o.metadata().ownerReferences(), SharedInformer::ownerUids));
        addIndex(new Index<>(LABEL, o -> o.metadata().labels(), o -> labelTerms(o.metadata().labels())));
    }

    private void addIndex(Index<T> index) {
        indexes.put(index.name(), index);
    }

    private static Collection<String> ownerUids(ApiObject o) {
        List<OwnerReference> refs = o.metadata().ownerReferences();
        if (refs.isEmpty()) {
            return List.of();
        }
        if (refs.size() == 1) {
            return refs.get(0).uid() == null ? List.of() : List.of(refs.get(0).uid());
        }
        Set<String> uids = new HashSet<>();
        for (OwnerReference ref : refs) {
            if (ref.uid() != null) {
                uids.add(ref.uid());
            }
        }
        return uids;
    }

    private static Collection<String> labelTerms(Map<String, String> labels) {
        if (labels.isEmpty()) {
            return List.of();
        }
        // Label keys are unique, so their terms are: a list will do.
        List<String> terms = new ArrayList<>(labels.size());
        labels.forEach((k, v) -> terms.add(labelTerm(k, v)));
        return terms;
    }

    private static String labelTerm(String key, String value) {
        return key + "=" + value;
    }

    public ResourceType<T> type() {
        return type;
    }

    /**
     * Adds a handler. Added after the informer started, it first hears an add for every object the
     * cache holds, as upstream's late handlers do.
     */
    public void addHandler(ResourceEventHandler<? super T> handler) {
        delivery.lock();
        try {
            handlers.add(handler);
            if (synced) {
                for (T object : cache.values()) {
                    notify(handler, h -> h.onAdd(object));
                }
            }
        } finally {
            delivery.unlock();
        }
    }

    /**
     * Lists the kind (on the calling thread, so the cache is filled and handlers have heard every
     * object when this returns) and starts watching from the list's revision. Throws what the store
     * throws for the list.
     */
    public void start() {
        ListResult<T> list = store.list(type, ListOptions.all());
        delivery.lock();
        try {
            if (stopped || synced) {
                return;
            }
            replace(list.items());
            advance(list.resourceVersion());
            synced = true;
        } finally {
            delivery.unlock();
        }
        signalProgress();
        watchFrom(list.resourceVersion());
    }

    /** True once the first list is in the cache and delivered. */
    public boolean hasSynced() {
        return synced;
    }

    /** The highest store revision this informer has delivered (from its lists, events and bookmarks). */
    public long lastRevision() {
        return lastRevision;
    }

    /** How many times the informer listed again after its watch expired. */
    public long relists() {
        return relists;
    }

    /** True when synced, not relisting, and every change up to {@code revision} has been delivered. */
    public boolean isCaughtUp(long revision) {
        return synced && !resyncing && lastRevision >= revision;
    }

    /**
     * Waits until {@link #isCaughtUp}({@code revision}) or the timeout passes (real time: delivery
     * is a real thread's work). Returns whether it caught up.
     */
    public boolean awaitRevision(long revision, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (!isCaughtUp(revision)) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || stopped) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(progress, left);
            }
            return true;
        }
    }

    /** Stops watching; the cache keeps its last state. */
    public void stop() {
        Watch current;
        delivery.lock();
        try {
            stopped = true;
            epoch++;
            current = watch;
            watch = null;
        } finally {
            delivery.unlock();
        }
        if (current != null) {
            current.close();
        }
        signalProgress();
    }

    // ---- reads ----

    public Optional<T> get(String namespace, String name) {
        return Optional.ofNullable(cache.get(key(namespace, name)));
    }

    /** Objects in {@code namespace} (null: all) whose labels match, narrowed by the label index when the selector has equality terms. */
    public List<T> list(String namespace, Selector selector) {
        if (selector == Selector.nothing()) {
            return List.of();
        }
        Set<String> candidates = candidates(namespace, selector);
        List<T> found = new ArrayList<>();
        if (candidates == null) {
            for (T object : cache.values()) {
                if (inNamespace(object, namespace) && selector.matches(object.metadata().labels())) {
                    found.add(object);
                }
            }
            return found;
        }
        for (String key : candidates) {
            T object = cache.get(key);
            if (object != null && inNamespace(object, namespace) && selector.matches(object.metadata().labels())) {
                found.add(object);
            }
        }
        return found;
    }

    /**
     * The smallest candidate set that holds every match — the namespace's objects, an equality
     * term's, or the union of an {@code in} term's values — or null when only a full scan will do.
     */
    private Set<String> candidates(String namespace, Selector selector) {
        Set<String> smallest = null;
        if (namespace != null && type.namespaced()) {
            smallest = indexes.get(NAMESPACE).keys(namespace);
        }
        Index<T> labels = indexes.get(LABEL);
        for (Map.Entry<String, String> term : selector.equalities().entrySet()) {
            Set<String> keys = labels.keys(labelTerm(term.getKey(), term.getValue()));
            if (smallest == null || keys.size() < smallest.size()) {
                smallest = keys;
            }
        }
        // "key in (a,b)": every match is in the union of the values' sets; worth building when smaller.
        for (Requirement requirement : selector.requirements()) {
            if (requirement.operator() != Operator.IN || requirement.values().size() < 2) {
                continue;
            }
            int total = 0;
            for (String value : requirement.values()) {
                total += labels.keys(labelTerm(requirement.key(), value)).size();
            }
            if (smallest == null || total < smallest.size()) {
                Set<String> union = new HashSet<>(total * 2);
                for (String value : requirement.values()) {
                    union.addAll(labels.keys(labelTerm(requirement.key(), value)));
                }
                smallest = union;
            }
        }
        return smallest;
    }

    private boolean inNamespace(ApiObject object, String namespace) {
        return namespace == null || !type.namespaced() || namespace.equals(object.namespace());
    }

    /** Objects whose controller owner reference has {@code uid}. */
    public List<T> controlledBy(String uid) {
        return byIndex(CONTROLLER_UID, uid);
    }

    /** Objects with any owner reference to {@code uid}. */
    public List<T> ownedBy(String uid) {
        return byIndex(OWNER_UID, uid);
    }

    List<T> byIndex(String index, String value) {
        List<T> found = new ArrayList<>();
        for (String key : indexes.get(index).keys(value)) {
            T object = cache.get(key);
            if (object != null) {
                found.add(object);
            }
        }
        return found;
    }

    /** Every object in the cache. */
    public List<T> all() {
        return List.copyOf(cache.values());
    }

    public int size() {
        return cache.size();
    }

    // ---- delivery ----

    private void watchFrom(long revision) {
        int myEpoch;
        delivery.lock();
        try {
            if (stopped) {
                return;
            }
            myEpoch = ++epoch;
        } finally {
            delivery.unlock();
        }
        WatchListener<T> listener = new WatchListener<>() {
            @Override
            public void onEvent(WatchEvent<T> event) {
                handleEvent(myEpoch, event);
            }

            @Override
            public void onClose(RuntimeException cause) {
                handleClose(myEpoch, cause);
            }
        };
        Watch opened;
        try {
            opened = store.watch(type, new WatchOptions(null, null, null, Long.toString(revision), true), listener);
        } catch (GoneException gone) {
            scheduleRelist(Duration.ZERO);
            return;
        } catch (RuntimeException e) {
            log.warn("watch of {} from revision {} failed; retrying", type, revision, e);
            scheduleResume(RETRY_DELAY);
            return;
        }
        delivery.lock();
        try {
            if (myEpoch == epoch && !stopped) {
                watch = opened;
                return;
            }
        } finally {
            delivery.unlock();
        }
        opened.close(); // superseded (stopped, or closed and replaced meanwhile)
    }

    private void handleEvent(int myEpoch, WatchEvent<T> event) {
        delivery.lock();
        try {
            if (myEpoch != epoch || stopped) {
                return;
            }
            switch (event.type()) {
                case ADDED, MODIFIED -> put(event.object());
                case DELETED -> remove(event.object());
                case BOOKMARK -> { }
            }
            advance(event.revision());
        } finally {
            delivery.unlock();
        }
        signalProgress();
    }

    private void handleClose(int myEpoch, RuntimeException cause) {
        delivery.lock();
        try {
            if (myEpoch != epoch || stopped) {
                return;
            }
            epoch++; // events of the closed watch, if any still arrive, are void
            watch = null;
        } finally {
            delivery.unlock();
        }
        if (cause instanceof GoneException) {
            log.debug("watch of {} expired at revision {}; listing again", type, lastRevision);
            scheduleRelist(Duration.ZERO);
        } else {
            if (cause != null) {
                log.debug("watch of {} ended ({}); resuming from revision {}", type, cause.getMessage(), lastRevision);
            }
            scheduleResume(Duration.ZERO);
        }
    }

    private void scheduleResume(Duration delay) {
        resyncing = true;
        schedule(() -> {
            resyncing = false;
            watchFrom(lastRevision);
            signalProgress();
        }, delay);
    }

    private void scheduleRelist(Duration delay) {
        resyncing = true;
        schedule(this::relist, delay);
    }

    private void schedule(Runnable task, Duration delay) {
        if (stopped) {
            return;
        }
        try {
            resyncExecutor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // Shutting down: nothing more to deliver.
        }
    }

    private void relist() {
        if (stopped) {
            return;
        }
        ListResult<T> list;
        try {
            list = store.list(type, ListOptions.all());
        } catch (RuntimeException e) {
            log.warn("relist of {} failed; retrying", type, e);
            scheduleRelist(RETRY_DELAY);
            return;
        }
        delivery.lock();
        try {
            if (stopped) {
                return;
            }
            relists++;
            replace(list.items());
            advance(list.resourceVersion());
            resyncing = false;
        } finally {
            delivery.unlock();
        }
        watchFrom(list.resourceVersion());
        signalProgress();
    }

    /** Makes the cache equal to {@code items}, delivering the differences as events. Holds {@link #delivery}. */
    private void replace(List<T> items) {
        Set<String> present = new HashSet<>(items.size() * 2);
        for (T object : items) {
            String key = key(object.namespace(), object.name());
            present.add(key);
            T old = cache.get(key);
            if (old == null || !sameVersion(old, object)) {
                put(object);
            }
        }
        if (cache.size() == present.size()) {
            return; // every cached key was listed: nothing vanished
        }
        for (T old : List.copyOf(cache.values())) {
            if (!present.contains(key(old.namespace(), old.name()))) {
                remove(old);
            }
        }
    }

    private static boolean sameVersion(ApiObject a, ApiObject b) {
        String ra = a.metadata().resourceVersion();
        return ra != null && ra.equals(b.metadata().resourceVersion()) && a.uid() != null && a.uid().equals(b.uid());
    }

    private void put(T object) {
        String key = key(object.namespace(), object.name());
        T old = cache.put(key, object);
        for (Index<T> index : indexes.values()) {
            index.update(key, old, object);
        }
        if (old == null) {
            for (ResourceEventHandler<? super T> handler : handlers) {
                notify(handler, h -> h.onAdd(object));
            }
        } else {
            for (ResourceEventHandler<? super T> handler : handlers) {
                notify(handler, h -> h.onUpdate(old, object));
            }
        }
    }

    private void remove(T object) {
        String key = key(object.namespace(), object.name());
        T old = cache.remove(key);
        for (Index<T> index : indexes.values()) {
            index.update(key, old, null);
        }
        T last = object != null ? object : old;
        for (ResourceEventHandler<? super T> handler : handlers) {
            notify(handler, h -> h.onDelete(last));
        }
    }

    private void advance(long revision) {
        if (revision > lastRevision) {
            lastRevision = revision;
        }
    }

    private void signalProgress() {
        synchronized (progress) {
            progress.notifyAll();
        }
    }

    private void notify(ResourceEventHandler<? super T> handler, java.util.function.Consumer<ResourceEventHandler<? super T>> call) {
        try {
            call.accept(handler);
        } catch (RuntimeException e) {
            log.error("an event handler of {} threw; it must not", type, e);
        }
    }

    static String key(String namespace, String name) {
        return namespace == null || namespace.isEmpty() ? name : namespace + "/" + name;
    }

    @Override
    public String toString() {
        return "SharedInformer[" + type + ", " + cache.size() + " objects, revision " + lastRevision + "]";
    }
}
