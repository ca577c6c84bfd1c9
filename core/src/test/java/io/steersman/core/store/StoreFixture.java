package io.steersman.core.store;

import io.steersman.core.backend.MemoryBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A store over a fresh memory backend, with namespaces {@code default} and {@code other}. */
abstract class StoreFixture {
    protected final ManualClock clock = new ManualClock();
    protected MemoryBackend backend;
    protected BackendStore store;

    protected MemoryBackend.Options backendOptions() {
        return MemoryBackend.Options.defaults();
    }

    @BeforeEach
    void startStore() {
        backend = new MemoryBackend(backendOptions());
        store = new BackendStore(TestKinds.registry(), clock, backend);
        store.create(TestKinds.NAMESPACES, Space.named("default"), WriteOptions.DEFAULT);
        store.create(TestKinds.NAMESPACES, Space.named("other"), WriteOptions.DEFAULT);
    }

    @AfterEach
    void stopStore() {
        store.close();
        backend.close();
    }

    protected Widget create(Widget widget) {
        return store.create(TestKinds.WIDGETS, widget, WriteOptions.DEFAULT);
    }

    protected Note create(Note note) {
        return store.create(TestKinds.NOTES, note, WriteOptions.DEFAULT);
    }

    protected Widget widget(String namespace, String name) {
        return store.get(TestKinds.WIDGETS, namespace, name).orElseThrow();
    }
}
