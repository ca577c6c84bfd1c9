package io.steersman.core.controller;

import com.google.inject.AbstractModule;
import com.google.inject.ConfigurationException;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import com.google.inject.Stage;
import com.google.inject.spi.Message;
import com.google.inject.util.Modules;
import io.steersman.api.client.Client;
import io.steersman.api.controller.Clock;
import io.steersman.api.controller.ControllerPlugin;
import io.steersman.api.controller.ControllerSpec;
import io.steersman.api.controller.EventMapper;
import io.steersman.api.controller.EventRecorder;
import io.steersman.api.controller.PluginService;
import io.steersman.api.controller.PluginSettings;
import io.steersman.api.controller.Reconciler;
import io.steersman.api.controller.Request;
import io.steersman.api.model.ApiObject;
import io.steersman.api.model.OwnerReference;
import io.steersman.api.resource.ResourceRegistry;
import io.steersman.api.resource.ResourceType;
import io.steersman.api.model.core.Event;
import io.steersman.core.event.EventRecorders;
import io.steersman.core.informer.ResourceEventHandler;
import io.steersman.core.informer.SharedInformer;
import io.steersman.core.informer.SharedInformers;
import io.steersman.core.queue.MaxOfRateLimiter;
import io.steersman.core.queue.QueueMetrics;
import io.steersman.core.queue.WorkQueue;
import io.steersman.core.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the controllers of a set of plugins: registers their kinds, builds one Guice injector that
 * constructs every reconciler with its collaborators ({@link Client}, {@link Clock},
 * {@link EventRecorder}, {@link PluginSettings}, {@link ResourceRegistry}, and any class with an
 * injectable constructor), builds a queue per controller and the informer handlers that feed it,
 * starts the informers (their first list is in the caches and queues when {@link #start} returns),
 * then runs each controller's workers and starts the plugins' {@link PluginService}s (constructed by
 * the same injector; closed in reverse order, first, by {@link #close}).
 *
 * <p>Every start-up problem of every plugin and reconciler is collected and thrown at once as a
 * {@link StartupException}.
 *
 * <p>Events of a kind a controller {@code owns} map to the primary named by the object's controller
 * owner reference, when that reference's kind and group are the primary's; a {@code watches} kind
 * maps through its {@link EventMapper}. On an update, both the old and the new object are mapped.
 *
 * <p>In the deterministic mode no thread is started: {@link #processDue} runs the keys that are due
 * on the caller's thread. Otherwise each controller has {@code workers} threads named
 * {@code controller-<name>}. {@link #close} stops them within a bounded time.
 */
public final class ControllerManager implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ControllerManager.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    /** The {@code source.component} of events from an injected EventRecorder (a controller's Context names the controller). */
    static final String DEFAULT_COMPONENT = "steersman-controller-manager";

    private final ResourceRegistry registry;
    private final SharedInformers informers;
    private final Client client;
    private final Clock clock;
    private final PluginSettings settings;
    private final Store store;
    private final List<ControllerPlugin> plugins;
    private final boolean deterministic;
    private final List<String> earlierProblems;
    /** Writes Events when the registry serves them; null otherwise (events are then discarded). */
    private final EventRecorders eventRecorders;
    /** What a reconciler that asks for an EventRecorder in its constructor gets; its Context has its controller's own. */
    private final EventRecorder defaultRecorder;
    private final List<Controller<?>> controllers = new ArrayList<>();
    /** The plugins' services that were started, in start order. */
    private final List<PluginService> services = new ArrayList<>();
    private final Object activity = new Object();
    private boolean started;
    private boolean closed;

    /**
     * {@code plugins} in order, system plugins among them; an instance listed twice runs once.
     * {@code deterministic}: run no threads, see {@link #processDue}. {@code earlierProblems}, from
     * loading the plugins, are reported with the manager's own.
     */
    public ControllerManager(Store store, SharedInformers informers, Client client, Clock clock, PluginSettings settings,
            List<? extends ControllerPlugin> plugins, boolean deterministic, List<String> earlierProblems) {
        this.store = store;
        this.registry = informers.registry();
        this.informers = informers;
        this.client = client;
        this.clock = clock;
        this.settings = settings;
        this.deterministic = deterministic;
        this.earlierProblems = List.copyOf(earlierProblems);
        this.eventRecorders = servesEvents(registry) ? new EventRecorders(client, clock) : null;
        this.defaultRecorder = eventRecorders != null ? eventRecorders.forComponent(DEFAULT_COMPONENT) : EventRecorder.DISCARD;
        Set<ControllerPlugin> unique = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        List<ControllerPlugin> ordered = new ArrayList<>();
        for (ControllerPlugin plugin : plugins) {
            if (unique.add(plugin)) {
                ordered.add(plugin);
            }
        }
        this.plugins = List.copyOf(ordered);
    }

    public List<ControllerPlugin> plugins() {
        return plugins;
    }

    /** Registers, constructs and starts everything; throws {@link StartupException} with every problem found. */
    public synchronized void start() {
        if (started) {
            throw new IllegalStateException("the controller manager is started already");
        }
        started = true;
        List<String> problems = new ArrayList<>(earlierProblems);
        registerKinds(problems);
        List<Declared> declared = declare(problems);
        Injector injector = injector(problems);
        List<Runnable> wiring = new ArrayList<>();
        List<PluginService> constructed = new ArrayList<>();
        if (injector != null) {
            EventRecorder events = instance(injector, EventRecorder.class, "the EventRecorder", problems);
            for (Declared d : declared) {
                Object reconciler = instance(injector, d.reconcilerClass(), "controller '" + d.name() + "' (plugin " + d.plugin().name() + ")", problems);
                if (reconciler != null && events != null) {
                    wiring.add(() -> wire(d, reconciler, events));
                }
            }
            constructed = constructServices(injector, problems);
        }
        if (!problems.isEmpty()) {
            throw new StartupException(problems);
        }
        wiring.forEach(Runnable::run);
        for (SharedInformer<?> informer : informers.all()) {
            try {
                informers.started(informer.type());
            } catch (RuntimeException e) {
                problems.add("the informer of " + informer.type() + " could not list: " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new StartupException(problems);
        }
        if (!deterministic) {
            controllers.forEach(Controller::startWorkers);
        }
        startServices(constructed);
        log.info("started {} controllers and {} services of {} plugins", controllers.size(), services.size(), plugins.size());
    }

    private List<PluginService> constructServices(Injector injector, List<String> problems) {
        List<PluginService> constructed = new ArrayList<>();
        for (ControllerPlugin plugin : plugins) {
            List<Class<? extends PluginService>> classes;
            try {
                classes = plugin.services();
            } catch (RuntimeException e) {
                problems.add("plugin " + plugin.name() + ": services() failed: " + e);
                continue;
            }
            for (Class<? extends PluginService> type : classes) {
                PluginService service = instance(injector, type, "service " + type.getName() + " (plugin " + plugin.name() + ")", problems);
                if (service != null) {
                    constructed.add(service);
                }
            }
        }
        return constructed;
    }

    /** Starts the services in order; if one fails, stops the ones started and everything else, then throws. */
    private void startServices(List<PluginService> constructed) {
        for (PluginService service : constructed) {
            try {
                service.start();
            } catch (Exception e) {
                close();
                throw new StartupException(List.of("service " + service.getClass().getName() + " could not start: " + e));
            }
            services.add(service);
        }
    }

    /** One controller as declared, checked, before it is wired. */
    private record Declared(String name, ControllerPlugin plugin, ControllerSpec<?> spec, KindControllerSpec kindSpec) {
        Class<?> reconcilerClass() {
            return spec != null ? spec.reconciler() : kindSpec.reconciler();
        }
    }

    private void registerKinds(List<String> problems) {
        for (ControllerPlugin plugin : plugins) {
            List<io.steersman.api.resource.ResourceType<?>> types;
            try {
                types = plugin.resourceTypes();
            } catch (RuntimeException e) {
                problems.add("plugin " + plugin.name() + ": resourceTypes() failed: " + e);
                continue;
            }
            for (ResourceType<?> type : types) {
                try {
                    if (registered(type)) {
                        continue; // the same kind from a registry the caller prepared
                    }
                    registry.register(type);
                } catch (RuntimeException e) {
                    problems.add("plugin " + plugin.name() + ": " + e.getMessage());
                }
            }
        }
    }

    private boolean registered(ResourceType<?> type) {
        return registry.forKind(type.apiVersion(), type.kind()).filter(existing -> existing == type).isPresent();
    }

    private List<Declared> declare(List<String> problems) {
        List<Declared> declared = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ControllerPlugin plugin : plugins) {
            List<ControllerSpec<?>> specs;
            List<KindControllerSpec> kindSpecs = List.of();
            try {
                specs = plugin.controllers();
                if (plugin instanceof SystemPlugin system) {
                    kindSpecs = system.kindControllers();
                }
            } catch (RuntimeException e) {
                problems.add("plugin " + plugin.name() + ": " + e.getMessage());
                continue;
            }
            for (ControllerSpec<?> spec : specs) {
                String where = "controller '" + spec.name() + "' (plugin " + plugin.name() + ")";
                if (!names.add(spec.name())) {
                    problems.add(where + ": another controller has the same name");
                }
                boolean ok = checkKind(spec.primary(), where + ": primary kind", problems);
                for (ControllerSpec.Watch<?> watch : spec.watches()) {
                    ok &= checkKind(watch.kind(), where + ": watched kind", problems);
                }
                if (ok) {
                    declared.add(new Declared(spec.name(), plugin, spec, null));
                }
            }
            for (KindControllerSpec spec : kindSpecs) {
                if (!names.add(spec.name())) {
                    problems.add("controller '" + spec.name() + "' (plugin " + plugin.name() + "): another controller has the same name");
                } else {
                    declared.add(new Declared(spec.name(), plugin, null, spec));
                }
            }
        }
        return declared;
    }

    private static boolean servesEvents(ResourceRegistry registry) {
        return registry.forKind(Event.API_VERSION, Event.KIND).filter(t -> t.javaType() == Event.class).isPresent();
    }

    private boolean checkKind(Class<? extends ApiObject> kind, String what, List<String> problems) {
        try {
            registry.forType(kind);
            return true;
        } catch (IllegalArgumentException e) {
            problems.add(what + " " + kind.getName() + " is not registered: no plugin and no built-in kind declares it");
            return false;
        }
    }

    private Injector injector(List<String> problems) {
        Module base = new AbstractModule() {
            @Override
            protected void configure() {
                bind(Client.class).toInstance(client);
                bind(Clock.class).toInstance(clock);
                bind(PluginSettings.class).toInstance(settings);
                bind(ResourceRegistry.class).toInstance(registry);
                if (eventRecorders != null) {
                    bind(EventRecorders.class).toInstance(eventRecorders);
                }
                bind(EventRecorder.class).toInstance(defaultRecorder);
                bind(Store.class).toInstance(store);
                bind(SharedInformers.class).toInstance(informers);
            }
        };
        List<Module> overrides = new ArrayList<>();
        for (ControllerPlugin plugin : plugins) {
            if (plugin instanceof SystemPlugin system) {
                try {
                    Module module = system.bindings();
                    if (module != null) {
                        overrides.add(module);
                    }
                } catch (RuntimeException e) {
                    problems.add("plugin " + plugin.name() + ": bindings() failed: " + e);
                }
            }
        }
        try {
            return Guice.createInjector(Stage.PRODUCTION, Modules.override(base).with(overrides));
        } catch (CreationException e) {
            for (Message message : e.getErrorMessages()) {
                problems.add("bindings: " + message.getMessage());
            }
            return null;
        }
    }

    private static <T> T instance(Injector injector, Class<T> type, String what, List<String> problems) {
        try {
            return injector.getInstance(type);
        } catch (ConfigurationException e) {
            guiceProblems(what, e.getErrorMessages(), problems);
        } catch (ProvisionException e) {
            guiceProblems(what, e.getErrorMessages(), problems);
        } catch (RuntimeException | LinkageError e) {
            problems.add(what + ": cannot construct " + type.getName() + ": " + e);
        }
        return null;
    }

    private static void guiceProblems(String what, Collection<Message> messages, List<String> problems) {
        for (Message message : messages) {
            String text = message.getMessage();
            Throwable cause = message.getCause();
            if (cause != null && !text.contains(String.valueOf(cause.getMessage()))) {
                text = text + " (" + cause + ")";
            }
            problems.add(what + ": " + text);
        }
    }

    // ---- wiring ----

    private void wire(Declared d, Object reconciler, EventRecorder events) {
        if (d.spec() != null) {
            // Unless a system plugin bound a recorder of its own, each controller's events name it as their source, as upstream's do.
            boolean ours = eventRecorders != null && events == defaultRecorder;
            wireSpec(d.spec(), reconciler, ours ? eventRecorders.forComponent(d.name()) : events);
        } else {
            wireKinds(d.kindSpec(), (KindReconciler) reconciler);
        }
    }

    @SuppressWarnings("unchecked")
    private <T extends ApiObject> void wireSpec(ControllerSpec<T> spec, Object instance, EventRecorder events) {
        Reconciler<T> reconciler = (Reconciler<T>) instance;
        ResourceType<T> primaryType = registry.forType(spec.primary());
        SharedInformer<T> primary = informers.forType(primaryType);
        WorkQueue<Request> queue = new WorkQueue<>(spec.name(), clock, MaxOfRateLimiter.defaultControllerRateLimiter(clock));
        Controller<Request> controller = new Controller<>(spec.name(), queue,
                request -> reconciler.reconcile(request, new ReconcileContext<>(
                        primary.get(request.namespace(), request.name()), client, clock, events)),
                spec.workers(), this::signalActivity);
        controllers.add(controller);
        // An update's old and new object have the same name: the key is added once.
        primary.addHandler(handler(object -> queue.add(Request.of(object)), false));
        for (ControllerSpec.Watch<?> watch : spec.watches()) {
            wireWatch(spec.name(), watch, primaryType, queue);
        }
    }

    private <S extends ApiObject> void wireWatch(String controller, ControllerSpec.Watch<S> watch, ResourceType<?> primaryType, WorkQueue<Request> queue) {
        ResourceType<S> type = registry.forType(watch.kind());
        if (watch.isOwned()) {
            informers.forType(type).addHandler(ownedHandler(primaryType, queue));
            return;
        }
        EventMapper<S> mapper = watch.mapper();
        Consumer<S> enqueue = object -> {
            try {
                Collection<Request> requests = mapper.map(object, client);
                if (requests != null) {
                    requests.forEach(queue::add);
                }
            } catch (RuntimeException e) {
                log.error("controller {}: the event mapper for {} threw on {}; it must not", controller, type, object.name(), e);
            }
        };
        informers.forType(type).addHandler(handler(enqueue, true));
    }

    /** The primary an owned object's controller reference names, if it is of the primary's kind and group. */
    private static Optional<Request> ownerRequest(ApiObject object, ResourceType<?> primaryType) {
        Optional<OwnerReference> ref = object.metadata().controllerRef();
        if (ref.isEmpty() || !primaryType.kind().equals(ref.get().kind()) || !primaryType.group().equals(group(ref.get().apiVersion()))) {
            return Optional.empty();
        }
        return Optional.of(new Request(primaryType.namespaced() ? object.namespace() : null, ref.get().name()));
    }

    private static String group(String apiVersion) {
        if (apiVersion == null) {
            return "";
        }
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    private void wireKinds(KindControllerSpec spec, KindReconciler reconciler) {
        WorkQueue<ObjectRef> queue = new WorkQueue<>(spec.name(), clock, MaxOfRateLimiter.defaultControllerRateLimiter(clock));
        Controller<ObjectRef> controller = new Controller<>(spec.name(), queue, ref -> reconciler.reconcile(ref, client),
                spec.workers(), this::signalActivity);
        controllers.add(controller);
        for (ResourceType<?> type : registry.all()) {
            wireKind(spec, type, queue);
        }
    }

    private <T extends ApiObject> void wireKind(KindControllerSpec spec, ResourceType<T> type, WorkQueue<ObjectRef> queue) {
        informers.forType(type).addHandler(new ResourceEventHandler<T>() {
            @Override
            public void onAdd(T object) {
                map(object, false);
            }

            @Override
            public void onUpdate(T oldObject, T newObject) {
                map(newObject, false);
            }

            @Override
            public void onDelete(T object) {
                map(object, true);
            }

            private void map(T object, boolean deleted) {
                try {
                    Collection<ObjectRef> refs = spec.mapper().map(type, object, deleted, informers);
                    if (refs != null) {
                        refs.forEach(queue::add);
                    }
                } catch (RuntimeException e) {
                    log.error("controller {}: the event mapper threw on {} {}; it must not", spec.name(), type, object.name(), e);
                }
            }
        });
    }

    /**
     * An owned kind's handler: enqueues the primary named by the controller reference; on an
     * update, the old one's too when the reference changed (an adoption or a release).
     */
    private static <S extends ApiObject> ResourceEventHandler<S> ownedHandler(ResourceType<?> primaryType, WorkQueue<Request> queue) {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(S object) {
                ownerRequest(object, primaryType).ifPresent(queue::add);
            }

            @Override
            public void onUpdate(S oldObject, S newObject) {
                Optional<Request> now = ownerRequest(newObject, primaryType);
                now.ifPresent(queue::add);
                if (oldObject.metadata().ownerReferences() != newObject.metadata().ownerReferences()) {
                    Optional<Request> before = ownerRequest(oldObject, primaryType);
                    if (before.isPresent() && !before.equals(now)) {
                        queue.add(before.get());
                    }
                }
            }

            @Override
            public void onDelete(S object) {
                ownerRequest(object, primaryType).ifPresent(queue::add);
            }
        };
    }

    /**
     * A handler that enqueues through {@code enqueue} for every change; on an update, for the new
     * object, and for the old one too when {@code oldToo} (a mapper may map them to other keys).
     */
    private static <T extends ApiObject> ResourceEventHandler<T> handler(Consumer<? super T> enqueue, boolean oldToo) {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(T object) {
                enqueue.accept(object);
            }

            @Override
            public void onUpdate(T oldObject, T newObject) {
                if (oldToo) {
                    enqueue.accept(oldObject);
                }
                enqueue.accept(newObject);
            }

            @Override
            public void onDelete(T object) {
                enqueue.accept(object);
            }
        };
    }

    // ---- running ----

    /**
     * Deterministic mode: one round — each controller in turn reconciles, on this thread, the keys
     * due at the clock's current time. {@code catchUp} runs before each controller's batch (the
     * runtime waits there for the informers to deliver every write so far, so each batch is the same
     * from run to run). Returns what was processed.
     */
    public Round processDue(Runnable catchUp) {
        if (!deterministic) {
            throw new IllegalStateException("processDue() is for the deterministic mode; this manager runs worker threads");
        }
        Map<String, List<?>> processed = new LinkedHashMap<>();
        for (Controller<?> controller : List.copyOf(controllers)) {
            catchUp.run();
            List<?> keys = controller.processDue();
            if (!keys.isEmpty()) {
                processed.put(controller.name(), keys);
            }
        }
        return new Round(processed);
    }

    /** The keys one deterministic round reconciled, by controller. */
    public record Round(Map<String, List<?>> keys) {
        public boolean isEmpty() {
            return keys.isEmpty();
        }

        /** {@code controller: key} for each key, in the order processed (built on demand: rounds are many, reports few). */
        public List<String> describe() {
            List<String> described = new ArrayList<>();
            keys.forEach((controller, list) -> list.forEach(key -> described.add(controller + ": " + key)));
            return described;
        }
    }

    /** True when some controller has a key queued, being processed, or due at the clock's current time. */
    public boolean hasWorkNow() {
        return hasWorkWithin(Duration.ZERO);
    }

    /** True when some controller has a key queued, being processed, or due within {@code horizon} of the clock's time. */
    public boolean hasWorkWithin(Duration horizon) {
        Instant limit = clock.now().plus(horizon);
        for (Controller<?> controller : controllers) {
            WorkQueue<?> queue = controller.queue();
            if (queue.hasWorkNow() || !queue.isIdle()) {
                return true;
            }
            Optional<Instant> due = queue.nextDue();
            if (due.isPresent() && !due.get().isAfter(limit)) {
                return true;
            }
        }
        return false;
    }

    /** The earliest time a key waits for, over every controller. */
    public Optional<Instant> nextDue() {
        Instant next = null;
        for (Controller<?> controller : controllers) {
            Optional<Instant> due = controller.queue().nextDue();
            if (due.isPresent() && (next == null || due.get().isBefore(next))) {
                next = due.get();
            }
        }
        return Optional.ofNullable(next);
    }

    /** Wakes the workers so they look at the clock again (a manual clock moved). */
    public void wakeUp() {
        controllers.forEach(c -> c.queue().wakeUp());
    }

    /**
     * Waits until a reconcile finishes or {@code timeout} passes (worker mode, for settling): a
     * condition wait, not a sleep.
     */
    public void awaitActivity(Duration timeout) throws InterruptedException {
        synchronized (activity) {
            activity.wait(Math.max(1, timeout.toMillis()));
        }
    }

    private void signalActivity() {
        if (!deterministic) {
            synchronized (activity) {
                activity.notifyAll();
            }
        }
    }

    public boolean isDeterministic() {
        return deterministic;
    }

    public List<String> controllerNames() {
        return controllers.stream().map(Controller::name).toList();
    }

    /** The queue figures of every controller, by controller name. */
    public List<QueueMetrics> metrics() {
        return controllers.stream().map(Controller::metrics).toList();
    }

    /** Stops every worker (bounded: interrupted after a grace period) and every queue. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (int i = services.size() - 1; i >= 0; i--) {
            PluginService service = services.get(i);
            try {
                service.close();
            } catch (RuntimeException e) {
                log.warn("service {} did not close cleanly", service.getClass().getName(), e);
            }
        }
        controllers.forEach(Controller::shutDown);
        long deadline = System.nanoTime() + STOP_GRACE.toNanos();
        List<Thread> stuck = new ArrayList<>();
        for (Controller<?> controller : controllers) {
            stuck.addAll(controller.awaitStopped(deadline));
        }
        if (!stuck.isEmpty()) {
            log.warn("workers did not stop within {}: {}", STOP_GRACE, stuck);
        }
    }
}
