package io.steersman.core.controller;

import io.steersman.api.client.Client;
import io.steersman.api.controller.Clock;
import io.steersman.api.controller.Context;
import io.steersman.api.controller.ControllerPlugin;
import io.steersman.api.controller.ControllerSpec;
import io.steersman.api.controller.PluginService;
import io.steersman.api.controller.PluginSettings;
import io.steersman.api.controller.Reconciler;
import io.steersman.api.controller.Request;
import io.steersman.api.controller.Result;
import io.steersman.api.controller.TerminalException;
import io.steersman.api.resource.ResourceType;
import io.steersman.core.fake.Gadget;
import io.steersman.core.fake.Widget;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Plugins and reconcilers the manager tests run. Calls are recorded in static lists the tests reset. */
final class TestPlugins {
    private TestPlugins() {}

    static final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    static final List<Instant> crashes = Collections.synchronizedList(new ArrayList<>());

    static void reset() {
        calls.clear();
        crashes.clear();
    }

    /** Keeps one gadget named after each widget, owned by it. */
    static final class GadgetMaker implements Reconciler<Widget> {
        private final Client client;

        @Inject
        GadgetMaker(Client client) {
            this.client = client;
        }

        @Override
        public Result reconcile(Request request, Context<Widget> context) {
            calls.add("gadget-maker " + request);
            if (context.primary().isEmpty()) {
                return Result.done();
            }
            Widget widget = context.primary().get();
            if (client.listControlledBy(Gadget.class, widget).isEmpty()) {
                client.create(Gadget.ownedBy(widget, widget.name() + "-gadget"));
            }
            return Result.done();
        }
    }

    static final class WidgetPlugin implements ControllerPlugin {
        @Override
        public List<ResourceType<?>> resourceTypes() {
            return List.of(Widget.TYPE, Gadget.TYPE);
        }

        @Override
        public List<ControllerSpec<?>> controllers() {
            return List.of(ControllerSpec.builder("gadget-maker", Widget.class, GadgetMaker.class).owns(Gadget.class).build());
        }
    }

    /** Always throws, recording the clock's time. */
    static final class Crasher implements Reconciler<Widget> {
        private final Clock clock;

        @Inject
        Crasher(Clock clock) {
            this.clock = clock;
        }

        @Override
        public Result reconcile(Request request, Context<Widget> context) {
            crashes.add(clock.now());
            throw new IllegalStateException("crash on " + request);
        }
    }

    /** Counts gadgets: the controller that keeps working beside the crasher. */
    static final class GadgetCounter implements Reconciler<Gadget> {
        @Override
        public Result reconcile(Request request, Context<Gadget> context) {
            calls.add("gadget-counter " + request);
            return Result.done();
        }
    }

    static final class CrashPlugin implements ControllerPlugin {
        @Override
        public List<ResourceType<?>> resourceTypes() {
            return List.of(Widget.TYPE, Gadget.TYPE);
        }

        @Override
        public List<ControllerSpec<?>> controllers() {
            return List.of(ControllerSpec.builder("crasher", Widget.class, Crasher.class).build(),
                    ControllerSpec.builder("gadget-counter", Gadget.class, GadgetCounter.class).build());
        }
    }

    static final class Terminal implements Reconciler<Widget> {
        @Override
        public Result reconcile(Request request, Context<Widget> context) {
            calls.add("terminal " + request);
            throw new TerminalException("cannot ever work");
        }
    }

    /** Asks to come back after the number of seconds in the widget's spec "every". */
    static final class Periodic implements Reconciler<Widget> {
        private final Clock clock;

        @Inject
        Periodic(Clock clock) {
            this.clock = clock;
        }

        @Override
        public Result reconcile(Request request, Context<Widget> context) {
            calls.add("periodic " + request + " at " + clock.now());
            return context.primary()
                    .map(w -> Result.requeueAfter(Duration.ofSeconds(Long.parseLong(w.spec().getOrDefault("every", "0")))))
                    .orElse(Result.done());
        }
    }

    /** Writes its widget on every pass: it never settles. */
    static final class Restless implements Reconciler<Widget> {
        private final Client client;

        @Inject
        Restless(Client client) {
            this.client = client;
        }

        @Override
        public Result reconcile(Request request, Context<Widget> context) {
            context.primary().ifPresent(w -> {
                int n = Integer.parseInt(w.spec().getOrDefault("n", "0"));
                client.update(w.withSpec(Map.of("n", Integer.toString(n + 1))));
            });
            return Result.done();
        }
    }

    /** A collaborator of the plugin's own, constructed by the injector. */
    static final class Greeting {
        private final PluginSettings settings;

        @Inject
        Greeting(PluginSettings settings) {
            this.settings = settings;
        }

        String text() {
            return settings.get("test.greeting", "hello");
        }
    }

    static final class Greeter implements Reconciler<Widget> {
        private final Greeting greeting;

        @Inject
        Greeter(Greeting greeting) {
            this.greeting = greeting;
        }

        @Override
        public Result reconcile(Request request, Context<Widget> context) {
            calls.add(greeting.text() + " " + request);
            return Result.done();
        }
    }

    /** Has no injectable constructor. */
    static final class Unconstructible implements Reconciler<Widget> {
        Unconstructible(String needsAString) {
        }

        @Override
        public Result reconcile(Request request, Context<Widget> context) {
            return Result.done();
        }
    }

    /** Records its start (with the widgets it can read then) and its close. */
    static final class WidgetCounterService implements PluginService {
        private final Client client;
        private final Greeting greeting;

        @Inject
        WidgetCounterService(Client client, Greeting greeting) {
            this.client = client;
            this.greeting = greeting;
        }

        @Override
        public void start() {
            calls.add(greeting.text() + " counter started, widgets: " + client.list(Widget.class, "default").size());
        }

        @Override
        public void close() {
            calls.add("counter closed");
        }
    }

    /** Records its start and close. */
    static final class SecondService implements PluginService {
        @Override
        public void start() {
            calls.add("second started");
        }

        @Override
        public void close() {
            calls.add("second closed");
        }
    }

    /** Cannot start. */
    static final class FailingService implements PluginService {
        @Override
        public void start() throws java.io.IOException {
            throw new java.net.BindException("Address already in use");
        }

        @Override
        public void close() {
            calls.add("failing closed");
        }
    }

    static ControllerPlugin servicePlugin(String name, List<Class<? extends PluginService>> services) {
        return new ControllerPlugin() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<ControllerSpec<?>> controllers() {
                return List.of();
            }

            @Override
            public List<Class<? extends PluginService>> services() {
                return services;
            }
        };
    }

    static ControllerPlugin plugin(String name, List<ResourceType<?>> kinds, ControllerSpec<?>... specs) {
        return new ControllerPlugin() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<ResourceType<?>> resourceTypes() {
                return kinds;
            }

            @Override
            public List<ControllerSpec<?>> controllers() {
                return List.of(specs);
            }
        };
    }
}
