package io.steersman.testing;

import io.steersman.api.client.Client;
import io.steersman.api.controller.Clock;
import io.steersman.api.controller.ControllerPlugin;
import io.steersman.api.model.ApiObject;
import io.steersman.api.resource.ResourceRegistry;
import io.steersman.api.resource.ResourceType;
import io.steersman.core.ControlPlaneRuntime;
import io.steersman.core.store.Store;
import io.steersman.core.store.WriteOptions;
import com.fasterxml.jackson.databind.JsonNode;
import io.steersman.api.client.AlreadyExistsException;
import io.steersman.api.client.PatchType;
import io.steersman.api.codec.Codec;
import java.time.Duration;
import java.util.ArrayList;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * A whole control plane for a test, built in one line:
 *
 * <pre>{@code
 * try (ControlPlane cp = ControlPlane.builder().plugins(new DeploymentPlugin()).start()) {
 *     cp.apply(deployment);                        // create, or replace if it exists
 *     cp.settle();                                 // run every controller until nothing is left to do
 *     assertThat(cp.client().list(Pod.class, "default")).hasSize(3);
 *     cp.advance(Duration.ofMinutes(10));          // move the manual clock, settle again
 * }
 * }</pre>
 *
 * <p>By default the clock is a {@link ManualClock} and no controller runs on a thread of its own:
 * {@link #settle()} runs every queue on the test's thread, so a test never sleeps and the same test
 * does the same thing every run. {@link Builder#systemClock()} gives the real-time mode instead
 * (the system clock and worker threads, as the launcher runs); {@code settle()} then waits for the
 * workers to go quiet.
 *
 * <p>Plugins: the ones given to {@link Builder#plugins}, or, when none is given, every plugin on
 * the class path (ServiceLoader); the core system controllers (garbage collection, namespaces,
 * events) always run.
 */
public final class ControlPlane implements AutoCloseable {
    private final ControlPlaneRuntime runtime;
    private final ManualClock manualClock;

    private ControlPlane(ControlPlaneRuntime runtime, ManualClock manualClock) {
        this.runtime = runtime;
        this.manualClock = manualClock;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The client controllers use: reads from the informer caches, writes to the store. */
    public Client client() {
        return runtime.client();
    }

    /** The store itself: reads are current, never from a cache. */
    public Store store() {
        return runtime.store();
    }

    public ResourceRegistry registry() {
        return runtime.registry();
    }

    public Clock clock() {
        return runtime.clock();
    }

    /** The manual clock; fails in the real-time mode. */
    public ManualClock manualClock() {
        if (manualClock == null) {
            throw new IllegalStateException("this control plane runs on the system clock");
        }
        return manualClock;
    }

    /** The engine underneath, for what this class does not expose (informers, queue metrics). */
    public ControlPlaneRuntime runtime() {
        return runtime;
    }

    /**
     * Runs every controller until nothing is left to do at the current time: every change has
     * reached the caches, every queue is empty, every timer that is due has fired. Throws
     * {@link io.steersman.core.NotSettledException} naming the busy keys when the controllers never
     * stop changing things.
     */
    public void settle() {
        runtime.settle();
    }

    /** Moves the manual clock forward and settles: timers, backoffs and deadlines that fall due run. */
    public void advance(Duration delta) {
        manualClock().advance(delta);
        settle();
    }

    /** Moves the manual clock to {@code instant} and settles. */
    public void advanceTo(Instant instant) {
        manualClock().set(instant);
        settle();
    }

    /**
     * Creates the object, or replaces the stored one of the same kind, namespace and name (spec and
     * metadata; status stays for kinds with a status subresource). Without a resourceVersion the
     * replacement is unconditional. Returns the object as stored. Does not settle.
     */
    public <T extends ApiObject> T apply(T object) {
        ResourceType<T> type = typeOf(object);
        Optional<T> current = store().get(type, object.namespace(), object.name());
        if (current.isEmpty()) {
            return store().create(type, object, WriteOptions.DEFAULT);
        }
        return store().update(type, object, WriteOptions.DEFAULT);
    }

    /**
     * Applies every document of a YAML manifest, in order: creates each object (in namespace
     * {@code default} when the manifest names none), or, when it exists, merge-patches the
     * manifest's fields onto it, so fields the manifest leaves out (status, annotations the
     * controllers wrote) are kept, as {@code kubectl apply} keeps them. Returns the objects as
     * stored. Bad manifests fail with the codec's {@code DecodeException} (an ApiException with
     * the field). Does not settle.
     */
    public List<ApiObject> apply(String yaml) {
        Codec codec = new Codec(registry());
        List<ApiObject> applied = new ArrayList<>();
        for (JsonNode tree : codec.readYamlTrees(yaml)) {
            applied.add(applyDocument(codec, tree));
        }
        return applied;
    }

    private ApiObject applyDocument(Codec codec, JsonNode tree) {
        ApiObject object = codec.decode(tree);
        ResourceType<ApiObject> type = typeOf(object);
        if (type.namespaced() && (object.namespace() == null || object.namespace().isEmpty())) {
            object = object.withMetadata(object.metadata().withNamespace("default"));
        }
        String namespace = type.namespaced() ? object.namespace() : null;
        if (store().get(type, namespace, object.name()).isEmpty()) {
            try {
                return store().create(type, object, WriteOptions.DEFAULT);
            } catch (AlreadyExistsException raced) {
                // Created meanwhile (a controller, in real time): patch it like any existing object.
            }
        }
        return client().patch(type.javaType(), namespace, object.name(), PatchType.MERGE, tree.toString());
    }

    /** The object as the store has it now (not the cache, which may lag until the next settle). */
    public <T extends ApiObject> Optional<T> get(Class<T> kind, String namespace, String name) {
        return store().get(registry().forType(kind), namespace, name);
    }

    /** Every object of the kind in the namespace (null: all namespaces), as the store has them now. */
    public <T extends ApiObject> List<T> list(Class<T> kind, String namespace) {
        return store().list(registry().forType(kind), namespace == null
                ? io.steersman.core.store.ListOptions.all() : io.steersman.core.store.ListOptions.in(namespace)).items();
    }

    @SuppressWarnings("unchecked")
    private <T extends ApiObject> ResourceType<T> typeOf(T object) {
        return registry().forType((Class<T>) object.getClass());
    }

    /** Stops the controllers and informers and closes the store it made. */
    @Override
    public void close() {
        runtime.close();
    }

    /** Collects what the control plane runs with. */
    public static final class Builder {
        private final ControlPlaneRuntime.Builder runtime = ControlPlaneRuntime.builder();
        private ManualClock manualClock = new ManualClock();

        private Builder() {}

        /** Runs these plugins (and the system controllers), instead of every plugin on the class path. */
        public Builder plugins(ControllerPlugin... plugins) {
            runtime.plugins(plugins);
            return this;
        }

        public Builder plugins(List<? extends ControllerPlugin> plugins) {
            runtime.plugins(plugins);
            return this;
        }

        /** Also runs every plugin on the class path (the default when no plugin is given). */
        public Builder serviceLoaderPlugins() {
            runtime.serviceLoaderPlugins();
            return this;
        }

        /** Leaves out plugins found on the class path of these classes (to replace the node agent, say). */
        @SafeVarargs
        public final Builder without(Class<? extends ControllerPlugin>... pluginClasses) {
            for (Class<? extends ControllerPlugin> pluginClass : pluginClasses) {
                runtime.without(pluginClass);
            }
            return this;
        }

        /** Whether the core system controllers run (default true). */
        public Builder systemPlugins(boolean enabled) {
            runtime.systemPlugins(enabled);
            return this;
        }

        /** A manual clock at {@link ManualClock#START} and settle() on the test's thread (the default). */
        public Builder manualClock() {
            return manualClock(ManualClock.START);
        }

        /** A manual clock at {@code start} and settle() on the test's thread. */
        public Builder manualClock(Instant start) {
            return manualClock(new ManualClock(start));
        }

        /** This manual clock (shared with other parts of the test) and settle() on the test's thread. */
        public Builder manualClock(ManualClock clock) {
            this.manualClock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Real time: the system clock and worker threads, as the launcher runs. */
        public Builder systemClock() {
            this.manualClock = null;
            return this;
        }

        /** A setting plugins read through {@code PluginSettings}. */
        public Builder setting(String key, String value) {
            runtime.setting(key, value);
            return this;
        }

        public Builder settings(Map<String, String> settings) {
            runtime.settings(settings);
            return this;
        }

        /** The kinds served; plugins add theirs. Default: a new registry of the built-in kinds. */
        public Builder registry(ResourceRegistry registry) {
            runtime.registry(registry);
            return this;
        }

        /** A store made elsewhere (the test closes it). Default: a store over a new in-memory backend. */
        public Builder store(Store store) {
            runtime.store(store);
            return this;
        }

        /** Makes the store once every kind is registered; closed with the control plane. */
        public Builder store(BiFunction<ResourceRegistry, Clock, Store> factory) {
            runtime.store(factory);
            return this;
        }

        /** How many rounds settle() may take before it gives up (default 1000). */
        public Builder settleRounds(int rounds) {
            runtime.settleRounds(rounds);
            return this;
        }

        /** Starts it: kinds registered, caches filled, controllers ready. Throws every start-up problem at once. */
        public ControlPlane start() {
            runtime.clock(manualClock != null ? manualClock : Clock.SYSTEM).deterministic(manualClock != null);
            return new ControlPlane(runtime.start(), manualClock);
        }
    }
}
