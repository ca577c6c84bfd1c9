package io.steersman.core.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.steersman.api.model.ObjectMeta;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What survives closing and reopening the SQLite backend, and how a file it cannot use is refused. */
class SqliteBackendRestartTest {
    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("state.db");
    }

    private SqliteBackend open() {
        return SqliteBackend.open(file(), Thing.CODEC);
    }

    private static Thing thing(String name, String uid, long generation, int value) {
        ObjectMeta meta = ObjectMeta.builder().name(name).uid(uid).generation(generation)
                .creationTimestamp(Instant.parse("2026-11-26T10:00:00Z")).labels(Map.of("app", name)).build();
        return new Thing(Thing.API_VERSION, "Thing", meta, value);
    }

    @Test
    void objectsWithTheirRevisionsUidsAndGenerationsSurviveAReopen() {
        KeyValue updated;
        KeyValue untouched;
        try (SqliteBackend backend = open()) {
            backend.txn(Txn.create("/t/a", thing("a", "uid-a", 1, 1)));
            untouched = backend.txn(Txn.create("/t/b", thing("b", "uid-b", 1, 1))).first().kv();
            updated = backend.txn(Txn.update("/t/a", 1, thing("a", "uid-a", 2, 2))).first().kv();
            backend.txn(Txn.create("/t/c", thing("c", "uid-c", 1, 1)));
            backend.txn(Txn.delete("/t/c", 4));
        }

        try (SqliteBackend backend = open()) {
            assertThat(backend.currentRevision()).isEqualTo(5);
            assertThat(backend.range("/t/", Keys.prefixEnd("/t/"), 0, 0).kvs()).containsExactly(updated, untouched);
            KeyValue a = backend.get("/t/a").orElseThrow();
            assertThat(a).extracting(KeyValue::createRevision, KeyValue::modRevision, KeyValue::version).containsExactly(1L, 3L, 2L);
            assertThat(a.value().metadata()).extracting(ObjectMeta::uid, ObjectMeta::generation, ObjectMeta::resourceVersion)
                    .containsExactly("uid-a", 2L, "3");
            assertThat(backend.get("/t/c")).isEmpty();
        }
    }

    @Test
    void theRevisionCounterContinuesAfterAReopenEvenWhenTheLastWriteWasADelete() {
        try (SqliteBackend backend = open()) {
            backend.txn(Txn.create("/t/a", thing("a", "uid-a", 1, 1)));
            backend.txn(Txn.delete("/t/a", 1));
        }

        try (SqliteBackend backend = open()) {
            assertThat(backend.currentRevision()).isEqualTo(2);
            TxnResult created = backend.txn(Txn.create("/t/a", thing("a", "uid-a2", 1, 1)));
            assertThat(created.revision()).isEqualTo(3);
            assertThat(created.first().kv()).extracting(KeyValue::createRevision, KeyValue::version).containsExactly(3L, 1L);
        }
        try (SqliteBackend backend = open()) {
            assertThat(backend.currentRevision()).isEqualTo(3);
        }
    }

    @Test
    void theRevisionCounterContinuesAfterATransactionThatPutAndDeletedTheSameKey() {
        try (SqliteBackend backend = open()) {
            backend.txn(Txn.create("/t/a", thing("a", "uid-a", 1, 1)));
            TxnResult both = backend.txn(new Txn(List.of(), List.of(Op.put("/t/b", thing("b", "uid-b", 1, 1)), Op.delete("/t/b")), List.of()));
            assertThat(both.revision()).isEqualTo(2);
        }

        try (SqliteBackend backend = open()) {
            assertThat(backend.currentRevision()).isEqualTo(2);
            assertThat(backend.get("/t/b")).isEmpty();
        }
    }

    @Test
    void historyBeforeAReopenIsCompactedSoWatchesFromItMustRelist() throws Exception {
        try (SqliteBackend backend = open()) {
            backend.txn(Txn.create("/t/a", thing("a", "uid-a", 1, 1)));
            backend.txn(Txn.create("/t/b", thing("b", "uid-b", 1, 1)));
        }

        try (SqliteBackend backend = open()) {
            assertThat(backend.compactedRevision()).isEqualTo(2);
            assertThatThrownBy(() -> backend.watch("/t/", 1, new BackendContractTest.Recorder()))
                    .isInstanceOfSatisfying(CompactedException.class, e -> assertThat(e.compactedRevision()).isEqualTo(2));
            assertThatThrownBy(() -> backend.range("/t/", null, 1, 0)).isInstanceOf(CompactedException.class);

            BackendContractTest.Recorder recorder = new BackendContractTest.Recorder();
            try (BackendWatch ignored = backend.watch("/t/", 2, recorder)) {
                backend.txn(Txn.update("/t/a", 1, thing("a", "uid-a", 2, 2)));
                BackendEvent event = recorder.nextEvent();
                assertThat(event.revision()).isEqualTo(3);
                assertThat(event.prevKv().modRevision()).isEqualTo(1);
            }
        }
    }

    @Test
    void aFailedCompareWritesNothingToTheFile() {
        try (SqliteBackend backend = open()) {
            backend.txn(Txn.create("/t/a", thing("a", "uid-a", 1, 1)));
            assertThat(backend.txn(Txn.update("/t/a", 7, thing("a", "uid-a", 2, 2))).succeeded()).isFalse();
            assertThat(backend.txn(new Txn(List.of(), List.of(Op.delete("/t/absent")), List.of())).revision()).isEqualTo(1);
        }
        try (SqliteBackend backend = open()) {
            assertThat(backend.currentRevision()).isEqualTo(1);
            assertThat(Thing.value(backend.get("/t/a").orElseThrow())).isEqualTo(1);
        }
    }

    @Test
    void aFileThatIsNotADatabaseIsRefusedWithItsNameAndTheReason() throws IOException {
        Files.write(file(), "this is not a database, just some text that happens to be long enough to fill a header".repeat(50).getBytes());

        assertThatThrownBy(this::open).isInstanceOf(StorageException.class)
                .hasMessageContaining(file().toString()).hasMessageContaining("not a SQLite database");
    }

    @Test
    void aDamagedDatabaseIsRefusedWithItsNameAndTheReason() throws IOException {
        try (SqliteBackend backend = open()) {
            for (int i = 0; i < 200; i++) {
                backend.txn(Txn.create("/t/" + i, thing("t" + i, "uid-" + i, 1, i)));
            }
        }
        byte[] bytes = Files.readAllBytes(file());
        // Pages 3 to 6 (of 4 KiB) become noise: B-tree pages of the table and its index.
        java.util.Arrays.fill(bytes, 2 * 4096, Math.min(bytes.length, 6 * 4096), (byte) 0x5a);
        Files.write(file(), bytes);

        assertThatThrownBy(this::open).isInstanceOf(StorageException.class)
                .hasMessageContaining(file().toString()).hasMessageContaining("the database is damaged");
    }

    @Test
    void aSecondBackendOnTheSameFileIsRefusedWhileTheFirstIsOpen() {
        try (SqliteBackend first = open()) {
            first.txn(Txn.create("/t/a", thing("a", "uid-a", 1, 1)));

            assertThatThrownBy(this::open).isInstanceOf(StorageException.class)
                    .hasMessageContaining(file().toString()).hasMessageContaining("another process is using it");
        }
        try (SqliteBackend again = open()) {
            assertThat(again.get("/t/a")).isPresent();
        }
    }

    @Test
    void aFileOfAnotherLayoutVersionIsRefused() throws Exception {
        try (SqliteBackend backend = open()) {
            backend.txn(Txn.create("/t/a", thing("a", "uid-a", 1, 1)));
        }
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file());
                var statement = connection.createStatement()) {
            statement.execute("UPDATE meta SET value = 99 WHERE name = 'schema'");
        }

        assertThatThrownBy(this::open).isInstanceOf(StorageException.class).hasMessageContaining("layout is version 99");
    }
}
