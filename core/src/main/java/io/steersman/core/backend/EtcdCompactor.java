package io.steersman.core.backend;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps etcd's history bounded in time, as kube-apiserver's compactor does: at every tick it
 * compacts to the revision it saw at the tick before, so history is kept for one to two intervals
 * (kube-apiserver's {@code --etcd-compaction-interval}, 5 minutes by default). Without it etcd keeps
 * every revision until its space quota is full and it refuses writes.
 *
 * <p>Ticks come from one scheduler thread; a tick while etcd is away logs and tries again at the
 * next one.
 */
final class EtcdCompactor {
    private static final Logger log = LoggerFactory.getLogger(EtcdCompactor.class);

    private final EtcdBackend backend;
    /** The revision seen at the previous tick; 0 before the first. */
    private long previous;

    EtcdCompactor(EtcdBackend backend) {
        this.backend = backend;
    }

    /** Compacts to the revision of the previous tick (when it is past what is compacted), then notes the current one. */
    void tick() {
        try {
            long current = backend.currentRevision();
            if (previous > backend.compactedRevision()) {
                backend.compact(previous);
                log.debug("compacted etcd at revision {}", previous);
            }
            previous = current;
        } catch (CompactedException e) {
            // Someone else (another control plane, etcdctl) compacted further already.
            backend.compactedAt(e.compactedRevision());
        } catch (StorageException e) {
            log.warn("could not compact etcd: {}", e.getMessage());
        }
    }
}
