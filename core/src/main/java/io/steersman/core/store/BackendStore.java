package io.steersman.core.store;

import io.steersman.api.client.AlreadyExistsException;
import io.steersman.api.client.DeleteOptions;
import io.steersman.api.controller.Clock;
import io.steersman.api.model.ApiObject;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.core.Namespace;
import io.steersman.api.model.core.Node;
import io.steersman.api.model.core.PersistentVolume;
import io.steersman.api.model.core.PersistentVolumeClaim;
import io.steersman.api.model.core.Pod;
import io.steersman.api.model.core.Service;
import io.steersman.api.resource.FieldError;
import io.steersman.api.resource.ResourceRegistry;
import io.steersman.api.resource.ResourceType;
import io.steersman.core.backend.Backend;
import io.steersman.core.backend.BackendWatch;
import io.steersman.core.backend.CompactedException;
import io.steersman.core.backend.KeyValue;
import io.steersman.core.backend.Keys;
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

    /**
     * @param bookmarkInterval how often watches that allow bookmarks get one (upstream: about a minute)
     * @param serviceClusterIpRange the IPv4 CIDR Service cluster IPs come from (upstream's
     *     {@code --service-cluster-ip-range}; default kubeadm's {@value ServiceCidr#DEFAULT})
     * @param serviceNodePortRange the ports NodePort Services get (upstream's
     *     {@code --service-node-port-range}; default {@value NodePortRange#DEFAULT})
     */
    public record Options(Duration bookmarkInterval, String serviceClusterIpRange, String serviceNodePortRange) {
        /** The setting that overrides {@link #serviceClusterIpRange} in a control plane's settings. */
        public static final String CLUSTER_IP_RANGE_SETTING = "steersman.service.cluster-ip-range";
        /** The setting that overrides {@link #serviceNodePortRange} in a control plane's settings. */
        public static final String NODE_PORT_RANGE_SETTING = "steersman.service.node-port-range";

        public Options {
            Objects.requireNonNull(bookmarkInterval, "bookmarkInterval");
            serviceClusterIpRange = serviceClusterIpRange == null ? ServiceCidr.DEFAULT : serviceClusterIpRange;
            serviceNodePortRange = serviceNodePortRange == null ? NodePortRange.DEFAULT : serviceNodePortRange;
        }

        public Options(Duration bookmarkInterval) {
            this(bookmarkInterval, null, null);
        }

        public static Options defaults() {
            return new Options(Duration.ofMinutes(1));
        }

        /**
         * The first address of the cluster IP range, which upstream's API server gives the
         * {@code kubernetes} Service (10.96.0.1 for the default range).
         *
         * @throws IllegalArgumentException when the range does not parse
         */
        public String firstClusterIp() {
            return ServiceCidr.parse(serviceClusterIpRange).ipAt(0);
        }

        /** A copy with other Service ranges; null keeps the default. */
        public Options withServiceRanges(String clusterIpRange, String nodePortRange) {
            return new Options(bookmarkInterval, clusterIpRange, nodePortRange);
        }
    }

    /** Upstream's finalizers for Foreground and Orphan propagation. */
    public static final String FOREGROUND_FINALIZER = Deletion.FOREGROUND_FINALIZER;
    public static final String ORPHAN_FINALIZER = Deletion.ORPHAN_FINALIZER;

    /** How often a read-modify-write is retried when another writer wins the race. */
    private static final int MAX_ATTEMPTS = 64;
    /** Upstream retries a generated name that collides (RetryGenerateName) up to 7 more times. */
    private static final int NAME_ATTEMPTS = 8;

    private final ResourceRegistry registry;
    private final Clock clock;
    private final Backend backend;
    private final Lister lister;
    private final Map<ResourceType<?>, String> prefixes = new ConcurrentHashMap<>();
    private static final KindRules<ApiObject> NO_RULES = new KindRules<>() {};
    private static final Map<Class<?>, KindRules<?>> RULES = Map.of(Pod.class, new PodRules(), Namespace.class, new NamespaceRules(),
            Node.class, KindRules.withoutGeneration(),
            PersistentVolume.class, KindRules.withoutGeneration(), PersistentVolumeClaim.class, KindRules.withoutGeneration());
    /** The Service strategy with this store's cluster IP and node port allocations; null when the registry has no Services. */
    private final ServiceRules serviceRules;
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
        return inMemory(registry, clock, Options.defaults());
    }

    /** The same with other options. */
    public static BackendStore inMemory(ResourceRegistry registry, Clock clock, Options options) {
        return new BackendStore(registry, clock, new io.steersman.core.backend.MemoryBackend(), options, NameGenerator::generate, true);
    }

    BackendStore(ResourceRegistry registry, Clock clock, Backend backend, Options options,
            UnaryOperator<String> nameGenerator, boolean ownsBackend) {
        this.nameGenerator = nameGenerator;
        this.ownsBackend = ownsBackend;
        this.registry = Objects.requireNonNull(registry, "registry");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.backend = Objects.requireNonNull(backend, "backend");
        this.lister = new Lister(backend);
        // Parsed before the timer starts, so a bad range leaves nothing running.
        this.serviceRules = serviceRules(registry, options);
        this.bookmarkTimer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "steersman-bookmarks");
            thread.setDaemon(true);
            return thread;
        });
        long period = options.bookmarkInterval().toMillis();
        bookmarkTimer.scheduleAtFixedRate(this::emitBookmarks, period, period, TimeUnit.MILLISECONDS);
        bootstrapNamespaces();
        restoreServiceAllocations();
    }

    /**
     * The Service rules when the registry serves the built-in Services.
     *
     * @throws IllegalArgumentException when a Service range in {@code options} does not parse
     */
    private static ServiceRules serviceRules(ResourceRegistry registry, Options options) {
        Optional<ResourceType<?>> found = registry.forKind(Service.API_VERSION, Service.KIND);
        if (found.isEmpty() || found.get().javaType() != Service.class) {
            return null;
        }
        ServiceCidr cidr;
        NodePortRange nodePorts;
        try {
            cidr = ServiceCidr.parse(options.serviceClusterIpRange());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(Options.CLUSTER_IP_RANGE_SETTING + ": " + e.getMessage(), e);
        }
        try {
            nodePorts = NodePortRange.parse(options.serviceNodePortRange());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(Options.NODE_PORT_RANGE_SETTING + ": " + e.getMessage(), e);
        }
        return new ServiceRules(registry.forType(Service.class), cidr, nodePorts, new java.util.Random());
    }

    /** The Service allocations, for tests in this package. */
    ServiceRules serviceRules() {
        return serviceRules;
    }

    /**
     * Marks the cluster IPs and node ports of the stored Services as taken, as upstream's repair
     * loop rebuilds its allocation maps: after a restart on a kept backend, nothing is handed out twice.
     */
    private void restoreServiceAllocations() {
        if (serviceRules == null) {
            return;
        }
        for (Service service : list(registry.forType(Service.class), ListOptions.all()).items()) {
            serviceRules.restore(service);
        }
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
    private <T extends ApiObject> KindRules<T> rules(ResourceType<T> type) {
        if (type.javaType() == Service.class && serviceRules != null) {
            return (KindRules<T>) serviceRules;
        }
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
        return lister.list(type, prefix(type), options);
    }

    // ---------------------------------------------------------------------------------- create

    @Override
    public <T extends ApiObject> T create(ResourceType<T> type, T object, WriteOptions options) {
        ObjectMeta meta = object.metadata();
        String namespace = scopedNamespace(type, meta);
        if (!Requests.isBlank(meta.resourceVersion())) {
            throw StatusErrors.internal("resourceVersion should not be set on objects to be created");
        }
        boolean generated = Requests.isBlank(meta.name());
        if (generated && Requests.isBlank(meta.generateName())) {
            throw StatusErrors.invalid(type, "", List.of(FieldError.required("metadata.name", "name or generateName is required")));
        }
        // As upstream: defaults when decoded, then the strategy's PrepareForCreate drops the status.
        T defaulted = defaulted(type, object);
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
                    .generation(prepared instanceof io.steersman.api.model.HasSpec<?> && rules(type).tracksGeneration() ? 1L : null)
                    .resourceVersion(null)
                    .deletionTimestamp(null)
                    .deletionGracePeriodSeconds(null)
                    .build();
            KindRules.Reservation<T> reservation = rules(type).beginCreate(Shapes.withMetadata(type, prepared, system), options.dryRun());
            boolean stored = false;
            try {
                T candidate = rules(type).prepareForCreate(reservation.object());
                validate(type, candidate, null);
                checkNamespace(type, namespace, name);
                String key = Keys.key(prefix(type), namespace, name);
                if (options.dryRun()) {
                    if (backend.get(key).isEmpty()) {
                        return candidate;
                    }
                } else {
                    TxnResult result = backend.txn(Txn.create(key, rules(type).share(candidate, null)));
                    if (result.succeeded()) {
                        stored = true;
                        return type.cast(result.first().kv().value());
                    }
                }
            } finally {
                if (stored) {
                    reservation.commit().run();
                } else {
                    reservation.revert().run();
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
        if (Requests.isBlank(meta.name())) {
            throw StatusErrors.invalid(type, "", List.of(FieldError.required("metadata.name", "name is required")));
        }
        String key = Keys.key(prefix(type), namespace, meta.name());
        boolean conditional = !Requests.isBlank(meta.resourceVersion());
        for (int attempt = 1; ; attempt++) {
            KeyValue current = backend.get(key).orElseThrow(() -> StatusErrors.notFound(type, meta.name()));
            T stored = type.cast(current.value());
            if (conditional && !meta.resourceVersion().equals(stored.metadata().resourceVersion())) {
                throw StatusErrors.modified(type, meta.name());
            }
            T written = writeUpdate(type, key, current, merge(type, stored, object, subresource), subresource, options);
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
        if (subresource == Subresource.STATUS && !type.hasStatus() || subresource == Subresource.BINDING && type.javaType() != Pod.class) {
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
            if (!Requests.isBlank(asked) && !asked.equals(storedVersion)) {
                throw StatusErrors.modified(type, name);
            }
            T written = writeUpdate(type, key, current, merge(type, stored, changed, subresource), subresource, options);
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
        if (!Requests.isBlank(in.uid()) && !in.uid().equals(old.uid())) {
            throw StatusErrors.conflict(type, old.name(), "Precondition failed: UID in precondition: " + in.uid() + ", UID in object meta: " + old.uid());
        }
        if (subresource == Subresource.BINDING) {
            return Binding.apply(type, stored, object, now());
        }
        T next;
        if (subresource == Subresource.STATUS) {
            next = Shapes.withStatus(type, stored, Shapes.status(object));
        } else {
            T candidate = type.hasStatus() ? Shapes.withStatus(type, object, Shapes.status(stored)) : object;
            candidate = rules(type).prepareForUpdate(defaulted(type, candidate), stored);
            ObjectMeta.Builder meta = candidate.metadata().toBuilder()
                    .name(old.name())
                    .namespace(old.namespace())
                    .uid(old.uid())
                    .creationTimestamp(old.creationTimestamp())
                    .deletionTimestamp(old.deletionTimestamp())
                    .deletionGracePeriodSeconds(old.deletionGracePeriodSeconds())
                    .generation(old.generation())
                    .resourceVersion(old.resourceVersion());
            if (rules(type).tracksGeneration() && Shapes.specChanged(stored, candidate)) {
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

    /** {@link #write} with what an update of the main resource reserves (a Service's new cluster IP), kept only when the write is stored. */
    private <T extends ApiObject> T writeUpdate(ResourceType<T> type, String key, KeyValue current, T next, Subresource subresource,
            WriteOptions options) {
        if (subresource != Subresource.MAIN) {
            return write(type, key, current, next, options);
        }
        KindRules.Reservation<T> reservation = rules(type).beginUpdate(next, type.cast(current.value()), options.dryRun());
        T written = null;
        try {
            written = write(type, key, current, reservation.object(), options);
            return written;
        } finally {
            if (written != null && !options.dryRun()) {
                reservation.commit().run();
            } else {
                reservation.revert().run();
            }
        }
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
                : backend.txn(Txn.update(key, current.modRevision(), rules(type).share(next, stored)));
        if (!result.succeeded()) {
            return null;
        }
        if (remove) {
            rules(type).removed(stored);
        }
        return type.cast(result.first().kv().value());
    }

    // ---------------------------------------------------------------------------------- delete

    @Override
    public <T extends ApiObject> T delete(ResourceType<T> type, String namespace, String name,
            DeleteOptions deleteOptions, WriteOptions options) {
        rules(type).admitDelete(name);
        DeleteOptions how = deleteOptions == null ? DeleteOptions.defaults() : deleteOptions;
        String key = key(type, namespace, name);
        for (int attempt = 1; ; attempt++) {
            KeyValue current = backend.get(key).orElseThrow(() -> StatusErrors.notFound(type, name));
            T stored = type.cast(current.value());
            ObjectMeta old = stored.metadata();
            Deletion.checkPreconditions(type, how, old);
            Optional<T> lingering = Deletion.markForDeletion(type, rules(type), stored, how, now());
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
                if (written != null) {
                    rules(type).removed(stored);
                }
            }
            if (written != null) {
                return written;
            }
            if (attempt == MAX_ATTEMPTS) {
                throw StatusErrors.modified(type, name);
            }
        }
    }

    // ---------------------------------------------------------------------------------- watch

    @Override
    public <T extends ApiObject> Watch watch(ResourceType<T> type, WatchOptions options, WatchListener<T> listener) {
        String kindPrefix = prefix(type);
        String namespace = type.namespaced() ? Requests.blankToNull(options.namespace()) : null;
        if (namespace == null && type.namespaced()) {
            namespace = options.fieldSelector().requiresExactMatch("metadata.namespace").orElse(null);
        }
        String prefix = namespace == null ? kindPrefix : Keys.namespacePrefix(kindPrefix, namespace);
        StoreWatch<?>[] self = new StoreWatch<?>[1];
        StoreWatch<T> watch = new StoreWatch<>(type, options, listener, () -> bookmarkWatches.remove(self[0]));
        self[0] = watch;
        String resourceVersion = Requests.blankToNull(options.resourceVersion());
        BackendWatch backendWatch;
        if (resourceVersion == null || "0".equals(resourceVersion)) {
            backendWatch = backend.watchWithInitialState(prefix, watch);
        } else {
            long after = Requests.parseResourceVersion(resourceVersion);
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

    /**
     * The kind's defaults applied to {@code object}; {@code object} itself when they change nothing,
     * so an object built from shared parts (a pod from its ReplicaSet's template) keeps sharing them.
     */
    private static <T extends ApiObject> T defaulted(ResourceType<T> type, T object) {
        T defaulted = type.defaulter().apply(object);
        return defaulted.equals(object) ? object : defaulted;
    }

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
        if (Requests.isBlank(meta.namespace())) {
            String name = Requests.isBlank(meta.name()) ? Requests.nullToEmpty(meta.generateName()) : meta.name();
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

}
