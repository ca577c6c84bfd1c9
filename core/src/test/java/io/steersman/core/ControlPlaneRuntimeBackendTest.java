package io.steersman.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.steersman.api.codec.Codec;
import io.steersman.api.controller.ControllerPlugin;
import io.steersman.api.controller.ControllerSpec;
import io.steersman.api.resource.ResourceType;
import io.steersman.core.fake.Widget;
import io.steersman.core.store.WriteOptions;
import java.util.Map;
import io.steersman.api.model.core.Namespace;
import io.steersman.api.resource.BuiltinResources;
import io.steersman.core.backend.SqliteBackend;
import io.steersman.core.controller.StartupException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A control plane on a backend of its builder's choosing: durable across restarts, and a file it cannot use is a start-up problem. */
class ControlPlaneRuntimeBackendTest {
    @TempDir
    Path dir;

    /** A plugin that only brings a kind of its own, as a user's plugin does. */
    static final class WidgetKindPlugin implements ControllerPlugin {
        @Override
        public List<ResourceType<?>> resourceTypes() {
            return List.of(Widget.TYPE);
        }

        @Override
        public List<ControllerSpec<?>> controllers() {
            return List.of();
        }
    }

    private ControlPlaneRuntime start(Path file) {
        return ControlPlaneRuntime.builder().deterministic(true).systemPlugins(false).plugins(new WidgetKindPlugin())
                .backend(registry -> SqliteBackend.open(file, new Codec(registry)))
                .start();
    }

    private static String uidOfDefault(ControlPlaneRuntime runtime) {
        return runtime.store().get(BuiltinResources.NAMESPACES, null, "default").map(Namespace::metadata).orElseThrow().uid();
    }

    @Test
    void aRestartedControlPlaneFindsWhatTheFirstOneWrote() {
        Path file = dir.resolve("state.db");
        String uid;
        long revision;
        try (ControlPlaneRuntime first = start(file)) {
            uid = uidOfDefault(first);
            revision = first.store().currentRevision();
        }

        try (ControlPlaneRuntime second = start(file)) {
            assertThat(uidOfDefault(second)).isEqualTo(uid);
            assertThat(second.store().currentRevision()).as("nothing was created again").isEqualTo(revision);
        }
    }

    @Test
    void objectsOfAPluginsKindDecodeAfterARestartBecauseTheBackendOpensOnceTheKindIsRegistered() {
        Path file = dir.resolve("state.db");
        Widget created;
        try (ControlPlaneRuntime first = start(file)) {
            created = first.store().create(Widget.TYPE, Widget.of("default", "w", Map.of("app", "w")).withSpec(Map.of("size", "3")),
                    WriteOptions.DEFAULT);
        }

        try (ControlPlaneRuntime second = start(file)) {
            assertThat(second.store().get(Widget.TYPE, "default", "w")).contains(created);
        }
    }

    @Test
    void aDatabaseFileThatCannotBeUsedIsAStartupProblemNamingTheFile() throws Exception {
        Path file = dir.resolve("state.db");
        Files.writeString(file, "not a database ".repeat(200));

        assertThatThrownBy(() -> start(file)).isInstanceOfSatisfying(StartupException.class,
                e -> assertThat(e.problems()).singleElement().asString().contains(file.toString(), "not a SQLite database"));
    }
}
