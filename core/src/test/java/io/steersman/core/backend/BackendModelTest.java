package io.steersman.core.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import java.nio.file.Path;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * Random writes against a plain model (a sorted map per revision): every read at every retained
 * revision and every watch from a retained revision agree with it, whatever the history size and
 * however often the backend compacts. The seed is in the test name.
 */
class BackendModelTest {

    /** The backends under test; a durable one is closed and reopened at the end. */
    enum Kind { MEMORY, SQLITE }

    @TempDir
    Path dir;

    private Backend open(Kind kind, MemoryBackend.Options options) {
        return kind == Kind.MEMORY ? new MemoryBackend(options)
                : SqliteBackend.open(dir.resolve("state.db"), Thing.CODEC, SqliteBackend.Options.defaults().withMemory(options));
    }

    static Stream<Arguments> cases() {
        return Stream.of(Kind.values()).flatMap(kind -> LongStream.of(1, 2, 3, 42, 2026).mapToObj(seed -> Arguments.of(kind, seed)));
    }

    /** What one write did, as the model sees it: the key and its value after (null: deleted). */
    record Change(long revision, String key, Integer value) {}

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("cases")
    void readsAndWatchesAgreeWithTheModel(Kind kind, long seed) throws Exception {
        Random random = new Random(seed);
        int historySize = 5 + random.nextInt(60);
        MemoryBackend.Options options = MemoryBackend.Options.defaults().withHistorySize(historySize);
        TreeMap<String, Integer> state = new TreeMap<>();
        long written;
        try (Backend backend = open(kind, options)) {
            Map<Long, TreeMap<String, Integer>> snapshots = new HashMap<>();
            List<Change> changes = new ArrayList<>();
            Map<String, Long> modRevisions = new HashMap<>();
            snapshots.put(0L, new TreeMap<>());
            for (int step = 0; step < 400; step++) {
                String key = "/k/" + (char) ('a' + random.nextInt(12));
                int value = random.nextInt(1000);
                boolean creating = !state.containsKey(key);
                boolean deleting = !creating && random.nextInt(3) == 0;
                boolean stale = !creating && random.nextInt(8) == 0;
                long compare = modRevisions.getOrDefault(key, 0L) + (stale ? 1 : 0);
                Thing thing = Thing.of(key, value);
                TxnResult result = backend.txn(creating ? Txn.create(key, thing)
                        : deleting ? Txn.delete(key, compare) : Txn.update(key, compare, thing));
                assertThat(result.succeeded()).as("step %d: a stale compare fails, a fresh one succeeds", step).isEqualTo(!stale);
                if (result.succeeded() && deleting) {
                    state.remove(key);
                    modRevisions.remove(key);
                    changes.add(new Change(result.revision(), key, null));
                } else if (result.succeeded()) {
                    state.put(key, value);
                    modRevisions.put(key, result.revision());
                    changes.add(new Change(result.revision(), key, value));
                }
                snapshots.put(backend.currentRevision(), new TreeMap<>(state));
                if (random.nextInt(50) == 0) {
                    backend.compact(Math.max(backend.compactedRevision(), backend.currentRevision() - random.nextInt(20)));
                }
            }

            long current = backend.currentRevision();
            long floor = backend.compactedRevision();
            for (long revision = floor; revision <= current; revision++) {
                TreeMap<String, Integer> expected = snapshots.get(revision);
                List<KeyValue> kvs = backend.range("/k/", Keys.prefixEnd("/k/"), Math.max(revision, 1), 0).kvs();
                Map<String, Integer> actual = new TreeMap<>();
                kvs.forEach(kv -> actual.put(kv.key(), ((Thing) kv.value()).value()));
                if (revision > 0) {
                    assertThat(actual).as("range at %d", revision).isEqualTo(expected);
                }
            }
            if (floor > 0) {
                assertThatThrownBy(() -> backend.range("/k/", null, floor - 1, 0)).isInstanceOf(CompactedException.class);
            }

            long from = floor + random.nextInt((int) Math.max(1, current - floor));
            LinkedBlockingQueue<BackendEvent> received = new LinkedBlockingQueue<>();
            try (BackendWatch ignored = backend.watch("/k/", from, new BackendWatcher() {
                @Override public void onEvent(BackendEvent event) { received.add(event); }
                @Override public void onProgress(long revision) { }
                @Override public void onClose(RuntimeException cause) { }
            })) {
                List<Change> wanted = changes.stream().filter(c -> c.revision() > from).toList();
                for (Change change : wanted) {
                    BackendEvent event = received.poll(10, TimeUnit.SECONDS);
                    assertThat(event).as("event for %s", change).isNotNull();
                    assertThat(event.revision()).isEqualTo(change.revision());
                    assertThat(event.kv().key()).isEqualTo(change.key());
                    if (change.value() == null) {
                        assertThat(event.type()).isEqualTo(BackendEvent.Type.DELETE);
                    } else {
                        assertThat(event.type()).isEqualTo(BackendEvent.Type.PUT);
                        assertThat(((Thing) event.kv().value()).value()).isEqualTo(change.value());
                    }
                }
                assertThat(received).isEmpty();
            }
            written = backend.currentRevision();
        }
        if (kind == Kind.SQLITE) {
            try (Backend reopened = open(kind, options)) {
                assertThat(reopened.currentRevision()).isEqualTo(written);
                Map<String, Integer> actual = new TreeMap<>();
                reopened.range("/k/", Keys.prefixEnd("/k/"), 0, 0).kvs().forEach(kv -> actual.put(kv.key(), Thing.value(kv)));
                assertThat(actual).as("the state after reopening").isEqualTo(state);
            }
        }
    }
}
