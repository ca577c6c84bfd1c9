package io.steersman.core.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link Backend} contract, run against every implementation: revisions and resourceVersions,
 * compare-on-modRevision transactions, ranges at a revision, compaction, watches from a revision and
 * with initial state, progress and the ordering of watch delivery against reads.
 */
abstract class BackendContractTest {
    protected Backend backend;

    /** A new, empty backend with these memory options (history size, watch buffers). */
    protected abstract Backend open(MemoryBackend.Options options);

    /** How many watches {@code backend} has open. */
    protected abstract int watchCount(Backend backend);

    /** The revision the backend starts at: 0, but a shared store (etcd) has the revisions of others. */
    protected long base;

    @BeforeEach
    void openBackend() {
        backend = open(MemoryBackend.Options.defaults());
        base = backend.currentRevision();
    }

    /** The {@code n}th revision of this test. */
    long r(long n) {
        return base + n;
    }

    private static Thing thing(String name, int value) {
        return Thing.of(name, value);
    }

    private static int value(KeyValue kv) {
        return Thing.value(kv);
    }

    @AfterEach
    void close() {
        backend.close();
    }

    /** Collects events and progress notifications of one watch. */
    static class Recorder implements BackendWatcher {
        final LinkedBlockingQueue<Object> received = new LinkedBlockingQueue<>();

        @Override public void onEvent(BackendEvent event) { received.add(event); }
        @Override public void onProgress(long revision) { received.add(revision); }
        @Override public void onClose(RuntimeException cause) { received.add(cause == null ? "closed" : cause); }

        Object next() throws InterruptedException {
            Object item = received.poll(10, TimeUnit.SECONDS);
            assertThat(item).as("a delivery").isNotNull();
            return item;
        }

        BackendEvent nextEvent() throws InterruptedException {
            return (BackendEvent) next();
        }
    }

    @Test
    void everyWriteTakesTheNextRevisionAndStampsTheResourceVersion() {
        TxnResult first = backend.txn(Txn.create("/a", thing("a", 1)));
        TxnResult second = backend.txn(Txn.create("/b", thing("b", 1)));

        assertThat(first.revision()).isEqualTo(r(1));
        assertThat(second.revision()).isEqualTo(r(2));
        KeyValue b = backend.get("/b").orElseThrow();
        assertThat(b.value().metadata().resourceVersion()).isEqualTo(Long.toString(r(2)));
        assertThat(b).extracting(KeyValue::createRevision, KeyValue::modRevision, KeyValue::version).containsExactly(r(2), r(2), 1L);
    }

    @Test
    void compareOnModRevisionGuardsPutsAndDeletes() {
        backend.txn(Txn.create("/a", thing("a", 1)));

        TxnResult again = backend.txn(Txn.create("/a", thing("a", 2)));
        assertThat(again.succeeded()).isFalse();
        assertThat(value(again.first().kv())).isEqualTo(1);

        TxnResult stale = backend.txn(Txn.update("/a", r(7), thing("a", 3)));
        assertThat(stale.succeeded()).isFalse();
        assertThat(backend.currentRevision()).isEqualTo(r(1));

        TxnResult fresh = backend.txn(Txn.update("/a", r(1), thing("a", 4)));
        assertThat(fresh.succeeded()).isTrue();
        assertThat(fresh.first().kv()).extracting(KeyValue::createRevision, KeyValue::modRevision, KeyValue::version).containsExactly(r(1), r(2), 2L);
        assertThat(value(fresh.first().prevKv())).isEqualTo(1);

        assertThat(backend.txn(Txn.delete("/a", r(1))).succeeded()).isFalse();
        TxnResult deleted = backend.txn(Txn.delete("/a", r(2)));
        assertThat(deleted.succeeded()).isTrue();
        assertThat(deleted.first().kv().value().metadata().resourceVersion()).isEqualTo(Long.toString(r(3)));
        assertThat(backend.get("/a")).isEmpty();
    }

    @Test
    void rangeReadsAnyRetainedRevisionInKeyOrderWithALimit() {
        backend.txn(Txn.create("/k/b", thing("b", 1)));
        backend.txn(Txn.create("/k/a", thing("a", 1)));
        backend.txn(Txn.create("/other", thing("o", 1)));
        backend.txn(Txn.update("/k/a", r(2), thing("a", 2)));
        backend.txn(Txn.delete("/k/b", r(1)));

        assertThat(backend.range("/k/", Keys.prefixEnd("/k/"), 0, 0).kvs()).extracting(KeyValue::key).containsExactly("/k/a");
        RangeResult atTwo = backend.range("/k/", Keys.prefixEnd("/k/"), r(2), 0);
        assertThat(atTwo.kvs()).extracting(KeyValue::key).containsExactly("/k/a", "/k/b");
        assertThat(value(atTwo.kvs().get(0))).isEqualTo(1);
        RangeResult limited = backend.range("/k/", Keys.prefixEnd("/k/"), r(4), 1);
        assertThat(limited.kvs()).extracting(KeyValue::key).containsExactly("/k/a");
        assertThat(limited.more()).isTrue();
        assertThat(backend.count("/k/", Keys.prefixEnd("/k/"), r(4))).isEqualTo(2);
        assertThatThrownBy(() -> backend.range("/k/", null, r(99), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void compactionForgetsOlderRevisions() {
        backend.txn(Txn.create("/a", thing("a", 1)));
        backend.txn(Txn.update("/a", r(1), thing("a", 2)));
        backend.txn(Txn.create("/b", thing("b", 1)));
        backend.txn(Txn.delete("/b", r(3)));

        backend.compact(r(3));

        assertThat(backend.compactedRevision()).isEqualTo(r(3));
        assertThatThrownBy(() -> backend.range("/", null, r(2), 0)).isInstanceOfSatisfying(CompactedException.class,
                e -> assertThat(e.compactedRevision()).isEqualTo(r(3)));
        assertThat(backend.range("/", null, r(3), 0).kvs()).extracting(KeyValue::key).containsExactly("/a", "/b");
        assertThat(backend.range("/", null, r(4), 0).kvs()).extracting(KeyValue::key).containsExactly("/a");
        assertThatThrownBy(() -> backend.watch("/", r(2), new Recorder())).isInstanceOf(CompactedException.class);
    }

    @Test
    void aFullHistoryCompactsAsItGrows() {
        Backend small = open(MemoryBackend.Options.defaults().withHistorySize(3));
        try {
            for (int i = 1; i <= 5; i++) {
                small.txn(Txn.create("/t" + i, thing("t" + i, i)));
            }
            assertThat(small.compactedRevision()).isEqualTo(2);
            assertThatThrownBy(() -> small.watch("/", 1, new Recorder())).isInstanceOf(CompactedException.class);
            assertThat(small.range("/", null, 2, 0).kvs()).hasSize(2);
            assertThat(small.range("/", null, 0, 0).kvs()).hasSize(5);
        } finally {
            small.close();
        }
    }

    @Test
    void aWatchReplaysHistoryThenDeliversLiveInOrder() throws Exception {
        backend.txn(Txn.create("/w/a", thing("a", 1)));
        backend.txn(Txn.create("/x/ignored", thing("x", 1)));
        backend.txn(Txn.update("/w/a", r(1), thing("a", 2)));
        Recorder recorder = new Recorder();

        try (BackendWatch watch = backend.watch("/w/", r(1), recorder)) {
            backend.txn(Txn.delete("/w/a", r(3)));

            BackendEvent replayed = recorder.nextEvent();
            assertThat(replayed.type()).isEqualTo(BackendEvent.Type.PUT);
            assertThat(replayed.revision()).isEqualTo(r(3));
            assertThat(value(replayed.prevKv())).isEqualTo(1);
            BackendEvent live = recorder.nextEvent();
            assertThat(live.type()).isEqualTo(BackendEvent.Type.DELETE);
            assertThat(live.revision()).isEqualTo(r(4));
            assertThat(live.kv().value().metadata().resourceVersion()).isEqualTo(Long.toString(r(4)));

            watch.requestProgress();
            assertThat(recorder.next()).isEqualTo(r(4));
        }
        assertThat(recorder.next()).isEqualTo("closed");
    }

    @Test
    void progressNeverRunsAheadOfTheEventsOfItsWatchUnderConcurrentWrites() throws Exception {
        Recorder recorder = new Recorder();
        int writes = 3_000;
        try (BackendWatch watch = backend.watch("/", r(0), recorder)) {
            Thread writer = new Thread(() -> {
                for (int i = 0; i < writes; i++) {
                    backend.txn(Txn.create("/p/" + i, thing("p" + i, i)));
                }
            });
            writer.start();
            while (writer.isAlive()) {
                watch.requestProgress();
                Thread.onSpinWait();
            }
            writer.join();
            watch.requestProgress();
            long promised = 0;
            int events = 0;
            while (events < writes || promised < r(writes)) {
                Object item = recorder.next();
                if (item instanceof Long progress) {
                    assertThat(progress).isGreaterThanOrEqualTo(promised);
                    promised = progress;
                } else {
                    BackendEvent event = (BackendEvent) item;
                    assertThat(event.revision()).as("an event after progress %d", promised).isGreaterThan(promised);
                    events++;
                }
            }
            assertThat(events).isEqualTo(writes);
        }
    }

    @Test
    void aWatcherThatReadsOnAnEventSeesAtLeastTheEventsState() throws Exception {
        LinkedBlockingQueue<Long> stale = new LinkedBlockingQueue<>();
        java.util.concurrent.CountDownLatch all = new java.util.concurrent.CountDownLatch(500);
        backend.txn(Txn.create("/r", thing("r", 0)));
        try (BackendWatch ignored = backend.watch("/", backend.currentRevision(), new Recorder() {
            @Override
            public void onEvent(BackendEvent event) {
                long seen = backend.get("/r").map(KeyValue::modRevision).orElse(0L);
                if (seen < event.revision()) {
                    stale.add(event.revision());
                }
                all.countDown();
            }
        })) {
            for (int i = 1; i <= 500; i++) {
                backend.txn(Txn.update("/r", r(i), thing("r", i)));
            }
            assertThat(all.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(stale).isEmpty();
    }

    @Test
    void aWatchWithInitialStateStartsWithEveryLiveKey() throws Exception {
        backend.txn(Txn.create("/w/a", thing("a", 1)));
        backend.txn(Txn.create("/w/b", thing("b", 1)));
        backend.txn(Txn.delete("/w/a", r(1)));
        Recorder recorder = new Recorder();

        try (BackendWatch ignored = backend.watchWithInitialState("/w/", recorder)) {
            backend.txn(Txn.create("/w/c", thing("c", 1)));

            BackendEvent initial = recorder.nextEvent();
            assertThat(initial.kv().key()).isEqualTo("/w/b");
            assertThat(initial.prevKv()).isNull();
            assertThat(recorder.nextEvent().kv().key()).isEqualTo("/w/c");
        }
    }

    @Test
    void aWatcherThatThrowsIsClosedWithItsException() throws Exception {
        LinkedBlockingQueue<Object> closed = new LinkedBlockingQueue<>();
        IllegalStateException boom = new IllegalStateException("boom");
        backend.watch("/", r(0), new BackendWatcher() {
            @Override public void onEvent(BackendEvent event) { throw boom; }
            @Override public void onProgress(long revision) { }
            @Override public void onClose(RuntimeException cause) { closed.add(cause); }
        });

        backend.txn(Txn.create("/a", thing("a", 1)));

        assertThat(closed.poll(10, TimeUnit.SECONDS)).isSameAs(boom);
        assertThat(watchCount(backend)).isZero();
    }

    @Test
    void aTransactionRunsItsFailureBranchWhenACompareFails() {
        backend.txn(Txn.create("/a", thing("a", 1)));

        TxnResult result = backend.txn(new Txn(List.of(Compare.absent("/a")),
                List.of(Op.put("/b", thing("b", 1))), List.of(Op.put("/c", thing("c", 1)), Op.get("/a"))));

        assertThat(result.succeeded()).isFalse();
        assertThat(result.revision()).isEqualTo(r(2));
        assertThat(result.results()).hasSize(2);
        assertThat(backend.get("/b")).isEmpty();
        assertThat(backend.get("/c")).isPresent();
    }

    @Test
    void aWatcherThatReadsOnAnEventSeesWhatTheEventReports() throws InterruptedException {
        List<String> stale = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        java.util.concurrent.CountDownLatch all = new java.util.concurrent.CountDownLatch(2000);
        backend.watch("/", r(0), new BackendWatcher() {
            @Override
            public void onEvent(BackendEvent event) {
                // Later writes may have happened meanwhile; what matters is that this one is visible.
                long seen = backend.currentRevision();
                if (seen < event.kv().modRevision()) {
                    stale.add(event.type() + " at " + event.kv().modRevision() + " read at " + seen);
                }
                all.countDown();
            }

            @Override public void onProgress(long revision) { }
            @Override public void onClose(RuntimeException cause) { }
        });
        for (int i = 0; i < 1000; i++) {
            long created = backend.txn(Txn.create("/k" + i, thing("k" + i, i))).revision();
            backend.txn(Txn.delete("/k" + i, created));
        }
        assertThat(all.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(stale).isEmpty();
    }
}
