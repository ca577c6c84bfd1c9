package io.steersman.core.informer;

import static org.assertj.core.api.Assertions.assertThat;

import io.steersman.api.controller.Clock;
import io.steersman.api.resource.ResourceRegistry;
import io.steersman.core.backend.MemoryBackend;
import io.steersman.core.fake.Widget;
import io.steersman.core.store.BackendStore;
import io.steersman.core.store.ListOptions;
import io.steersman.core.store.WriteOptions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The informer against the real store: a watch that falls behind is cut off, and the relist loses nothing. */
class InformerOnBackendStoreTest {

    @Test
    void aWatchCutOffForFallingBehindIsReplacedByARelistThatLosesNothing() throws Exception {
        ResourceRegistry registry = new ResourceRegistry().register(Widget.TYPE);
        try (MemoryBackend backend = new MemoryBackend(MemoryBackend.Options.defaults().withWatchBufferSize(8));
                BackendStore store = new BackendStore(registry, Clock.SYSTEM, backend);
                SharedInformers informers = new SharedInformers(store, registry)) {
            SharedInformer<Widget> informer = informers.forType(Widget.TYPE);
            CountDownLatch release = new CountDownLatch(1);
            AtomicBoolean blocked = new AtomicBoolean();
            informer.addHandler(new ResourceEventHandler<>() {
                @Override
                public void onAdd(Widget object) {
                    // The first live event holds the delivery thread: the watch's buffer overflows behind it.
                    if (informer.hasSynced() && blocked.compareAndSet(false, true)) {
                        await(release);
                    }
                }

                @Override
                public void onUpdate(Widget oldObject, Widget newObject) {
                }

                @Override
                public void onDelete(Widget object) {
                }
            });
            informer.start();

            for (int i = 0; i < 50; i++) {
                store.create(Widget.TYPE, Widget.of("default", "w" + i), WriteOptions.DEFAULT);
            }
            for (int i = 0; i < 50; i += 2) {
                store.delete(Widget.TYPE, "default", "w" + i, null, WriteOptions.DEFAULT);
            }
            Widget w1 = store.get(Widget.TYPE, "default", "w1").orElseThrow();
            store.update(Widget.TYPE, w1.withSpec(Map.of("size", "9")), WriteOptions.DEFAULT);
            release.countDown();

            assertThat(informer.awaitRevision(store.currentRevision(), Duration.ofSeconds(30))).isTrue();
            assertThat(informer.relists()).isPositive();
            assertThat(informer.all()).containsExactlyInAnyOrderElementsOf(store.list(Widget.TYPE, ListOptions.all()).items());
            assertThat(informer.get("default", "w1").orElseThrow().spec()).containsEntry("size", "9");
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
