package io.steersman.core.backend;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * The backend contract on a real etcd started for this class; each backend under its own key
 * prefix, so each test sees only its own keys (revisions and compaction are etcd-wide, hence the
 * contract's revisions relative to where a test starts).
 */
class EtcdBackendTest extends BackendContractTest {
    static EtcdServer etcd;
    private static final AtomicInteger prefixes = new AtomicInteger();

    @BeforeAll
    static void startEtcd() {
        etcd = EtcdServer.startTemporary();
    }

    @AfterAll
    static void stopEtcd() {
        etcd.close();
    }

    @Override
    protected Backend open(MemoryBackend.Options options) {
        return EtcdBackend.open(List.of(etcd.endpoint()), Thing.CODEC,
                EtcdBackend.Options.defaults().withPrefix("/test-" + prefixes.incrementAndGet()));
    }

    @Override
    protected int watchCount(Backend backend) {
        return ((EtcdBackend) backend).watchCount();
    }

    /** etcd keeps history until someone compacts it (kube-apiserver every 5 minutes): no history size. */
    @Test
    @Disabled("etcd has no bound on history by count; compaction is explicit")
    @Override
    void aFullHistoryCompactsAsItGrows() {
    }
}
