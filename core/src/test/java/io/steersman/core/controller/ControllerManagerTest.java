package io.steersman.core.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.steersman.api.controller.ControllerSpec;
import io.steersman.api.controller.Request;
import io.steersman.api.model.ApiObject;
import io.steersman.api.model.core.Pod;
import io.steersman.api.resource.ResourceRegistry;
import io.steersman.api.resource.ResourceType;
import io.steersman.core.ControlPlaneRuntime;
import io.steersman.core.NotSettledException;
import io.steersman.core.fake.FakeStore;
import io.steersman.core.fake.Gadget;
import io.steersman.core.fake.MutableClock;
import io.steersman.core.fake.Widget;
import io.steersman.core.store.WriteOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ControllerManagerTest {
    private final FakeStore store = new FakeStore();
    private final MutableClock clock = new MutableClock();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeEach
    void reset() {
        TestPlugins.reset();
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
        store.close();
    }

    private ControlPlaneRuntime start(io.steersman.api.controller.ControllerPlugin... plugins) {
        ControlPlaneRuntime runtime = ControlPlaneRuntime.builder().registry(new ResourceRegistry()).store(store).clock(clock)
                .deterministic(true).systemPlugins(false).plugins(plugins).start();
        toClose.add(runtime);
        return runtime;
    }

    private static List<ResourceType<?>> kinds() {
        return List.of(Widget.TYPE, Gadget.TYPE);
    }

    @Test
    void ownedObjectsWakeTheirControllerOwner() {
        ControlPlaneRuntime cp = start(new TestPlugins.WidgetPlugin());
        Widget w = cp.client().create(Widget.of("default", "w"));
        cp.settle();

        List<Gadget> gadgets = cp.client().listControlledBy(Gadget.class, w);
        assertThat(gadgets).extracting(ApiObject::name).containsExactly("w-gadget");

        TestPlugins.calls.clear();
        cp.client().delete(gadgets.get(0));
        cp.settle();

        assertThat(TestPlugins.calls).contains("gadget-maker default/w");
        assertThat(cp.client().listControlledBy(Gadget.class, w)).singleElement()
                .satisfies(g -> assertThat(g.uid()).isNotEqualTo(gadgets.get(0).uid()));
    }

    @Test
    void aWatchedKindWakesThePrimariesItsMapperNames() {
        ControlPlaneRuntime cp = start(TestPlugins.plugin("mapped", kinds(),
                ControllerSpec.builder("greeter", Widget.class, TestPlugins.Greeter.class)
                        .watches(Gadget.class, (gadget, cache) -> gadget.metadata().annotation("for")
                                .map(name -> List.of(new Request(gadget.namespace(), name))).orElse(List.of()))
                        .build()));
        cp.client().create(Widget.of("default", "w"));
        cp.settle();
        TestPlugins.calls.clear();

        Gadget g = Gadget.of("default", "g");
        cp.client().create(g.withMetadata(g.metadata().withAnnotation("for", "w")));
        cp.client().create(Gadget.of("default", "unrelated"));
        cp.settle();

        assertThat(TestPlugins.calls).containsExactly("hello default/w");
    }

    @Test
    void anOwnedObjectWakesOnlyAnOwnerOfThePrimaryKind() {
        ControlPlaneRuntime cp = start(TestPlugins.plugin("owned", kinds(),
                ControllerSpec.builder("greeter", Widget.class, TestPlugins.Greeter.class).owns(Gadget.class).build()));
        Widget w = cp.client().create(Widget.of("default", "w"));
        cp.settle();
        TestPlugins.calls.clear();

        Gadget byWidget = Gadget.ownedBy(w, "mine");
        Gadget byOtherKind = Gadget.of("default", "theirs");
        byOtherKind = byOtherKind.withMetadata(byOtherKind.metadata().withOwnerReferences(List.of(
                new io.steersman.api.model.OwnerReference("other.example.com/v1", "Widget", "w", "some-uid", true, true, null))));
        cp.client().create(byOtherKind);
        cp.settle();
        assertThat(TestPlugins.calls).as("a Widget of another group is another kind").isEmpty();

        cp.client().create(byWidget);
        cp.settle();
        assertThat(TestPlugins.calls).containsExactly("hello default/w");
    }

    @Test
    void objectsThatExistBeforeStartAreReconciled() {
        store.create(Widget.TYPE, Widget.of("default", "early"), WriteOptions.DEFAULT);
        ControlPlaneRuntime cp = start(new TestPlugins.WidgetPlugin());
        cp.settle();

        assertThat(cp.client().get(Gadget.class, "default", "early-gadget")).isPresent();
    }

    @Test
    void aCrashingReconcilerIsRetriedWithBackoffWhileAnotherControllerContinues() {
        ControlPlaneRuntime cp = start(new TestPlugins.CrashPlugin());
        cp.client().create(Widget.of("default", "bad"));
        cp.settle();
        assertThat(TestPlugins.crashes).hasSize(1);

        cp.client().create(Gadget.of("default", "g1"));
        cp.settle();
        assertThat(TestPlugins.calls).containsExactly("gadget-counter default/g1");
        assertThat(TestPlugins.crashes).as("the retry waits for its backoff").hasSize(1);

        for (Duration backoff : List.of(Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(40))) {
            int before = TestPlugins.crashes.size();
            clock.advance(backoff.minusMillis(1));
            cp.settle();
            assertThat(TestPlugins.crashes).as("not before the backoff of %s", backoff).hasSize(before);
            clock.advance(Duration.ofMillis(1));
            cp.settle();
            assertThat(TestPlugins.crashes).hasSize(before + 1);
        }
        List<Duration> gaps = new ArrayList<>();
        for (int i = 1; i < TestPlugins.crashes.size(); i++) {
            gaps.add(Duration.between(TestPlugins.crashes.get(i - 1), TestPlugins.crashes.get(i)));
        }
        assertThat(gaps).containsExactly(Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(40));

        cp.client().create(Gadget.of("default", "g2"));
        cp.settle();
        assertThat(TestPlugins.calls).containsExactly("gadget-counter default/g1", "gadget-counter default/g2");
        assertThat(cp.metrics()).filteredOn(m -> m.name().equals("crasher")).singleElement()
                .satisfies(m -> assertThat(m.retries()).isEqualTo(5));
        assertThat(TestPlugins.crashes).hasSize(5);
    }

    @Test
    void aTerminalExceptionIsNotRetried() {
        ControlPlaneRuntime cp = start(TestPlugins.plugin("terminal", kinds(),
                ControllerSpec.builder("terminal", Widget.class, TestPlugins.Terminal.class).build()));
        cp.client().create(Widget.of("default", "w"));
        cp.settle();
        clock.advance(Duration.ofHours(1));
        cp.settle();

        assertThat(TestPlugins.calls).containsExactly("terminal default/w");
    }

    @Test
    void requeueAfterRunsAgainWhenTheClockGetsThere() {
        ControlPlaneRuntime cp = start(TestPlugins.plugin("periodic", kinds(),
                ControllerSpec.builder("periodic", Widget.class, TestPlugins.Periodic.class).build()));
        cp.client().create(Widget.of("default", "w").withSpec(Map.of("every", "30")));
        cp.settle();
        assertThat(TestPlugins.calls).hasSize(1);

        clock.advance(Duration.ofSeconds(29));
        cp.settle();
        assertThat(TestPlugins.calls).hasSize(1);

        clock.advance(Duration.ofSeconds(1));
        cp.settle();
        assertThat(TestPlugins.calls).hasSize(2).last().asString().endsWith("at 2025-01-01T00:00:30Z");
    }

    @Test
    void settleGivesUpOnAControllerThatNeverStopsAndNamesIt() {
        ControlPlaneRuntime cp = ControlPlaneRuntime.builder().store(store).clock(clock).deterministic(true).systemPlugins(false)
                .settleRounds(50)
                .plugins(TestPlugins.plugin("restless", kinds(), ControllerSpec.builder("restless", Widget.class, TestPlugins.Restless.class).build()))
                .start();
        toClose.add(cp);
        cp.client().create(Widget.of("default", "w"));

        assertThatThrownBy(cp::settle).isInstanceOf(NotSettledException.class)
                .hasMessageContaining("after 50 rounds")
                .hasMessageContaining("restless: default/w")
                .satisfies(e -> assertThat(((NotSettledException) e).busyKeys()).containsExactly("restless: default/w"));
    }

    @Test
    void settleIsDeterministic() {
        List<List<String>> runs = new ArrayList<>();
        for (int run = 0; run < 3; run++) {
            TestPlugins.reset();
            try (FakeStore fresh = new FakeStore();
                    ControlPlaneRuntime cp = ControlPlaneRuntime.builder().store(fresh).clock(clock).deterministic(true)
                            .systemPlugins(false).plugins(new TestPlugins.WidgetPlugin(), TestPlugins.plugin("counter", kinds(),
                                    ControllerSpec.builder("gadget-counter", Gadget.class, TestPlugins.GadgetCounter.class).build()))
                            .start()) {
                for (int i = 0; i < 20; i++) {
                    cp.client().create(Widget.of("default", "w" + i));
                }
                cp.settle();
                assertThat(cp.client().list(Gadget.class, "default")).hasSize(20);
                runs.add(List.copyOf(TestPlugins.calls));
            }
        }
        assertThat(runs.get(1)).isEqualTo(runs.get(0));
        assertThat(runs.get(2)).isEqualTo(runs.get(0));
    }

    @Test
    void reconcilersGetTheirCollaboratorsInjected() {
        ControlPlaneRuntime cp = ControlPlaneRuntime.builder().store(store).clock(clock).deterministic(true).systemPlugins(false)
                .setting("test.greeting", "bonjour")
                .plugins(TestPlugins.plugin("greeter", kinds(), ControllerSpec.builder("greeter", Widget.class, TestPlugins.Greeter.class).build()))
                .start();
        toClose.add(cp);
        cp.client().create(Widget.of("default", "w"));
        cp.settle();

        assertThat(TestPlugins.calls).containsExactly("bonjour default/w");
    }

    @Test
    void everyStartupProblemIsReportedAtOnce() {
        ResourceType<Widget> clash = ResourceType.builder(Widget.class)
                .group("test.steersman.io").version("v1").kind("Widget").plural("widgets").build();
        var forgetful = TestPlugins.plugin("forgetful", List.of(),
                ControllerSpec.builder("orphan", Pod.class, PodIgnorer.class).build());
        var broken = new io.steersman.api.controller.ControllerPlugin() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public List<ControllerSpec<?>> controllers() {
                return List.of(ControllerSpec.builder("", Widget.class, TestPlugins.Greeter.class).workers(0).build());
            }
        };
        var clashing = TestPlugins.plugin("clashing", List.of(Widget.TYPE, clash));
        var needsString = TestPlugins.plugin("needs-string", List.of(Gadget.TYPE),
                ControllerSpec.builder("needs-string", Widget.class, TestPlugins.Unconstructible.class).build());

        assertThatThrownBy(() -> ControlPlaneRuntime.builder().registry(new ResourceRegistry()).store(store).clock(clock).deterministic(true).systemPlugins(false)
                .plugins(forgetful, broken, clashing, needsString).start())
                .isInstanceOf(StartupException.class)
                .hasMessageStartingWith("Unable to start the control plane, 4 errors:")
                .satisfies(e -> assertThat(((StartupException) e).problems()).satisfiesExactlyInAnyOrder(
                        p -> assertThat(p).contains("plugin broken").contains("a controller needs a name")
                                .contains("workers must be at least 1"),
                        p -> assertThat(p).contains("plugin clashing").contains("registered already"),
                        p -> assertThat(p).contains("controller 'orphan' (plugin forgetful)")
                                .contains("primary kind " + Pod.class.getName() + " is not registered"),
                        p -> assertThat(p).contains("controller 'needs-string' (plugin needs-string)")
                                .contains("Unconstructible")));
    }

    /** A reconciler of a kind nobody registered. */
    static final class PodIgnorer implements io.steersman.api.controller.Reconciler<Pod> {
        @Override
        public io.steersman.api.controller.Result reconcile(Request request, io.steersman.api.controller.Context<Pod> context) {
            return io.steersman.api.controller.Result.done();
        }
    }

    @Test
    void servicesStartOnceTheCachesAreFilledAndCloseInReverseOrder() {
        store.create(Widget.TYPE, Widget.of("default", "early"), WriteOptions.DEFAULT);
        ControlPlaneRuntime cp = ControlPlaneRuntime.builder().registry(new ResourceRegistry()).store(store).clock(clock)
                .deterministic(true).systemPlugins(false)
                .plugins(TestPlugins.plugin("widgets", kinds(), ControllerSpec.builder("greeter", Widget.class, TestPlugins.Greeter.class).build()),
                        TestPlugins.servicePlugin("services", List.of(TestPlugins.WidgetCounterService.class, TestPlugins.SecondService.class)))
                .start();

        assertThat(TestPlugins.calls).containsExactly("hello counter started, widgets: 1", "second started");
        cp.close();
        assertThat(TestPlugins.calls).endsWith("second closed", "counter closed");
    }

    @Test
    void aServiceThatCannotStartFailsTheStartAndStopsTheOnesStarted() {
        var plugin = TestPlugins.servicePlugin("services", List.of(TestPlugins.SecondService.class, TestPlugins.FailingService.class));

        assertThatThrownBy(() -> start(plugin))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("FailingService could not start").hasMessageContaining("Address already in use");
        assertThat(TestPlugins.calls).containsExactly("second started", "second closed");
    }

    @Test
    void aPluginListedInMetaInfServicesIsFound() {
        // Core lists the node agent too; leaving it out is how a control plane replaces it.
        ControlPlaneRuntime cp = ControlPlaneRuntime.builder().store(store).clock(clock).deterministic(true).systemPlugins(false)
                .without(io.steersman.core.node.NodeAgentPlugin.class).start();
        toClose.add(cp);
        cp.client().create(Widget.of("default", "w"));
        cp.settle();

        assertThat(cp.plugins()).extracting(p -> p.getClass().getSimpleName()).containsExactly("LoadedPlugin");
        assertThat(cp.controllers()).containsExactly("greeter");
        assertThat(TestPlugins.calls).containsExactly("hello default/w");
    }

    @Test
    void aKindControllerSeesEveryRegisteredKind() {
        List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        SeenBy.seen = seen;
        SystemPlugin everything = new SystemPlugin() {
            @Override
            public List<ResourceType<?>> resourceTypes() {
                return kinds();
            }

            @Override
            public List<KindControllerSpec> kindControllers() {
                return List.of(KindControllerSpec.of("everything", SeenBy.class));
            }
        };
        ControlPlaneRuntime cp = start(everything);
        cp.client().create(Widget.of("default", "w"));
        cp.client().create(Gadget.of("default", "g"));
        cp.settle();

        assertThat(seen).containsExactlyInAnyOrder("widgets.test.steersman.io default/w", "gadgets.test.steersman.io default/g");
    }

    /** Records what it is called with. */
    static final class SeenBy implements KindReconciler {
        static List<String> seen;

        @Override
        public io.steersman.api.controller.Result reconcile(ObjectRef ref, io.steersman.api.client.Client client) {
            seen.add(ref.toString());
            return io.steersman.api.controller.Result.done();
        }
    }

    @Test
    void workersStopCleanlyWithoutLeakingThreads() throws Exception {
        ControlPlaneRuntime cp = ControlPlaneRuntime.builder().store(store).deterministic(false).systemPlugins(false)
                .plugins(new TestPlugins.WidgetPlugin(), TestPlugins.plugin("counter", kinds(),
                        ControllerSpec.builder("gadget-counter", Gadget.class, TestPlugins.GadgetCounter.class).workers(3).build()))
                .start();
        for (int i = 0; i < 10; i++) {
            cp.client().create(Widget.of("default", "w" + i));
        }
        cp.settle();
        assertThat(cp.client().list(Gadget.class, null)).hasSize(10);
        assertThat(threads("controller-")).isNotEmpty();

        cp.close();

        assertThat(threads("controller-")).isEmpty();
        assertThat(threads("steersman-")).isEmpty();
    }

    private static List<String> threads(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith(prefix)).toList();
    }
}
