package io.steersman.core.store;

import static io.steersman.core.store.TestKinds.WIDGETS;
import static io.steersman.core.store.TestSelectors.label;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.steersman.api.client.DeleteOptions;
import io.steersman.api.client.GoneException;
import io.steersman.core.backend.MemoryBackend;
import io.steersman.core.store.WatchEvent.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BackendStoreWatchTest extends StoreFixture {

    private <T> Watch watch(String resourceVersion, RecordingListener<Widget> listener) {
        return store.watch(WIDGETS, new WatchOptions(null, null, null, resourceVersion, false), listener);
    }

    @Test
    void anEmptyResourceVersionStartsWithEveryObjectAsAdded() {
        create(Widget.of("default", "a", 1));
        create(Widget.of("other", "b", 1));
        RecordingListener<Widget> listener = new RecordingListener<>();

        try (Watch ignored = watch("", listener)) {
            List<WatchEvent<Widget>> initial = listener.take(2);
            assertThat(initial).extracting(WatchEvent::type).containsExactly(Type.ADDED, Type.ADDED);
            assertThat(initial).extracting(e -> e.object().metadata().name()).containsExactly("a", "b");

            Widget c = create(Widget.of("default", "c", 1));
            WatchEvent<Widget> live = listener.next();
            assertThat(live.type()).isEqualTo(Type.ADDED);
            assertThat(live.object()).isEqualTo(c);
            assertThat(live.revision()).isEqualTo(Long.parseLong(c.metadata().resourceVersion()));
        }
    }

    @Test
    void aResourceVersionStreamsEveryChangeAfterItInOrder() {
        Widget a = create(Widget.of("default", "a", 1));
        long from = store.currentRevision();
        Widget scaled = store.update(WIDGETS, a.withReplicas(2), WriteOptions.DEFAULT);
        Widget deleted = store.delete(WIDGETS, "default", "a", DeleteOptions.defaults(), WriteOptions.DEFAULT);
        RecordingListener<Widget> listener = new RecordingListener<>();

        try (Watch ignored = watch(Long.toString(from), listener)) {
            List<WatchEvent<Widget>> events = listener.take(2);
            assertThat(events).extracting(WatchEvent::type).containsExactly(Type.MODIFIED, Type.DELETED);
            assertThat(events.get(0).object()).isEqualTo(scaled);
            assertThat(events.get(1).object()).isEqualTo(deleted);
            assertThat(deleted.metadata().resourceVersion()).isEqualTo(Long.toString(store.currentRevision()));
        }
    }

    @Test
    void resumingFromTheLastResourceVersionHasNoGapAndNoDuplicateUnderConcurrentWriters() throws Exception {
        RecordingListener<Widget> first = new RecordingListener<>();
        Watch watch = watch(Long.toString(store.currentRevision()), first);
        ExecutorService writers = Executors.newFixedThreadPool(2);
        List<Long> seen = new ArrayList<>();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (String prefix : List.of("x", "y")) {
                done.add(writers.submit(() -> {
                    for (int i = 0; i < 300; i++) {
                        create(Widget.of("default", prefix + i, i));
                    }
                }));
            }
            first.take(100).forEach(e -> seen.add(e.revision()));
            watch.close();
            first.awaitClose();
            first.drain().forEach(e -> seen.add(e.revision()));

            RecordingListener<Widget> resumed = new RecordingListener<>();
            try (Watch ignored = watch(Long.toString(seen.get(seen.size() - 1)), resumed)) {
                for (Future<?> future : done) {
                    future.get(30, TimeUnit.SECONDS);
                }
                resumed.take(600 - seen.size()).forEach(e -> seen.add(e.revision()));
            }
        } finally {
            writers.shutdownNow();
        }

        assertThat(seen).hasSize(600).isSorted().doesNotHaveDuplicates();
        assertThat(store.list(WIDGETS, ListOptions.all()).items()).hasSize(600);
    }

    @Test
    void aCompactedResourceVersionIsGoneAndARelistRecovers() {
        Widget a = create(Widget.of("default", "a", 1));
        long old = store.currentRevision();
        store.update(WIDGETS, a.withReplicas(2), WriteOptions.DEFAULT);
        create(Widget.of("default", "b", 1));
        backend.compact(store.currentRevision() - 1);

        assertThatThrownBy(() -> watch(Long.toString(old), new RecordingListener<>()))
                .isInstanceOfSatisfying(GoneException.class, e -> {
                    assertThat(e.code()).isEqualTo(410);
                    assertThat(e.reason()).isEqualTo("Expired");
                    assertThat(e.status().message()).isEqualTo("too old resource version: " + old + " (" + (store.currentRevision() - 1) + ")");
                });

        ListResult<Widget> relist = store.list(WIDGETS, ListOptions.all());
        RecordingListener<Widget> listener = new RecordingListener<>();
        try (Watch ignored = watch(Long.toString(relist.resourceVersion()), listener)) {
            create(Widget.of("default", "c", 1));
            assertThat(listener.next().object().metadata().name()).isEqualTo("c");
        }
        assertThat(relist.items()).hasSize(2);
    }

    @Test
    void aResourceVersionPushedOutOfTheHistoryIsGone() {
        try (BackendStore small = new BackendStore(TestKinds.registry(), clock,
                new io.steersman.core.backend.MemoryBackend(MemoryBackend.Options.defaults().withHistorySize(10)),
                BackendStore.Options.defaults(), prefix -> prefix + "x", true)) {
            small.create(TestKinds.NAMESPACES, Space.named("default"), WriteOptions.DEFAULT);
            long early = small.currentRevision();
            for (int i = 0; i < 20; i++) {
                small.create(WIDGETS, Widget.of("default", "w" + i, i), WriteOptions.DEFAULT);
            }

            assertThatThrownBy(() -> small.watch(WIDGETS, WatchOptions.from(early), new RecordingListener<>()))
                    .isInstanceOfSatisfying(GoneException.class, e -> assertThat(e.status().message())
                            .isEqualTo("too old resource version: " + early + " (" + (small.currentRevision() - 10) + ")"));
            RecordingListener<Widget> relisted = new RecordingListener<>();
            try (Watch ignored = small.watch(WIDGETS, WatchOptions.from(small.currentRevision() - 10), relisted)) {
                assertThat(relisted.take(10)).extracting(e -> e.object().metadata().name()).startsWith("w10").endsWith("w19");
            }
        }
    }

    @Test
    void aSlowWatcherIsCutOffWhileAnotherKeepsReceiving() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch blocked = new CountDownLatch(1);
        RecordingListener<Widget> slow = new RecordingListener<>() {
            @Override
            public void onEvent(WatchEvent<Widget> event) {
                blocked.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                super.onEvent(event);
            }
        };
        RecordingListener<Widget> fast = new RecordingListener<>();
        try (MemoryBackend small = new MemoryBackend(MemoryBackend.Options.defaults().withWatchBufferSize(16));
                BackendStore smallStore = new BackendStore(TestKinds.registry(), clock, small)) {
            smallStore.create(TestKinds.NAMESPACES, Space.named("default"), WriteOptions.DEFAULT);
            String from = Long.toString(smallStore.currentRevision());
            Watch s = smallStore.watch(WIDGETS, new WatchOptions(null, null, null, from, false), slow);
            Watch f = smallStore.watch(WIDGETS, new WatchOptions(null, null, null, from, false), fast);
            smallStore.create(WIDGETS, Widget.of("default", "first", 0), WriteOptions.DEFAULT);
            assertThat(blocked.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(fast.next().object().metadata().name()).isEqualTo("first");
            for (int i = 0; i < 40; i++) {
                smallStore.create(WIDGETS, Widget.of("default", "w" + i, i), WriteOptions.DEFAULT);
                assertThat(fast.next().object().metadata().name()).isEqualTo("w" + i);
            }

            release.countDown();
            RuntimeException cause = slow.awaitClose();
            assertThat(cause).isInstanceOfSatisfying(GoneException.class, e -> assertThat(e.code()).isEqualTo(410));
            assertThat(slow.drain()).hasSizeLessThan(20);
            assertThat(fast.isClosed()).isFalse();
            s.close();
            f.close();
        }
    }

    @Test
    void objectsEnteringAndLeavingTheSelectorArriveAsAddedAndDeleted() {
        Widget a = create(Widget.of("default", "a", 1));
        RecordingListener<Widget> listener = new RecordingListener<>();
        WatchOptions options = new WatchOptions("default", label("tier", "front"), null, Long.toString(store.currentRevision()), false);

        try (Watch ignored = store.watch(WIDGETS, options, listener)) {
            Widget front = store.update(WIDGETS, a.withMetadata(a.metadata().withLabel("tier", "front")), WriteOptions.DEFAULT);
            Widget scaled = store.update(WIDGETS, front.withReplicas(3), WriteOptions.DEFAULT);
            Widget back = store.update(WIDGETS, scaled.withMetadata(scaled.metadata().withLabel("tier", "back")), WriteOptions.DEFAULT);
            create(Widget.of("default", "unrelated", 1));
            store.update(WIDGETS, back.withMetadata(back.metadata().withLabel("tier", "front")), WriteOptions.DEFAULT);

            List<WatchEvent<Widget>> events = listener.take(4);
            assertThat(events).extracting(WatchEvent::type).containsExactly(Type.ADDED, Type.MODIFIED, Type.DELETED, Type.ADDED);
            WatchEvent<Widget> left = events.get(2);
            assertThat(left.object().metadata().labels()).containsEntry("tier", "front");
            assertThat(left.object().spec().replicas()).isEqualTo(3);
            assertThat(left.object().metadata().resourceVersion()).isEqualTo(back.metadata().resourceVersion());
        }
    }

    @Test
    void bookmarksCarryTheCurrentRevisionWhenAllowed() {
        create(Widget.of("default", "a", 1));
        RecordingListener<Widget> withBookmarks = new RecordingListener<>();
        RecordingListener<Widget> without = new RecordingListener<>();
        String from = Long.toString(store.currentRevision());

        try (Watch b = store.watch(WIDGETS, new WatchOptions(null, null, null, from, true), withBookmarks);
                Watch n = store.watch(WIDGETS, new WatchOptions(null, null, null, from, false), without)) {
            store.create(TestKinds.NOTES, Note.of("default", "elsewhere", "x"), WriteOptions.DEFAULT);
            store.emitBookmarks();

            WatchEvent<Widget> bookmark = withBookmarks.next();
            assertThat(bookmark.type()).isEqualTo(Type.BOOKMARK);
            assertThat(bookmark.revision()).isEqualTo(store.currentRevision());
            assertThat(bookmark.object().metadata().resourceVersion()).isEqualTo(Long.toString(store.currentRevision()));
            assertThat(bookmark.object().apiVersion()).isEqualTo("example.com/v1");
            assertThat(bookmark.object().kind()).isEqualTo("Widget");
            assertThat(bookmark.object().spec()).isNull();

            create(Widget.of("default", "b", 1));
            assertThat(without.next().type()).isEqualTo(Type.ADDED);
            assertThat(withBookmarks.next().type()).isEqualTo(Type.ADDED);
        }
    }

    @Test
    void bookmarksAlsoComePeriodically() {
        try (MemoryBackend own = new MemoryBackend();
                BackendStore ticking = new BackendStore(TestKinds.registry(), clock, own, new BackendStore.Options(java.time.Duration.ofMillis(20)))) {
            RecordingListener<Widget> listener = new RecordingListener<>();
            try (Watch ignored = ticking.watch(WIDGETS, new WatchOptions(null, null, null, "0", true), listener)) {
                WatchEvent<Widget> bookmark = listener.next();
                assertThat(bookmark.type()).isEqualTo(Type.BOOKMARK);
                assertThat(bookmark.revision()).isEqualTo(ticking.currentRevision());
            }
        }
    }

    @Test
    void aStoreMadeInMemoryClosesItsBackendAndItsWatches() {
        BackendStore own = BackendStore.inMemory(TestKinds.registry(), clock);
        RecordingListener<Widget> listener = new RecordingListener<>();
        own.watch(WIDGETS, new WatchOptions(null, null, null, "", false), listener);

        own.close();

        assertThat(listener.awaitClose()).isNull();
    }

    @Test
    void closingAWatchEndsItWithoutCause() {
        RecordingListener<Widget> listener = new RecordingListener<>();
        Watch watch = watch("", listener);

        watch.close();

        assertThat(listener.awaitClose()).isNull();
        assertThat(backend.watchCount()).isZero();
    }
}
