package io.steersman.core.backend;

import io.etcd.jetcd.Watch;
import io.etcd.jetcd.common.exception.EtcdException;
import io.etcd.jetcd.support.Errors;
import io.grpc.Status;
import io.etcd.jetcd.options.WatchOption;
import io.etcd.jetcd.watch.WatchEvent;
import io.etcd.jetcd.watch.WatchResponse;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One backend watch on etcd: one etcd watch (with {@code prev_kv}) whose responses become
 * {@link BackendEvent}s. jetcd calls its listener sequentially for a watch, in revision order; it
 * resumes the etcd watch by itself after a lost connection. The watcher is told exactly once that
 * the watch ended.
 */
final class EtcdWatch implements BackendWatch, Watch.Listener {
    private static final Logger log = LoggerFactory.getLogger(EtcdWatch.class);

    private final EtcdBackend backend;
    private final String prefix;
    private final BackendWatcher watcher;
    private final Consumer<EtcdWatch> unregister;

    // Guarded by this.
    private Watch.Watcher etcdWatch;
    private boolean closed;
    private boolean progressRequested;

    // Touched only on the delivery thread (jetcd's, one call at a time, after the initial state).
    /** Every event of this watch up to this revision has been delivered. */
    private long delivered;
    /** The revision of the latest progress etcd reported and this watch has not yet caught up with; 0: none. */
    private long pendingProgress;
    private long progressDelivered;
    /** Set when jetcd reported a lost connection, cleared by the next response. */
    private volatile boolean interrupted;

    EtcdWatch(EtcdBackend backend, String prefix, BackendWatcher watcher, Consumer<EtcdWatch> unregister) {
        this.backend = backend;
        this.prefix = prefix;
        this.watcher = watcher;
        this.unregister = unregister;
    }

    /** Starts the etcd watch at {@code fromRevision} (unless the watch was closed meanwhile). */
    void start(long fromRevision) {
        delivered = fromRevision - 1;
        WatchOption option = WatchOption.builder()
                .withRange(backend.rangeEnd(Keys.prefixEnd(prefix)))
                .withRevision(fromRevision)
                .withPrevKV(true)
                .build();
        synchronized (this) {
            if (closed) {
                return;
            }
            etcdWatch = backend.client().getWatchClient().watch(backend.bytes(prefix), option, this);
        }
    }

    /** Hands the watcher the initial state; false when the watch ended meanwhile or the watcher failed. */
    boolean deliverInitial(List<KeyValue> live) {
        try {
            delivered = live.stream().mapToLong(KeyValue::modRevision).max().orElse(0);
            for (KeyValue kv : live) {
                if (isClosed()) {
                    return false;
                }
                watcher.onEvent(new BackendEvent(BackendEvent.Type.PUT, kv, null));
            }
            return !isClosed();
        } catch (RuntimeException e) {
            end(e);
            return false;
        }
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    @Override
    public void onNext(WatchResponse response) {
        interrupted = false;
        if (isClosed()) {
            return;
        }
        try {
            if (response.isProgressNotify()) {
                progressAnswered();
                pendingProgress = Math.max(pendingProgress, response.getHeader().getRevision());
                deliverProgress(true);
                return;
            }
            for (WatchEvent event : response.getEvents()) {
                BackendEvent translated = translate(event);
                if (translated != null) {
                    watcher.onEvent(translated);
                }
                delivered = Math.max(delivered, event.getKeyValue().getModRevision());
            }
            deliverProgress(false);
        } catch (RuntimeException e) {
            end(e);
        }
    }

    /**
     * etcd before 3.4.31 and 3.5.13 may send a progress response ahead of events it has not yet
     * sent ({@link EtcdVersions}), so from such a server its revision is not a promise by itself:
     * this watch promises only up to the last event it delivered, and raises the promise as later
     * events arrive, up to the revision etcd reported. An answer to a request is always given, even
     * when it promises nothing new.
     */
    private void deliverProgress(boolean answer) {
        if (pendingProgress == 0) {
            return;
        }
        if (backend.progressOrdered()) {
            delivered = Math.max(delivered, pendingProgress);
        }
        long promise = Math.min(pendingProgress, delivered);
        if (delivered >= pendingProgress) {
            pendingProgress = 0;
        }
        if (answer || promise > progressDelivered) {
            progressDelivered = Math.max(progressDelivered, promise);
            watcher.onProgress(promise);
        }
    }

    private BackendEvent translate(WatchEvent event) {
        KeyValue previous = event.getPrevKV() == null || event.getPrevKV().getValue().isEmpty()
                ? null : backend.decode(event.getPrevKV());
        if (event.getEventType() == WatchEvent.EventType.PUT) {
            return new BackendEvent(BackendEvent.Type.PUT, backend.decode(event.getKeyValue()), previous);
        }
        if (event.getEventType() == WatchEvent.EventType.DELETE) {
            if (previous == null) {
                // etcd sends no prev_kv when it compacted the old value before sending the event.
                log.warn("etcd sent the deletion of {} at revision {} without its last value; it is not delivered",
                        backend.key(event.getKeyValue().getKey()), event.getKeyValue().getModRevision());
                return null;
            }
            return new BackendEvent(BackendEvent.Type.DELETE, EtcdBackend.deleted(previous, event.getKeyValue().getModRevision()), previous);
        }
        return null;
    }

    /**
     * jetcd reports every error, then resumes the etcd watch by itself (from the revision after
     * the last event) unless the error is final: a lost connection leaves this watch open.
     */
    @Override
    public void onError(Throwable error) {
        RuntimeException cause = backend.translate(error, 0);
        // jetcd hands over its EtcdException; its error code is the gRPC status code jetcd decided on.
        Status status = error instanceof EtcdException etcdError
                ? Status.fromCode(Status.Code.valueOf(etcdError.getErrorCode().name()))
                : Status.fromThrowable(error);
        boolean resumed = !(cause instanceof CompactedException) && !Errors.isHaltError(status) && !Errors.isNoLeaderError(status);
        if (resumed) {
            if (interrupted) {
                return; // jetcd retries every half second: say it once per outage
            }
            interrupted = true;
            log.warn("the etcd watch of {} was interrupted ({}); it resumes when etcd answers", prefix, status.getCode());
            return;
        }
        end(cause);
    }

    @Override
    public void onCompleted() {
        end(null);
    }

    /**
     * Sends etcd a progress request unless one is still unanswered: the answer to that one also
     * answers this, and a caller asking in a loop must not flood etcd.
     */
    @Override
    public void requestProgress() {
        Watch.Watcher running;
        synchronized (this) {
            if (etcdWatch == null || closed || progressRequested) {
                return;
            }
            progressRequested = true;
            running = etcdWatch;
        }
        running.requestProgress();
    }

    private synchronized void progressAnswered() {
        progressRequested = false;
    }

    @Override
    public void close() {
        end(null);
    }

    private void end(RuntimeException cause) {
        Watch.Watcher running;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            running = etcdWatch;
        }
        if (running != null) {
            running.close();
        }
        unregister.accept(this);
        watcher.onClose(cause);
    }
}
