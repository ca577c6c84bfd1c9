package io.steersman.distribution;

import io.steersman.api.codec.Codec;
import io.steersman.api.model.ApiObject;
import io.steersman.api.resource.ResourceRegistry;
import io.steersman.api.resource.ResourceType;
import io.steersman.core.store.Store;
import io.steersman.core.store.Watch;
import io.steersman.core.store.WatchEvent;
import io.steersman.core.store.WatchListener;
import io.steersman.core.store.WatchOptions;
import io.steersman.core.store.WriteOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code steersman up -f FILE_OR_DIR ...}: starts an embedded control plane, applies the manifests and
 * shows every workload rolling out; then keeps serving until Ctrl-C, or with {@code --exit-when-ready}
 * exits 0 once all are rolled out and 1 when one misses its progress deadline or the timeout passes.
 */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = {
            "Start a control plane, apply manifests and follow their rollout.",
            "Shows every workload until it is rolled out, then serves the API until Ctrl-C, or exits with --exit-when-ready."},
        footer = {
            "",
            "Storage: SQLite in the data dir, a temporary one (removed at exit) unless --data-dir is given, in which case a later run "
                    + "continues with its objects; --storage=memory keeps them in memory only.",
            "",
            "Exit codes: 0 all rolled out (or stopped by Ctrl-C), 1 a rollout exceeded its progress deadline, "
                    + "the --timeout passed or the control plane could not start, 2 bad usage."})
final class UpCommand implements Callable<Integer> {

    @Option(names = {"-f", "--filename"}, required = true, arity = "1..*", paramLabel = "FILE_OR_DIR",
            description = "Manifests to apply: files, or folders of .yaml/.yml/.json files.")
    List<Path> manifests;

    @Option(names = "--exit-when-ready",
            description = "Exit once every workload is rolled out (0), or has failed or timed out (1), instead of serving on.")
    boolean exitWhenReady;

    @Option(names = "--timeout", defaultValue = "10m", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "With --exit-when-ready: how long to wait for the rollouts (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Mixin
    ClusterOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        options.validate();
        for (Path manifest : manifests) {
            if (!Files.exists(manifest)) {
                throw new ParameterException(spec.commandLine(), "Invalid value for option '--filename': \"" + manifest + "\" does not exist");
            }
        }
        options.applyLogLevel();
        StopSignal stop = StopSignal.install();
        Path dataDir = options.dataDir != null ? options.dataDir : Files.createTempDirectory("steersman-up-");
        try {
            return run(dataDir, stop);
        } finally {
            if (options.dataDir == null) {
                deleteRecursively(dataDir);
            }
        }
    }

    private int run(Path dataDir, StopSignal stop) throws Exception {
        try (EmbeddedCluster cluster = EmbeddedCluster.start(options.config(dataDir))) {
            ResourceRegistry registry = cluster.runtime().registry();
            Store store = cluster.runtime().store();
            Codec codec = new Codec(registry);
            List<ApiObject> objects = Manifests.read(manifests, codec);

            Semaphore changed = new Semaphore(0);
            List<Watch> watches = watchWorkloadKinds(objects, registry, store, changed);
            List<ApiObject> workloads = new ArrayList<>();
            for (ApiObject object : objects) {
                ApiObject applied = apply(store, registry, object);
                System.out.println(registry.forType(applied.getClass()).qualifiedPlural() + "/" + applied.name() + " applied");
                if (RolloutState.isWorkload(applied, codec)) {
                    workloads.add(applied);
                }
            }
            System.out.println("API at " + cluster.url() + ", kubeconfig " + cluster.kubeconfig());
            options.dnsLine().ifPresent(System.out::println);

            int code = follow(workloads, store, registry, codec, changed, stop);
            watches.forEach(Watch::close);
            if (exitWhenReady || stop.received()) {
                return exitWhenReady ? code : 0;
            }
            System.out.println("Serving until Ctrl-C.");
            System.out.flush();
            stop.await();
            System.out.println("Stopping.");
            return 0;
        }
    }

    /** Waits for every workload to roll out (0) or for one to fail or the timeout (1), showing progress. */
    private int follow(List<ApiObject> workloads, Store store, ResourceRegistry registry, Codec codec, Semaphore changed,
            StopSignal stop) throws InterruptedException {
        ProgressView view = new ProgressView(System.out, System.console() != null);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<RolloutState> states = new ArrayList<>();
            for (ApiObject workload : workloads) {
                current(store, registry, workload).map(o -> RolloutState.of(o, codec)).ifPresent(states::add);
            }
            view.show(states);
            Optional<RolloutState> failed = states.stream().filter(s -> s.failure() != null).findFirst();
            if (failed.isPresent()) {
                System.out.println("error: " + failed.get().label() + " failed: " + failed.get().failure());
                return 1;
            }
            if (states.stream().allMatch(RolloutState::done)) {
                System.out.println("All " + states.size() + " workloads are rolled out.");
                return 0;
            }
            if (stop.received()) {
                System.out.println("Interrupted before every workload was rolled out.");
                return 1;
            }
            long left = deadline - System.nanoTime();
            if (exitWhenReady && left <= 0) {
                System.out.println("error: timed out after " + timeout.toSeconds() + "s waiting for the rollouts");
                return 1;
            }
            // Woken by any change to a workload; the timed wake-up only re-checks the timeout.
            changed.tryAcquire(exitWhenReady ? Math.min(left, TimeUnit.SECONDS.toNanos(1)) : TimeUnit.SECONDS.toNanos(1), TimeUnit.NANOSECONDS);
            changed.drainPermits();
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static List<Watch> watchWorkloadKinds(List<ApiObject> objects, ResourceRegistry registry, Store store, Semaphore changed) {
        Set<ResourceType<?>> kinds = new LinkedHashSet<>();
        objects.forEach(o -> kinds.add(registry.forType(o.getClass())));
        List<Watch> watches = new ArrayList<>();
        for (ResourceType<?> kind : kinds) {
            watches.add(watch(store, kind, changed));
        }
        return watches;
    }

    private static <T extends ApiObject> Watch watch(Store store, ResourceType<T> kind, Semaphore changed) {
        return store.watch(kind, WatchOptions.from(store.currentRevision()), new WatchListener<>() {
            @Override
            public void onEvent(WatchEvent<T> event) {
                changed.release();
            }

            @Override
            public void onClose(RuntimeException cause) {
                changed.release();
            }
        });
    }

    private static <T extends ApiObject> Optional<T> current(Store store, ResourceRegistry registry, T object) {
        @SuppressWarnings("unchecked")
        ResourceType<T> type = registry.forType((Class<T>) object.getClass());
        return store.get(type, object.namespace(), object.name());
    }

    /** Creates the object, or replaces the stored one (its status stays), as a plain {@code kubectl apply} would. */
    private static <T extends ApiObject> T apply(Store store, ResourceRegistry registry, T object) {
        @SuppressWarnings("unchecked")
        ResourceType<T> type = registry.forType((Class<T>) object.getClass());
        T namespaced = type.namespaced() && object.namespace() == null
                ? type.cast(object.withMetadata(object.metadata().withNamespace("default")))
                : object;
        if (store.get(type, namespaced.namespace(), namespaced.name()).isPresent()) {
            return store.update(type, namespaced, WriteOptions.DEFAULT);
        }
        return store.create(type, namespaced, WriteOptions.DEFAULT);
    }
}
