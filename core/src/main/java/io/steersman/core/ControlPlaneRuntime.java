package io.steersman.core;

import io.steersman.api.client.Client;
import io.steersman.api.controller.Clock;
import io.steersman.api.controller.ControllerPlugin;
import io.steersman.api.controller.PluginSettings;
import io.steersman.api.resource.ResourceRegistry;
import io.steersman.api.client.AlreadyExistsException;
import io.steersman.api.codec.Codec;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.core.Namespace;
import io.steersman.api.resource.BuiltinResources;
import io.steersman.core.backend.Backend;
import io.steersman.core.backend.StorageException;
import io.steersman.core.client.CachedClient;
import io.steersman.core.client.CodecPatcher;
import io.steersman.core.store.BackendStore;
import io.steersman.core.store.WriteOptions;
import io.steersman.core.controller.ControllerManager;
import io.steersman.core.controller.StartupException;
import io.steersman.core.controller.SystemPlugin;
import io.steersman.core.informer.SharedInformer;
import io.steersman.core.informer.SharedInformers;
import io.steersman.core.patch.Patcher;
import io.steersman.core.queue.QueueMetrics;
import io.steersman.core.store.Store;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A running control plane: a store, the shared informers over it, the cache-backed {@link Client},
 * and the controllers of the chosen plugins. The launcher, the API server and the test harness
 * ({@code io.steersman.testing.ControlPlane}) all start this class.
 *
 * <p>Two modes:
 * <ul>
 *   <li>worker threads (the default): each controller runs on its own threads against the given
 *       clock, as a real control plane does;</li>
 *   <li>deterministic ({@link Builder#deterministic}): no controller thread at all; {@link #settle}
 *       runs every queue on the caller's thread until nothing is left to do at the clock's current
 *       time. Tests move a manual clock and settle again; they never sleep.</li>
 * </ul>
 *
 * <p>Plugins: those given to {@link Builder#plugins}, else every {@code ControllerPlugin} that
 * {@link ServiceLoader} finds; always the core {@link SystemPlugin}s too (garbage collection,
 * namespaces, events), unless {@link Builder#systemPlugins(boolean)} turns them off for a
 * low-level test. Every start-up problem is reported at once in a {@link StartupException}.
 *
 * <p>Thread-safe, except that {@link #settle} must not run on two threads at once.
 */
public final class ControlPlaneRuntime implements AutoCloseable {
    private static final Duration INFORMER_TIMEOUT = Duration.ofSeconds(30);
    /**
     * With worker threads, time moves while settling: a key that waits less than this (a first
     * retry's few milliseconds of backoff) still counts as work to wait for.
     */
    private static final Duration REAL_TIME_HORIZON = Duration.ofSeconds(1);
    private static final List<String> INITIAL_NAMESPACES = List.of("default", "kube-system", "kube-public", "kube-node-lease");

    private final RevisionTrackingStore store;
    private final ResourceRegistry registry;
    private final Clock clock;
    private final SharedInformers informers;
    private final CachedClient client;
    private final ControllerManager manager;
    private final int settleRounds;
    private final Duration settleTimeout;
    /** What this runtime made and closes: the store and its backend, unless they were given. */
    private final List<AutoCloseable> owned;
    private volatile boolean closed;

    private ControlPlaneRuntime(Builder b, Store rawStore, List<AutoCloseable> owned, List<ControllerPlugin> plugins, List<String> loadProblems) {
        this.registry = b.registry;
        this.clock = b.clock;
        this.store = new RevisionTrackingStore(rawStore);
        this.owned = owned;
        this.informers = new SharedInformers(store, registry);
        this.client = new CachedClient(store, informers, b.patcher != null ? b.patcher : new CodecPatcher(new Codec(registry), clock));
        this.settleRounds = b.settleRounds;
        this.settleTimeout = b.settleTimeout;
        this.manager = new ControllerManager(store, informers, client, clock, b.pluginSettings(), plugins, b.deterministic, loadProblems);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The client reconcilers get: reads from the caches, writes to the store. */
    public Client client() {
        return client;
    }

    /** The store; writes through it are seen by {@link #settle}. */
    public Store store() {
        return store;
    }

    public ResourceRegistry registry() {
        return registry;
    }

    public Clock clock() {
        return clock;
    }

    public SharedInformers informers() {
        return informers;
    }

    public boolean isDeterministic() {
        return manager.isDeterministic();
    }

    /** Names of the running controllers. */
    public List<String> controllers() {
        return manager.controllerNames();
    }

    /** The plugins that run, system plugins included. */
    public List<ControllerPlugin> plugins() {
        return manager.plugins();
    }

    /** Every controller's queue figures. */
    public List<QueueMetrics> metrics() {
        return manager.metrics();
    }

    /**
     * Runs the control loop until nothing is left to do at the clock's current time: every informer
     * has delivered every write made through this control plane, every queue is empty, and no key
     * waits for a time that has come. Keys waiting for a later time stay waiting; move the clock and
     * settle again.
     *
     * <p>In the deterministic mode the reconciles run on the calling thread, in rounds; after the
     * configured number of rounds (default 1000) it throws {@link NotSettledException} naming the
     * keys of the last round. With worker threads it waits for them (condition waits, not sleeps)
     * until nothing is queued, nothing is processing and no key waits for less than a second (a
     * retry after a few milliseconds of backoff is still waited for), and gives up after the settle
     * timeout (default 60 s).
     */
    public void settle() {
        ensureOpen();
        try {
            if (manager.isDeterministic()) {
                settleDeterministically();
            } else {
                settleWorkers();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while settling", e);
        }
    }

    private void settleDeterministically() throws InterruptedException {
        ControllerManager.Round lastRound = null;
        Runnable catchUp = () -> {
            try {
                awaitInformers();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while settling", e);
            }
        };
        for (int round = 0; round < settleRounds; round++) {
            ControllerManager.Round processed = manager.processDue(catchUp);
            if (processed.isEmpty()) {
                awaitInformers();
                if (!manager.hasWorkNow()) {
                    return;
                }
            } else {
                lastRound = processed;
            }
        }
        throw notSettled("settle() gave up after " + settleRounds + " rounds: the controllers keep changing things",
                lastRound == null ? List.of() : lastRound.describe());
    }

    private void settleWorkers() throws InterruptedException {
        manager.wakeUp();
        long deadline = System.nanoTime() + settleTimeout.toNanos();
        while (System.nanoTime() < deadline) {
            awaitInformers();
            if (!manager.hasWorkWithin(REAL_TIME_HORIZON)) {
                awaitInformers();
                if (!manager.hasWorkWithin(REAL_TIME_HORIZON)) {
                    return;
                }
            }
            manager.awaitActivity(Duration.ofMillis(20));
        }
        List<String> busy = new ArrayList<>();
        for (QueueMetrics m : manager.metrics()) {
            if (m.depth() > 0 || m.processing() > 0) {
                busy.add(m.name() + ": " + m.depth() + " queued, " + m.processing() + " processing");
            }
        }
        throw notSettled("settle() gave up after " + settleTimeout + ": the controllers keep working", busy);
    }

    private void awaitInformers() throws InterruptedException {
        List<SharedInformer<?>> behind = informers.awaitRevisions(store.writtenRevisions(), INFORMER_TIMEOUT);
        if (!behind.isEmpty()) {
            Map<io.steersman.api.resource.ResourceType<?>, Long> written = store.writtenRevisions();
            List<String> names = behind.stream()
                    .map(i -> i.type() + " at revision " + i.lastRevision() + ", store wrote " + written.get(i.type()))
                    .toList();
            throw notSettled("settle(): informers did not catch up with the store within " + INFORMER_TIMEOUT + ": " + names, names);
        }
    }

    private static NotSettledException notSettled(String message, List<String> busy) {
        int shown = Math.min(busy.size(), 20);
        String keys = busy.isEmpty() ? "" : "; busy keys: " + String.join(", ", new LinkedHashSet<>(busy.subList(0, shown)))
                + (busy.size() > shown ? ", ... (" + busy.size() + " in all)" : "");
        return new NotSettledException(message + keys, busy);
    }

    /**
     * The namespaces every cluster has from its start ({@code default}, {@code kube-system},
     * {@code kube-public}, {@code kube-node-lease}), when the registry serves namespaces: as
     * upstream's API server bootstrap does, before any controller runs.
     */
    private void createInitialNamespaces() {
        Optional<io.steersman.api.resource.ResourceType<?>> kind = registry.forKind(Namespace.API_VERSION, Namespace.KIND);
        if (kind.isEmpty() || kind.get().javaType() != Namespace.class) {
            return;
        }
        io.steersman.api.resource.ResourceType<Namespace> namespaces = registry.forType(Namespace.class);
        for (String name : INITIAL_NAMESPACES) {
            if (store.get(namespaces, null, name).isEmpty()) {
                try {
                    store.create(namespaces, Namespace.of(ObjectMeta.named(null, name), null), WriteOptions.DEFAULT);
                } catch (AlreadyExistsException e) {
                    // Made meanwhile by whoever else shares the store: what we wanted.
                }
            }
        }
    }

    /**
     * Worker mode only: wakes the workers so they notice that a manual clock moved (in the
     * deterministic mode {@link #settle} looks at the clock itself).
     */
    public void clockMoved() {
        manager.wakeUp();
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the control plane is closed");
        }
    }

    /** Stops the controllers (bounded), the informers, and the store if this runtime created it. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            manager.close();
        } finally {
            informers.close();
            for (AutoCloseable closeable : owned) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    throw new IllegalStateException("closing " + closeable + " failed", e);
                }
            }
        }
    }

    /** Collects a control plane's parts; {@link #start} reports every problem at once. */
    public static final class Builder {
        private ResourceRegistry registry;
        private Clock clock = Clock.SYSTEM;
        private Store store;
        private BiFunction<ResourceRegistry, Clock, Store> storeFactory;
        private Function<ResourceRegistry, Backend> backendFactory;
        private final List<ControllerPlugin> plugins = new ArrayList<>();
        private boolean explicitPlugins;
        private boolean serviceLoaderPlugins;
        private boolean systemPlugins = true;
        private final Set<Class<?>> excluded = new LinkedHashSet<>();
        private final Map<String, String> settingsMap = new LinkedHashMap<>();
        private PluginSettings settings;
        private Patcher patcher;
        private boolean deterministic;
        private int settleRounds = 1000;
        private Duration settleTimeout = Duration.ofSeconds(60);
        private ClassLoader classLoader;

        private Builder() {}

        /** The kinds the API serves; plugins add theirs to it. Default: a new registry of the built-in kinds. */
        public Builder registry(ResourceRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * A store made elsewhere; the caller closes it. Give the builder the registry the store was
         * made with, so both know the same kinds. Default: a store over a new in-memory backend.
         */
        public Builder store(Store store) {
            this.store = Objects.requireNonNull(store, "store");
            this.storeFactory = null;
            return this;
        }

        /** Makes the store once the registry holds every kind; the runtime closes it if it is {@link AutoCloseable}. */
        public Builder store(BiFunction<ResourceRegistry, Clock, Store> factory) {
            this.storeFactory = Objects.requireNonNull(factory, "factory");
            this.store = null;
            return this;
        }

        /**
         * The backend of the default store, made once the registry holds every kind (a durable
         * backend decodes the objects it holds with it), instead of a new in-memory one; the runtime
         * closes it after the store. A {@link StorageException} it throws (a database file that
         * cannot be used) is reported as a start-up problem.
         */
        public Builder backend(Function<ResourceRegistry, Backend> factory) {
            this.backendFactory = Objects.requireNonNull(factory, "factory");
            return this;
        }

        /** Runs exactly these plugins (plus system plugins), instead of every plugin ServiceLoader finds. */
        public Builder plugins(ControllerPlugin... plugins) {
            return plugins(List.of(plugins));
        }

        public Builder plugins(List<? extends ControllerPlugin> plugins) {
            this.plugins.addAll(plugins);
            this.explicitPlugins = true;
            return this;
        }

        /** Also runs every plugin ServiceLoader finds (the default when no plugin is given). */
        public Builder serviceLoaderPlugins() {
            this.serviceLoaderPlugins = true;
            return this;
        }

        /** Leaves out discovered plugins of these classes (to replace the node agent, say). */
        @SafeVarargs
        public final Builder without(Class<? extends ControllerPlugin>... pluginClasses) {
            for (Class<? extends ControllerPlugin> pluginClass : pluginClasses) {
                excluded.add(pluginClass);
            }
            return this;
        }

        /** Whether the core system plugins run (default true); off only for tests of the loop itself. */
        public Builder systemPlugins(boolean enabled) {
            this.systemPlugins = enabled;
            return this;
        }

        /** The class loader ServiceLoader searches; default: the thread's context class loader. */
        public Builder classLoader(ClassLoader classLoader) {
            this.classLoader = classLoader;
            return this;
        }

        public Builder setting(String key, String value) {
            settingsMap.put(key, value);
            return this;
        }

        public Builder settings(Map<String, String> settings) {
            settingsMap.putAll(settings);
            return this;
        }

        /** Settings from elsewhere (the launcher's config); {@link #setting} values win over them. */
        public Builder settings(PluginSettings settings) {
            this.settings = settings;
            return this;
        }

        /** How the client applies patches; default: the core patch engines over the codec. */
        public Builder patcher(Patcher patcher) {
            this.patcher = patcher;
            return this;
        }

        /** No controller threads: {@link ControlPlaneRuntime#settle} drives the loop on the caller's thread. */
        public Builder deterministic(boolean deterministic) {
            this.deterministic = deterministic;
            return this;
        }

        /** How many rounds a deterministic settle() may take before it gives up (default 1000). */
        public Builder settleRounds(int rounds) {
            if (rounds < 1) {
                throw new IllegalArgumentException("settleRounds must be at least 1");
            }
            this.settleRounds = rounds;
            return this;
        }

        /** How long settle() waits for worker threads before it gives up (default 60 s). */
        public Builder settleTimeout(Duration timeout) {
            this.settleTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * Registers the plugins' kinds, builds the store (from the factory) and the controllers,
         * fills the caches and starts the loop. Throws {@link StartupException} listing every problem.
         */
        public ControlPlaneRuntime start() {
            if (registry == null) {
                registry = BuiltinResources.registry();
            }
            List<String> problems = new ArrayList<>();
            List<ControllerPlugin> chosen = new ArrayList<>();
            if (systemPlugins) {
                chosen.addAll(load(SystemPlugin.class, problems));
            }
            chosen.addAll(plugins);
            if (!explicitPlugins || serviceLoaderPlugins) {
                // A discovered plugin of a class already chosen (given explicitly, or a system plugin
                // listed in both services files) is the same plugin: it runs once.
                Set<Class<?>> given = new java.util.HashSet<>();
                chosen.forEach(p -> given.add(p.getClass()));
                load(ControllerPlugin.class, problems).stream().filter(p -> !given.contains(p.getClass())).forEach(chosen::add);
            }
            chosen.removeIf(p -> excluded.contains(p.getClass()));
            ControlPlaneRuntime runtime = null;
            try {
                // Kinds first: the store factory may need the full registry.
                registerKinds(chosen, problems);
                List<AutoCloseable> owned = new ArrayList<>();
                Store raw;
                if (store != null) {
                    raw = store;
                } else if (storeFactory != null) {
                    raw = storeFactory.apply(registry, clock);
                    if (raw instanceof AutoCloseable closeable) {
                        owned.add(closeable);
                    }
                } else {
                    BackendStore made;
                    Backend backend = null;
                    try {
                        if (backendFactory == null) {
                            made = BackendStore.inMemory(registry, clock, storeOptions());
                        } else {
                            backend = backendFactory.apply(registry);
                            made = new BackendStore(registry, clock, backend, storeOptions());
                        }
                    } catch (IllegalArgumentException | StorageException problem) {
                        if (backend != null) {
                            backend.close();
                        }
                        problems.add(problem.getMessage());
                        throw new StartupException(problems);
                    }
                    owned.add(made);
                    if (backend != null) {
                        owned.add(backend);
                    }
                    raw = made;
                }
                runtime = new ControlPlaneRuntime(this, raw, owned, chosen, problems);
                runtime.createInitialNamespaces();
                runtime.manager.start();
                return runtime;
            } catch (RuntimeException e) {
                if (runtime != null) {
                    runtime.close();
                }
                throw e;
            }
        }

        /** Registers kinds early so a store factory sees them; the manager reports duplicates and failures. */
        private void registerKinds(List<ControllerPlugin> chosen, List<String> problems) {
            for (ControllerPlugin plugin : chosen) {
                try {
                    for (io.steersman.api.resource.ResourceType<?> type : plugin.resourceTypes()) {
                        if (registry.forKind(type.apiVersion(), type.kind()).isEmpty()) {
                            try {
                                registry.register(type);
                            } catch (IllegalArgumentException e) {
                                // A clash of plural names: the manager reports it with the plugin's name.
                            }
                        }
                    }
                } catch (RuntimeException e) {
                    // Reported by the manager, which asks again.
                }
            }
        }

        private <P extends ControllerPlugin> List<P> load(Class<P> service, List<String> problems) {
            ClassLoader loader = classLoader != null ? classLoader : Thread.currentThread().getContextClassLoader();
            List<P> found = new ArrayList<>();
            Iterator<P> it = ServiceLoader.load(service, loader).iterator();
            while (true) {
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    found.add(it.next());
                } catch (ServiceConfigurationError e) {
                    problems.add("loading plugins (" + service.getSimpleName() + "): " + e.getMessage()
                            + (e.getCause() != null ? " (" + e.getCause() + ")" : ""));
                }
            }
            return found;
        }

        /** The default store's options: the Service ranges from the settings, when set. */
        private BackendStore.Options storeOptions() {
            PluginSettings settings = pluginSettings();
            return BackendStore.Options.defaults().withServiceRanges(
                    settings.get(BackendStore.Options.CLUSTER_IP_RANGE_SETTING).orElse(null),
                    settings.get(BackendStore.Options.NODE_PORT_RANGE_SETTING).orElse(null));
        }

        PluginSettings pluginSettings() {
            Map<String, String> own = Map.copyOf(settingsMap);
            PluginSettings fallback = settings == null ? PluginSettings.EMPTY : settings;
            return key -> own.containsKey(key) ? Optional.of(own.get(key)) : fallback.get(key);
        }
    }

    @Override
    public String toString() {
        return "ControlPlaneRuntime[" + manager.controllerNames().stream().collect(Collectors.joining(", ")) + "]";
    }
}
