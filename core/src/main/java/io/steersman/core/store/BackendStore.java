package io.steersman.core.store;

import io.steersman.api.client.AlreadyExistsException;
import io.steersman.api.client.DeleteOptions;
import io.steersman.api.controller.Clock;
import io.steersman.api.model.ApiObject;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.core.Namespace;
import io.steersman.api.model.core.Pod;
import io.steersman.api.resource.FieldError;
import io.steersman.api.resource.ResourceRegistry;
import io.steersman.api.resource.ResourceType;
import io.steersman.api.selector.FieldSelector;
import io.steersman.api.selector.Selector;
import io.steersman.core.backend.Backend;
import io.steersman.core.backend.BackendWatch;
import io.steersman.core.backend.CompactedException;
import io.steersman.core.backend.KeyValue;
import io.steersman.core.backend.Keys;
import io.steersman.core.backend.RangeResult;
import io.steersman.core.backend.Txn;
import io.steersman.core.backend.TxnResult;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * The {@link Store} over a {@link Backend}: Kubernetes' registry semantics (system fields,
 * generateName, defaulting and validation, optimistic concurrency, status subresource, graceful
 * deletion and finalizers, namespaces) on top of an etcd-shaped key-value store.
 *
 * <p>Objects live at {@link Keys} {@code /registry/<group>/<plural>/<namespace>/<name>}; an
 * object's resourceVersion is the backend revision of its last write. Namespaces are objects of
 * the kind {@code v1/Namespace} when the registry has it: then creating in a namespace that does
 * not exist fails with NotFound, and in one being deleted with Forbidden. Watches with
 * {@code allowBookmarks} receive a BOOKMARK every {@link Options#bookmarkInterval()} and on
 * {@link #emitBookmarks()}.
 *
 * <p>Thread-safe. {@link #close()} stops the bookmark timer; the backend belongs to the caller,
 * except for a store made by {@link #inMemory}.
 */
public final class BackendStore implements Store, AutoCloseable {

    /** @param bookmarkInterval how often watches that allow bookmarks get one (upstream: about a minute) */
    public record Options(Duration bookmarkInterval) {
        public static Options defaults() {
            return new Options(Duration.ofMinutes(1));
        }
    }

    /** Upstream's finalizers for Foreground and Orphan propagation. */
    public static final String FOREGROUND_FINALIZER = "foregroundDeletion";
    public static final String ORPHAN_FINALIZER = "orphan";

    /** How often a read-modify-write is retried when another writer wins the race. */
    private static final int MAX_ATTEMPTS = 64;
    /** Upstream retries a generated name that collides (RetryGenerateName) up to 7 more times. */
    private static final int NAME_ATTEMPTS = 8;

    private final ResourceRegistry registry;
    private final Clock clock;
    private final Backend backend;
    private final Map<ResourceType<?>, String> prefixes = new ConcurrentHashMap<>();
    private static final KindRules<ApiObject> NO_RULES = new KindRules<>() {};
    private static final Map<Class<?>, KindRules<?>> RULES = Map.of(Pod.class, new PodRules(), Namespace.class, new NamespaceRules());
    private volatile Instant lastSecond;
    /** One String per existing namespace's name for all objects in it, rather than one per decoded object. */
    private final Map<String, String> namespaceNames = new ConcurrentHashMap<>();
    /** The key prefix of namespaces, once the registry is seen to serve them. */
    private volatile String namespacePrefix;
    private final Set<StoreWatch<?>> bookmarkWatches = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService bookmarkTimer;
    /** Makes a name from generateName; replaceable in tests to force a collision. */
    private final UnaryOperator<String> nameGenerator;
    private final boolean ownsBackend;

    public BackendStore(ResourceRegistry registry, Clock clock, Backend backend) {
        this(registry, clock, backend, Options.defaults());
    }

    public BackendStore(ResourceRegistry registry, Clock clock, Backend backend, Options options) {
        this(registry, clock, backend, options, NameGenerator::generate, false);
    }

    /** A store over a new {@link io.steersman.core.backend.MemoryBackend} that {@link #close()} closes too. */
    public static BackendStore inMemory(ResourceRegistry registry, Clock clock) {
        return new BackendStore(registry, clock, new io.steersman.core.backend.MemoryBackend(), Options.defaults(), NameGenerator::generate, true);
    }

    BackendStore(ResourceRegistry registry, Clock clock, Backend backend, Options options,
            UnaryOperator<String> nameGenerator, boolean ownsBackend) {
        this.nameGenerator = nameGenerator;
        this.ownsBackend = ownsBackend;
        this.registry = Objects.requireNonNull(registry, "registry");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.backend = Objects.requireNonNull(backend, "backend");
        this.bookmarkTimer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "steersman-bookmarks");
            thread.setDaemon(true);
            return thread;
        });
        long period = options.bookmarkInterval().toMillis();
        bookmarkTimer.scheduleAtFixedRate(this::emitBookmarks, period, period, TimeUnit.MILLISECONDS);
        bootstrapNamespaces();
    }

    /** Upstream's system namespaces, created at start when the registry serves namespaces. */
    public static final List<String> SYSTEM_NAMESPACES = List.of("default", "kube-system", "kube-public", "kube-node-lease");

    private void bootstrapNamespaces() {
        Optional<ResourceType<?>> found = registry.forKind(Namespace.API_VERSION, Namespace.KIND);
        if (found.isEmpty() || found.get().javaType() != Namespace.class) {
            return;
        }
        ResourceType<Namespace> namespaces = registry.forType(Namespace.class);
        for (String name : SYSTEM_NAMESPACES) {
            if (get(namespaces, null, name).isEmpty()) {
                try {
                    create(namespaces, Namespace.of(ObjectMeta.named(null, name), null), WriteOptions.DEFAULT);
                } catch (AlreadyExistsException raced) {
                    // Another store on the same backend made it first.
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends ApiObject> KindRules<T> rules(ResourceType<T> type) {
        return (KindRules<T>) RULES.getOrDefault(type.javaType(), NO_RULES);
    }

    // ---------------------------------------------------------------------------------- reads

    @Override
    public <T extends ApiObject> Optional<T> get(ResourceType<T> type, String namespace, String name) {
        return backend.get(key(type, namespace, name)).map(kv -> type.cast(kv.value()));
    }

    @Override
    public long currentRevision() {
        return backend.currentRevision();
    }

    @Override
    public <T extends ApiObject> ListResult<T> list(ResourceType<T> type, ListOptions options) {
        String kindPrefix = prefix(type);
        FieldSelector fields = options.fieldSelector();
        String namespace = type.namespaced() ? blankToNull(options.namespace()) : null;
        if (namespace == null && type.namespaced()) {
            namespace = fields.requiresExactMatch("metadata.namespace").orElse(null);
        }
        String prefix = namespace == null ? kindPrefix : Keys.namespacePrefix(kindPrefix, namespace);
        String resourceVersion = blankToNull(options.resourceVersion());
        long limit = options.limit();
        long revision;
        String start;
        String token = blankToNull(options.continueToken());
        if (token != null) {
            if (resourceVersion != null && !"0".equals(resourceVersion)) {
                throw StatusErrors.badRequest("specifying resource version is not allowed when using continue");
            }
            ContinueTokens.Position position = ContinueTokens.decode(token, kindPrefix);
            revision = position.revision();
            if (revision > backend.currentRevision()) {
                throw StatusErrors.badRequest("continue key is not valid: the revision is in the future");
            }
            start = position.startKey().compareTo(prefix) < 0 ? prefix : position.startKey();
        } else {
            revision = listRevision(resourceVersion);
            start = prefix;
            if ("0".equals(resourceVersion)) {
                // Upstream serves resourceVersion=0 from its watch cache, whole, without paging.
                limit = 0;
            }
        }
        try {
            Optional<String> name = fields.requiresExactMatch("metadata.name");
            if (name.isPresent() && (namespace != null || !type.namespaced())) {
                String key = Keys.key(kindPrefix, namespace, name.get());
                List<T> items = new ArrayList<>(1);
                if (key.compareTo(start) >= 0) {
                    for (KeyValue kv : backend.range(key, Keys.after(key), revision, 1).kvs()) {
                        addIfMatches(type, kv, options, items);
                    }
                }
                return new ListResult<>(items, revision, null, null);
            }
            return scan(type, options, kindPrefix, start, Keys.prefixEnd(prefix), revision, limit);
        } catch (CompactedException e) {
            if (token != null) {
                throw StatusErrors.continueExpired();
            }
            throw StatusErrors.tooOldResourceVersion(e.requestedRevision(), e.compactedRevision());
        }
    }

    private long listRevision(String resourceVersion) {
        long current = backend.currentRevision();
        if (resourceVersion == null || "0".equals(resourceVersion)) {
            return current;
        }
        long requested = parseResourceVersion(resourceVersion);
        if (requested > current) {
            throw StatusErrors.tooLargeResourceVersion(requested, current);
        }
        // Upstream's default match is NotOlderThan: the latest state satisfies it.
        return current;
    }

    /** Reads a page: as many backend batches as it takes to find {@code limit} matching objects. */
    private <T extends ApiObject> ListResult<T> scan(ResourceType<T> type, ListOptions options, String kindPrefix,
            String start, String end, long revision, long limit) {
        boolean filtered = !options.labelSelector().isEverything() || !options.fieldSelector().isEverything();
        long batch = limit == 0 ? 0 : filtered ? Math.max(limit, 500) : limit + 1;
        List<T> items = new ArrayList<>();
        String from = start;
        String lastKey = null;
        while (true) {
            RangeResult page = backend.range(from, end, revision, batch);
            for (KeyValue kv : page.kvs()) {
                if (limit > 0 && items.size() == limit) {
                    // The page is full and a further key exists: the client continues after lastKey.
                    String token = ContinueTokens.encode(revision, kindPrefix, lastKey);
                    // As upstream, how many remain is told only when it is exact (no selector).
                    Long remaining = filtered ? null : backend.count(Keys.after(lastKey), end, revision);
                    return new ListResult<>(items, revision, token, remaining);
                }
                if (addIfMatches(type, kv, options, items)) {
                    lastKey = kv.key();
                }
            }
            if (!page.more()) {
                return new ListResult<>(items, revision, null, null);
            }
            from = Keys.after(page.kvs().get(page.kvs().size() - 1).key());
        }
    }

    private static <T extends ApiObject> boolean addIfMatches(ResourceType<T> type, KeyValue kv, ListOptions options, List<T> into) {
        T object = type.cast(kv.value());
        Selector labels = options.labelSelector();
        FieldSelector fields = options.fieldSelector();
        if ((labels.isEverything() || labels.matches(object.metadata().labels()))
                && (fields.isEverything() || fields.matches(type.selectableFields(object)))) {
            into.add(object);
            return true;
        }
        return false;
    }

    // ---------------------------------------------------------------------------------- create

    @Override
    public <T extends ApiObject> T create(ResourceType<T> type, T object, WriteOptions options) {
        ObjectMeta meta = object.metadata();
        String namespace = scopedNamespace(type, meta);
        if (!isBlank(meta.resourceVersion())) {
            throw StatusErrors.internal("resourceVersion should not be set on objects to be created");
        }
        boolean generated = isBlank(meta.name());
        if (generated && isBlank(meta.generateName())) {
            throw StatusErrors.invalid(type, "", List.of(FieldError.required("metadata.name", "name or generateName is required")));
        }
        // As upstream: defaults when decoded, then the strategy's PrepareForCreate drops the status.
        T defaulted = type.defaulter().apply(object);
        T prepared = type.hasStatus() ? Shapes.withStatus(type, defaulted, null) : defaulted;
        Instant now = now();
        if (namespace != null) {
            namespace = namespaceNames.getOrDefault(namespace, namespace);
        }
        for (int attempt = 1; ; attempt++) {
            String name = generated ? nameGenerator.apply(meta.generateName()) : meta.name();
            ObjectMeta system = prepared.metadata().toBuilder()
                    .name(name)
                    .namespace(namespace)
                    .uid(NameGenerator.uid())
                    .creationTimestamp(now)
                    .generation(prepared instanceof io.steersman.api.model.HasSpec<?> ? 1L : null)
                    .resourceVersion(null)
                    .deletionTimestamp(null)
                    .deletionGracePeriodSeconds(null)
                    .build();
            T candidate = rules(type).prepareForCreate(Shapes.withMetadata(type, prepared, system));
            validate(type, candidate, null);
            checkNamespace(type, namespace, name);
            String key = Keys.key(prefix(type), namespace, name);
            if (options.dryRun()) {
                if (backend.get(key).isEmpty()) {
                    return candidate;
                }
            } else {
                TxnResult result = backend.txn(Txn.create(key, candidate));
                if (result.succeeded()) {
                    return type.cast(result.first().kv().value());
                }
            }
            if (!generated || attempt == NAME_ATTEMPTS) {
                throw StatusErrors.alreadyExists(type, name);
            }
        }
    }

    // ---------------------------------------------------------------------------------- update

    @Override
    public <T extends ApiObject> T update(ResourceType<T> type, T object, WriteOptions options) {
        return replace(type, object, Subresource.MAIN, options);
    }

    @Override
    public <T extends ApiObject> T updateStatus(ResourceType<T> type, T object, WriteOptions options) {
        if (!type.hasStatus()) {
            throw StatusErrors.noSuchSubresource();
        }
        return replace(type, object, Subresource.STATUS, options);
    }

    private <T extends ApiObject> T replace(ResourceType<T> type, T object, Subresource subresource, WriteOptions options) {
        ObjectMeta meta = object.metadata();
        String namespace = scopedNamespace(type, meta);
        if (isBlank(meta.name())) {
            throw StatusErrors.invalid(type, "", List.of(FieldError.required("metadata.name", "name is required")));
        }
        String key = Keys.key(prefix(type), namespace, meta.name());
        boolean conditional = !isBlank(meta.resourceVersion());
        for (int attempt = 1; ; attempt++) {
            KeyValue current = backend.get(key).orElseThrow(() -> StatusErrors.notFound(type, meta.name()));
            T stored = type.cast(current.value());
            if (conditional && !meta.resourceVersion().equals(stored.metadata().resourceVersion())) {
                throw StatusErrors.modified(type, meta.name());
            }
            T written = write(type, key, current, merge(type, stored, object, subresource), options);
            if (written != null) {
                return written;
            }
            if (conditional || attempt == MAX_ATTEMPTS) {
                throw StatusErrors.modified(type, meta.name());
            }
        }
    }

    @Override
    public <T extends ApiObject> T guaranteedUpdate(ResourceType<T> type, String namespace, String name,
            Subresource subresource, UnaryOperator<T> change, WriteOptions options) {
        if (subresource == Subresource.STATUS && !type.hasStatus()) {
            throw StatusErrors.noSuchSubresource();
        }
        String key = key(type, namespace, name);
        for (int attempt = 1; ; attempt++) {
            KeyValue current = backend.get(key).orElseThrow(() -> StatusErrors.notFound(type, name));
            T stored = type.cast(current.value());
            String storedVersion = stored.metadata().resourceVersion();
            T changed = change.apply(stored);
            if (changed == null) {
                return stored;
            }
            String asked = changed.metadata().resourceVersion();
            if (!isBlank(asked) && !asked.equals(storedVersion)) {
                throw StatusErrors.modified(type, name);
            }
            T written = write(type, key, current, merge(type, stored, changed, subresource), options);
            if (written != null) {
                return written;
            }
            if (attempt == MAX_ATTEMPTS) {
                throw StatusErrors.modified(type, name);
            }
        }
    }

    /**
     * The object an update of {@code stored} with {@code object} stores, as upstream's
     * {@code BeforeUpdate} and the kind's strategy make it.
     */
    private <T extends ApiObject> T merge(ResourceType<T> type, T stored, T object, Subresource subresource) {
        ObjectMeta old = stored.metadata();
        ObjectMeta in = object.metadata();
        if (!isBlank(in.uid()) && !in.uid().equals(old.uid())) {
            throw StatusErrors.conflict(type, old.name(), "Precondition failed: UID in precondition: " + in.uid() + ", UID in object meta: " + old.uid());
        }
        T next;
        if (subresource == Subresource.STATUS) {
            next = Shapes.withStatus(type, stored, Shapes.status(object));
        } else {
            T candidate = type.hasStatus() ? Shapes.withStatus(type, object, Shapes.status(stored)) : object;
            candidate = rules(type).prepareForUpdate(type.defaulter().apply(candidate), stored);
            ObjectMeta.Builder meta = candidate.metadata().toBuilder()
                    .name(old.name())
                    .namespace(old.namespace())
                    .uid(old.uid())
                    .creationTimestamp(old.creationTimestamp())
                    .deletionTimestamp(old.deletionTimestamp())
                    .deletionGracePeriodSeconds(old.deletionGracePeriodSeconds())
                    .generation(old.generation())
                    .resourceVersion(old.resourceVersion());
            if (Shapes.specChanged(stored, candidate)) {
                meta.generation(old.generationOrZero() + 1);
            }
            next = Shapes.withMetadata(type, candidate, meta.build());
        }
        List<FieldError> errors = new ArrayList<>();
        if (old.isBeingDeleted()) {
            for (String finalizer : next.metadata().finalizers()) {
                if (!old.finalizers().contains(finalizer)) {
                    errors.add(FieldError.forbidden("metadata.finalizers", "no new finalizers can be added if the object is being deleted, found new finalizers [\"" + finalizer + "\"]"));
                    break;
                }
            }
        }
        errors.addAll(type.validator().validate(next, stored));
        if (!errors.isEmpty()) {
            throw StatusErrors.invalid(type, old.name(), errors);
        }
        return next;
    }

    /**
     * Writes {@code next} over {@code current} if it is still the stored revision; returns the
     * stored result, or null when another writer came first. An update that changes nothing writes
     * nothing and keeps the resourceVersion, as upstream. An update that removes the last finalizer
     * of an object being deleted (with no grace period left) deletes it, as upstream's
     * {@code ShouldDeleteDuringUpdate}.
     */
    private <T extends ApiObject> T write(ResourceType<T> type, String key, KeyValue current, T next, WriteOptions options) {
        T stored = type.cast(current.value());
        if (next.equals(stored)) {
            return stored;
        }
        ObjectMeta old = stored.metadata();
        boolean remove = next.metadata().finalizers().isEmpty()
                && old.deletionGracePeriodSeconds() != null && old.deletionGracePeriodSeconds() == 0
                && rules(type).mayRemove(next);
        if (options.dryRun()) {
            return next;
        }
        TxnResult result = remove
                ? backend.txn(Txn.delete(key, current.modRevision()))
                : backend.txn(Txn.update(key, current.modRevision(), next));
        return result.succeeded() ? type.cast(result.first().kv().value()) : null;
    }

    // ---------------------------------------------------------------------------------- delete

    @Override
    public <T extends ApiObject> T delete(ResourceType<T> type, String namespace, String name,
            DeleteOptions deleteOptions, WriteOptions options) {
        DeleteOptions how = deleteOptions == null ? DeleteOptions.defaults() : deleteOptions;
        String key = key(type, namespace, name);
        for (int attempt = 1; ; attempt++) {
            KeyValue current = backend.get(key).orElseThrow(() -> StatusErrors.notFound(type, name));
            T stored = type.cast(current.value());
            ObjectMeta old = stored.metadata();
            checkPreconditions(type, how, old);
            Optional<T> lingering = markForDeletion(type, stored, how);
            T written;
            if (lingering.isPresent()) {
                T next = lingering.get();
                if (next.equals(stored)) {
                    return stored;
                }
                if (options.dryRun()) {
                    return next;
                }
                TxnResult result = backend.txn(Txn.update(key, current.modRevision(), next));
                written = result.succeeded() ? type.cast(result.first().kv().value()) : null;
            } else {
                if (options.dryRun()) {
                    return stored;
                }
                TxnResult result = backend.txn(Txn.delete(key, current.modRevision()));
                written = result.succeeded() ? type.cast(result.first().kv().value()) : null;
            }
            if (written != null) {
                return written;
            }
            if (attempt == MAX_ATTEMPTS) {
                throw StatusErrors.modified(type, name);
            }
        }
    }

    private static <T extends ApiObject> void checkPreconditions(ResourceType<T> type, DeleteOptions how, ObjectMeta old) {
        if (how.preconditionUid() != null && !how.preconditionUid().equals(old.uid())) {
            throw StatusErrors.conflict(type, old.name(), "Precondition failed: UID in precondition: "
                    + how.preconditionUid() + ", UID in object meta: " + nullToEmpty(old.uid()));
        }
        if (how.preconditionResourceVersion() != null && !how.preconditionResourceVersion().equals(old.resourceVersion())) {
            throw StatusErrors.conflict(type, old.name(), "Precondition failed: ResourceVersion in precondition: "
                    + how.preconditionResourceVersion() + ", ResourceVersion in object meta: " + nullToEmpty(old.resourceVersion()));
        }
    }

    /**
     * What a delete leaves, as upstream's {@code BeforeDelete} and
     * {@code updateForGracefulDeletionAndFinalizers}: the object marked for deletion (it lingers
     * while a grace period runs or finalizers remain), or empty when it is to be removed now.
     */
    private <T extends ApiObject> Optional<T> markForDeletion(ResourceType<T> type, T stored, DeleteOptions how) {
        ObjectMeta old = stored.metadata();
        Long oldGrace = old.deletionGracePeriodSeconds();
        Instant now = now();
        if (old.isBeingDeleted() && oldGrace != null && oldGrace > 0) {
            // A graceful deletion is running: a delete may only shorten it; finalizers stay as they are.
            Long asked = how.gracePeriodSeconds();
            if (asked == null || asked >= oldGrace) {
                return Optional.of(stored);
            }
            Instant deadline = old.deletionTimestamp().minusSeconds(oldGrace).plusSeconds(asked);
            ObjectMeta shortened = old.toBuilder()
                    .deletionTimestamp(deadline.isBefore(now) ? now : deadline)
                    .deletionGracePeriodSeconds(asked)
                    .build();
            if (asked == 0 && shortened.finalizers().isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(Shapes.withMetadata(type, stored, shortened));
        }
        List<String> finalizers = propagationFinalizers(old.finalizers(), how.propagationPolicy());
        T special = rules(type).markForDeletion(stored, now, finalizers);
        if (special != null) {
            return Optional.of(special);
        }
        long grace = old.isBeingDeleted() ? 0 : rules(type).gracePeriodSeconds(stored, how);
        if (grace == 0 && finalizers.isEmpty()) {
            return Optional.empty();
        }
        ObjectMeta.Builder meta = old.toBuilder().finalizers(finalizers);
        if (!old.isBeingDeleted()) {
            meta.deletionTimestamp(now.plusSeconds(grace));
            if (old.generationOrZero() > 0) {
                meta.generation(old.generation() + 1);
            }
        } else if (old.deletionTimestamp().isAfter(now)) {
            meta.deletionTimestamp(now);
        }
        meta.deletionGracePeriodSeconds(grace);
        return Optional.of(Shapes.withMetadata(type, stored, meta.build()));
    }

    /**
     * The finalizers after a delete with {@code policy}, as upstream's
     * {@code deletionFinalizersForGarbageCollection}: Orphan adds {@code orphan}, Foreground adds
     * {@code foregroundDeletion}, each removing the other; Background removes both; no policy keeps
     * what the object has.
     */
    static List<String> propagationFinalizers(List<String> finalizers, DeleteOptions.PropagationPolicy policy) {
        if (policy == null) {
            return finalizers;
        }
        List<String> next = new ArrayList<>(finalizers);
        next.remove(ORPHAN_FINALIZER);
        next.remove(FOREGROUND_FINALIZER);
        if (policy == DeleteOptions.PropagationPolicy.Orphan) {
            next.add(ORPHAN_FINALIZER);
        } else if (policy == DeleteOptions.PropagationPolicy.Foreground) {
            next.add(FOREGROUND_FINALIZER);
        }
        return next.equals(finalizers) ? finalizers : List.copyOf(next);
    }

    // ---------------------------------------------------------------------------------- watch

    @Override
    public <T extends ApiObject> Watch watch(ResourceType<T> type, WatchOptions options, WatchListener<T> listener) {
        String kindPrefix = prefix(type);
        String namespace = type.namespaced() ? blankToNull(options.namespace()) : null;
        if (namespace == null && type.namespaced()) {
            namespace = options.fieldSelector().requiresExactMatch("metadata.namespace").orElse(null);
        }
        String prefix = namespace == null ? kindPrefix : Keys.namespacePrefix(kindPrefix, namespace);
        StoreWatch<?>[] self = new StoreWatch<?>[1];
        StoreWatch<T> watch = new StoreWatch<>(type, options, listener, () -> bookmarkWatches.remove(self[0]));
        self[0] = watch;
        String resourceVersion = blankToNull(options.resourceVersion());
        BackendWatch backendWatch;
        if (resourceVersion == null || "0".equals(resourceVersion)) {
            backendWatch = backend.watchWithInitialState(prefix, watch);
        } else {
            long after = parseResourceVersion(resourceVersion);
            try {
                backendWatch = backend.watch(prefix, after, watch);
            } catch (CompactedException e) {
                throw StatusErrors.tooOldResourceVersion(after, e.compactedRevision());
            }
        }
        if (options.allowBookmarks()) {
            bookmarkWatches.add(watch);
        }
        watch.attach(backendWatch);
        return watch;
    }

    /**
     * Sends a BOOKMARK with the current revision to every open watch that allows bookmarks, after
     * the events it has not yet received. Called periodically; tests call it to see one at once.
     */
    public void emitBookmarks() {
        for (StoreWatch<?> watch : bookmarkWatches) {
            watch.requestBookmark();
        }
    }

    /**
     * Stops the bookmark timer, and closes the backend when this store made it ({@link #inMemory});
     * otherwise watches stay open until closed or until their backend closes.
     */
    @Override
    public void close() {
        bookmarkTimer.shutdownNow();
        if (ownsBackend) {
            backend.close();
        }
    }

    // ---------------------------------------------------------------------------------- helpers

    private void validate(ResourceType<?> type, ApiObject object, ApiObject old) {
        @SuppressWarnings("unchecked")
        ResourceType<ApiObject> raw = (ResourceType<ApiObject>) type;
        List<FieldError> errors = raw.validator().validate(object, old);
        if (!errors.isEmpty()) {
            throw StatusErrors.invalid(type, object.metadata().name(), errors);
        }
    }

    /** The namespace a write of {@code meta} addresses: required for namespaced kinds, none for the others. */
    private static String scopedNamespace(ResourceType<?> type, ObjectMeta meta) {
        if (!type.namespaced()) {
            return null;
        }
        if (isBlank(meta.namespace())) {
            String name = isBlank(meta.name()) ? nullToEmpty(meta.generateName()) : meta.name();
            throw StatusErrors.invalid(type, name, List.of(FieldError.required("metadata.namespace", "")));
        }
        return meta.namespace();
    }

    /** Creating in a namespace needs it to exist and not be terminating (upstream's NamespaceLifecycle). */
    private void checkNamespace(ResourceType<?> type, String namespace, String name) {
        if (namespace == null) {
            return;
        }
        String namespaces = namespacePrefix;
        if (namespaces == null) {
            Optional<ResourceType<?>> kind = registry.forKind("v1", "Namespace");
            if (kind.isEmpty()) {
                return;
            }
            namespaces = namespacePrefix = prefix(kind.get());
        }
        KeyValue found = backend.get(Keys.key(namespaces, null, namespace))
                .orElseThrow(() -> StatusErrors.notFound("", "namespaces", namespace));
        if (found.value().metadata().isBeingDeleted()) {
            throw StatusErrors.namespaceTerminating(type, name, namespace);
        }
        namespaceNames.putIfAbsent(namespace, namespace);
    }

    private String key(ResourceType<?> type, String namespace, String name) {
        return Keys.key(prefix(type), type.namespaced() ? namespace : null, name);
    }

    private String prefix(ResourceType<?> type) {
        String prefix = prefixes.get(type);
        if (prefix == null) {
            prefix = Keys.kindPrefix(type.group(), type.plural());
            prefixes.put(type, prefix);
        }
        return prefix;
    }

    private Instant now() {
        // Timestamps travel as RFC 3339 with seconds: store them as they will be read back. Objects
        // written in the same second share one Instant (memory, not correctness: it is immutable).
        Instant now = clock.now().truncatedTo(ChronoUnit.SECONDS);
        Instant last = lastSecond;
        if (now.equals(last)) {
            return last;
        }
        lastSecond = now;
        return now;
    }

    private static long parseResourceVersion(String resourceVersion) {
        try {
            long value = Long.parseLong(resourceVersion);
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw StatusErrors.badRequest("invalid resource version: " + resourceVersion);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isEmpty();
    }

    private static String blankToNull(String value) {
        return isBlank(value) ? null : value;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
