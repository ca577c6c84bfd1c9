package io.steersman.core.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.steersman.api.model.ObjectMeta;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The etcd backend across restarts of itself and of etcd, and with etcd gone. */
class EtcdBackendOutageTest {
    private static final EtcdBackend.Options OPTIONS = EtcdBackend.Options.defaults().withRequestTimeout(Duration.ofSeconds(2));
    private static final AtomicInteger prefixes = new AtomicInteger();
    static EtcdServer etcd;
    private EtcdBackend.Options options;

    @BeforeAll
    static void startEtcd() {
        etcd = EtcdServer.startTemporary();
    }

    @AfterAll
    static void stopEtcd() {
        etcd.close();
    }

    @BeforeEach
    void ownPrefix() {
        etcd.start();
        options = OPTIONS.withPrefix("/outage-" + prefixes.incrementAndGet());
    }

    private EtcdBackend open() {
        return EtcdBackend.open(List.of(etcd.endpoint()), Thing.CODEC, options);
    }

    private static Thing thing(String name, String uid, int value) {
        return new Thing(Thing.API_VERSION, "Thing", ObjectMeta.builder().name(name).uid(uid).build(), value);
    }

    @Test
    void objectsAndRevisionsSurviveReopeningTheBackend() {
        KeyValue stored;
        long revision;
        try (EtcdBackend backend = open()) {
            long created = backend.txn(Txn.create("/t/a", thing("a", "uid-a", 1))).revision();
            stored = backend.txn(Txn.update("/t/a", created, thing("a", "uid-a", 2))).first().kv();
            revision = backend.currentRevision();
        }

        try (EtcdBackend backend = open()) {
            assertThat(backend.currentRevision()).isEqualTo(revision);
            assertThat(backend.get("/t/a")).contains(stored);
            assertThat(backend.get("/t/a").orElseThrow().value().metadata().uid()).isEqualTo("uid-a");
        }
    }

    @Test
    void theCompactedRevisionSurvivesReopeningTheBackend() {
        long compactedAt;
        try (EtcdBackend backend = open()) {
            compactedAt = backend.txn(Txn.create("/t/a", thing("a", "uid-a", 1))).revision();
            backend.compact(compactedAt);
        }

        try (EtcdBackend backend = open()) {
            assertThat(backend.compactedRevision()).isEqualTo(compactedAt);
            assertThat(backend.range("/", null, 0, 0).kvs()).as("the record of the compaction is no object")
                    .extracting(KeyValue::key).containsExactly("/t/a");
            assertThatThrownBy(() -> backend.watch("/t/", compactedAt - 1, new BackendContractTest.Recorder()))
                    .isInstanceOf(CompactedException.class);
        }
    }

    @Test
    void theCompactorCompactsToTheRevisionItSawOneTickBefore() {
        options = options.withCompactionInterval(Duration.ZERO);
        try (EtcdBackend backend = open()) {
            EtcdCompactor compactor = new EtcdCompactor(backend);
            long first = backend.txn(Txn.create("/t/a", thing("a", "uid-a", 1))).revision();
            compactor.tick();
            assertThat(backend.compactedRevision()).as("nothing seen before the first tick").isLessThan(first);

            long second = backend.txn(Txn.update("/t/a", first, thing("a", "uid-a", 2))).revision();
            compactor.tick();
            assertThat(backend.compactedRevision()).isEqualTo(first);
            assertThat(backend.range("/t/", Keys.prefixEnd("/t/"), first, 0).kvs()).hasSize(1);
            assertThatThrownBy(() -> backend.range("/t/", Keys.prefixEnd("/t/"), first - 1, 0)).isInstanceOf(CompactedException.class);

            compactor.tick();
            assertThat(backend.compactedRevision()).as("the revision of the second tick").isGreaterThanOrEqualTo(second);
        }
    }

    @Test
    void anEtcdThatDoesNotAnswerAtOpenIsAStorageErrorNamingIt() throws Exception {
        URI nobody;
        try (ServerSocket socket = new ServerSocket(0)) {
            nobody = URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
        URI endpoint = nobody;

        assertThatThrownBy(() -> EtcdBackend.open(List.of(endpoint), Thing.CODEC, options))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("cannot use etcd at " + endpoint)
                .hasMessageContaining("is etcd running");
    }

    @Test
    void requestsFailWhileEtcdIsDownAndWorkAgainOnceItIsBack() throws Exception {
        try (EtcdBackend backend = open()) {
            long before = backend.txn(Txn.create("/t/a", thing("a", "uid-a", 1))).revision();
            BackendContractTest.Recorder recorder = new BackendContractTest.Recorder();
            try (BackendWatch ignored = backend.watch("/t/", before, recorder)) {
                etcd.stop();

                assertThatThrownBy(() -> backend.get("/t/a")).isInstanceOf(StorageException.class)
                        .hasMessageContaining(etcd.endpoint().toString());
                assertThatThrownBy(() -> backend.txn(Txn.create("/t/b", thing("b", "uid-b", 1))))
                        .isInstanceOf(StorageException.class);

                etcd.start();

                long after = backend.txn(Txn.update("/t/a", before, thing("a", "uid-a", 2))).revision();
                assertThat(Thing.value(backend.get("/t/a").orElseThrow())).isEqualTo(2);
                // The watch resumed by itself: it sees the write made after etcd came back.
                // (The create refused while etcd was down may still have been applied when it came
                // back, as with any etcd client: skip it if so.)
                BackendEvent event = recorder.nextEvent();
                if (event.kv().key().equals("/t/b")) {
                    event = recorder.nextEvent();
                }
                assertThat(event.revision()).isEqualTo(after);
                assertThat(Thing.value(event.prevKv())).isEqualTo(1);
            }
        }
    }
}
