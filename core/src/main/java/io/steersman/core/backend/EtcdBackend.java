package io.steersman.core.backend;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.KV;
import io.etcd.jetcd.kv.DeleteResponse;
import io.etcd.jetcd.kv.GetResponse;
import io.etcd.jetcd.kv.PutResponse;
import io.etcd.jetcd.kv.TxnResponse;
import io.etcd.jetcd.op.Cmp;
import io.etcd.jetcd.op.CmpTarget;
import io.etcd.jetcd.options.DeleteOption;
import io.etcd.jetcd.options.GetOption;
import io.etcd.jetcd.options.PutOption;
import io.steersman.api.codec.Codec;
import io.steersman.api.model.ApiObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The backend on an etcd v3 cluster (through the jetcd client), for a control plane whose state
 * must outlive the machine it runs on, or be shared by several.
 *
 * <p>The contract maps onto etcd directly: revisions are etcd's revisions (so they are shared by
 * everything in that etcd, and a fresh etcd starts at 1, not 0), a {@link Txn} is one etcd txn
 * comparing {@code mod_revision}s, a range at a revision is an etcd range at it, a watch is one etcd
 * watch from {@code afterRevision + 1} with {@code prev_kv}, and {@link #compact} is etcd's compact.
 * Values are the api {@link Codec}'s JSON, stored without {@code metadata.resourceVersion}, which is
 * set from {@code mod_revision} when read, as kube-apiserver does.
 *
 * <p>Keys: the store's keys already start with {@code /registry/} ({@link Keys}), which is where
 * kube-apiserver keeps its objects, so with the default (empty) {@link Options#prefix()} they are
 * stored under exactly those names. A non-empty prefix is put in front of every key, to share one
 * etcd between several control planes. The compacted revision is recorded, as kube-apiserver's
 * compactor does, in the key {@code compact_rev_key} under the prefix. History is compacted every
 * {@link Options#compactionInterval()} ({@link EtcdCompactor}), as kube-apiserver does.
 *
 * <p>Watches: one etcd watch per {@link #watch} call (jetcd opens a gRPC stream for it and resumes it
 * by itself after a lost connection, from the revision after the last event it delivered); events
 * are delivered on jetcd's threads, in revision order. {@link BackendWatch#requestProgress()} is
 * etcd's progress request.
 *
 * <p>Failures: a call that etcd does not answer within {@link Options#requestTimeout()} (etcd down,
 * no quorum) fails with a {@link StorageException} naming the endpoints; it may or may not have
 * been applied, as with any etcd client. The backend recovers by itself when etcd answers again.
 * {@link #open} fails with a {@link StorageException} when etcd cannot be reached at all.
 *
 * <p>Thread-safe.
 */
public final class EtcdBackend implements Backend {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(EtcdBackend.class);
    /** Where the compacted revision is recorded (kube-apiserver's name for it). */
    static final String COMPACT_REV_KEY = "compact_rev_key";

    /**
     * Where the keys live, how long a request may take, and how often history is compacted
     * ({@link Duration#ZERO}: never; see {@link EtcdCompactor}).
     */
    public record Options(String prefix, Duration requestTimeout, Duration compactionInterval) {
        public Options {
            Objects.requireNonNull(prefix, "prefix");
            Objects.requireNonNull(requestTimeout, "requestTimeout");
            Objects.requireNonNull(compactionInterval, "compactionInterval");
            if (requestTimeout.isZero() || requestTimeout.isNegative()) {
                throw new IllegalArgumentException("the etcd request timeout must be positive: " + requestTimeout);
            }
            if (compactionInterval.isNegative()) {
                throw new IllegalArgumentException("the etcd compaction interval must not be negative: " + compactionInterval);
            }
        }

        /** No prefix (objects under {@code /registry/...}), 5 s per request, compaction every 5 minutes (as kube-apiserver). */
        public static Options defaults() {
            return new Options("", Duration.ofSeconds(5), Duration.ofMinutes(5));
        }

        public Options withPrefix(String prefix) {
            return new Options(prefix, requestTimeout, compactionInterval);
        }

        public Options withRequestTimeout(Duration requestTimeout) {
            return new Options(prefix, requestTimeout, compactionInterval);
        }

        public Options withCompactionInterval(Duration compactionInterval) {
            return new Options(prefix, requestTimeout, compactionInterval);
        }
    }

    private final Client client;
    private final KV kv;
    private final Codec codec;
    private final String prefix;
    private final long timeoutMillis;
    private final String endpoints;
    private final AtomicLong compacted = new AtomicLong();
    private final Set<EtcdWatch> watches = ConcurrentHashMap.newKeySet();
    /** Delivers the initial state of {@link #watchWithInitialState} before its etcd watch starts. */
    private final ExecutorService initialDelivery = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "etcd-watch-initial");
        thread.setDaemon(true);
        return thread;
    });
    /** Runs the compactor; null when compaction is off. */
    private final ScheduledExecutorService compaction;
    private volatile boolean closed;
    /** Whether etcd's progress notifications can be passed on as they come (see {@link EtcdVersions}). */
    private volatile boolean progressOrdered;

    private EtcdBackend(Client client, Codec codec, Options options, String endpoints) {
        this.client = client;
        this.kv = client.getKVClient();
        this.codec = codec;
        this.prefix = options.prefix();
        this.timeoutMillis = options.requestTimeout().toMillis();
        this.endpoints = endpoints;
        this.compaction = options.compactionInterval().isZero() ? null : Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "etcd-compactor");
            thread.setDaemon(true);
            return thread;
        });
    }

    private void startCompactor(Duration interval) {
        if (compaction != null) {
            EtcdCompactor compactor = new EtcdCompactor(this);
            compaction.scheduleWithFixedDelay(compactor::tick, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Connects to etcd at {@code endpoints} and checks that it answers.
     *
     * @throws StorageException when no endpoint answers within the request timeout
     * @throws IllegalArgumentException when there is no endpoint
     */
    public static EtcdBackend open(List<URI> endpoints, Codec codec, Options options) {
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("no etcd endpoint given");
        }
        String names = endpoints.stream().map(URI::toString).collect(Collectors.joining(","));
        Client client = Client.builder().endpoints(endpoints)
                .connectTimeout(options.requestTimeout())
                .retryMaxDuration(options.requestTimeout())
                // A list of every object of a kind is one range: gRPC's default 4 MiB would cap it at
                // a few thousand pods. kube-apiserver lifts the limit the same way.
                .maxInboundMessageSize(Integer.MAX_VALUE)
                .build();
        EtcdBackend backend = new EtcdBackend(client, codec, options, names);
        try {
            backend.compacted.set(backend.readCompactedRevision());
            backend.progressOrdered = backend.everyMemberOrdersProgress(endpoints);
            backend.startCompactor(options.compactionInterval());
            return backend;
        } catch (RuntimeException e) {
            backend.close();
            if (e instanceof StorageException) {
                throw new StorageException("cannot use etcd at " + names + ": " + e.getMessage()
                        + " (is etcd running, and are --etcd-endpoints right?)", e.getCause());
            }
            throw e;
        }
    }

    /** Asks every endpoint its version; one that does not answer counts as an old one. */
    private boolean everyMemberOrdersProgress(List<URI> endpoints) {
        for (URI endpoint : endpoints) {
            String version;
            try {
                version = await(client.getMaintenanceClient().statusMember(endpoint.toString()), 0).getVersion();
            } catch (RuntimeException e) {
                log.info("etcd at {} did not tell its version ({}); its progress notifications are not relied on", endpoint, e.getMessage());
                return false;
            }
            if (!EtcdVersions.ordersProgress(version)) {
                log.info("etcd at {} is version {}: progress notifications are only relied on up to the last event delivered "
                        + "(etcd 3.4.31 or 3.5.13 and later send them in order)", endpoint, version);
                return false;
            }
        }
        return true;
    }

    boolean progressOrdered() {
        return progressOrdered;
    }

    /** The etcd endpoints, comma-separated. */
    public String endpoints() {
        return endpoints;
    }

    ByteSequence bytes(String key) {
        return ByteSequence.from(prefix + key, StandardCharsets.UTF_8);
    }

    String key(ByteSequence etcdKey) {
        return etcdKey.toString(StandardCharsets.UTF_8).substring(prefix.length());
    }

    /**
     * The end of a range: {@code end} under the prefix, or for null the end of every backend key
     * (they all start with '/'), which leaves out {@link #COMPACT_REV_KEY} and whatever else lies
     * in etcd beside them.
     */
    ByteSequence rangeEnd(String end) {
        return bytes(end != null ? end : Keys.prefixEnd("/"));
    }

    KeyValue decode(io.etcd.jetcd.KeyValue stored) {
        ApiObject value = TxnPlan.stamp(codec.decodeJson(stored.getValue().getBytes()), stored.getModRevision());
        return new KeyValue(key(stored.getKey()), value, stored.getCreateRevision(), stored.getModRevision(), stored.getVersion());
    }

    /** The value as it was, now marked deleted at {@code revision} (what a watcher receives). */
    static KeyValue deleted(KeyValue previous, long revision) {
        return new KeyValue(previous.key(), TxnPlan.stamp(previous.value(), revision), previous.createRevision(), revision, previous.version());
    }

    private ByteSequence encode(ApiObject value) {
        ApiObject unversioned = value.metadata().resourceVersion() == null ? value
                : value.withMetadata(value.metadata().withResourceVersion(null));
        return ByteSequence.from(codec.toJson(unversioned));
    }

    @Override
    public long currentRevision() {
        GetResponse response = await(kv.get(bytes(COMPACT_REV_KEY), GetOption.builder().withCountOnly(true).build()), 0);
        return response.getHeader().getRevision();
    }

    @Override
    public long compactedRevision() {
        return compacted.get();
    }

    @Override
    public Optional<KeyValue> get(String key) {
        GetResponse response = await(kv.get(bytes(key)), 0);
        return response.getKvs().stream().findFirst().map(this::decode);
    }

    @Override
    public RangeResult range(String start, String end, long revision, long limit) {
        GetOption option = GetOption.builder().withRange(rangeEnd(end)).withRevision(revision).withLimit(limit)
                .withSortField(GetOption.SortTarget.KEY).withSortOrder(GetOption.SortOrder.ASCEND).build();
        GetResponse response = await(kv.get(bytes(start), option), revision);
        List<KeyValue> kvs = new ArrayList<>(response.getKvs().size());
        for (io.etcd.jetcd.KeyValue stored : response.getKvs()) {
            kvs.add(decode(stored));
        }
        return new RangeResult(kvs, revision == 0 ? response.getHeader().getRevision() : revision, response.isMore());
    }

    @Override
    public long count(String start, String end, long revision) {
        GetOption option = GetOption.builder().withRange(rangeEnd(end)).withRevision(revision).withCountOnly(true).build();
        return await(kv.get(bytes(start), option), revision).getCount();
    }

    @Override
    public TxnResult txn(Txn txn) {
        List<Cmp> compares = new ArrayList<>();
        for (Compare compare : txn.compares()) {
            compares.add(new Cmp(bytes(compare.key()), Cmp.Op.EQUAL, CmpTarget.modRevision(compare.modRevision())));
        }
        TxnResponse response = await(kv.txn()
                .If(compares.toArray(Cmp[]::new))
                .Then(etcdOps(txn.success()))
                .Else(etcdOps(txn.failure()))
                .commit(), 0);
        return results(response, response.isSucceeded() ? txn.success() : txn.failure());
    }

    /** One result per operation of the branch that ran: etcd answers them grouped by type, each group in order. */
    private TxnResult results(TxnResponse response, List<Op> ops) {
        long revision = response.getHeader().getRevision();
        List<PutResponse> puts = response.getPutResponses();
        List<DeleteResponse> deletes = response.getDeleteResponses();
        List<GetResponse> gets = response.getGetResponses();
        int put = 0;
        int delete = 0;
        int get = 0;
        List<TxnResult.OpResult> results = new ArrayList<>(ops.size());
        for (Op op : ops) {
            if (op instanceof Op.Put write) {
                PutResponse answer = puts.get(put++);
                KeyValue before = answer.hasPrevKv() ? decode(answer.getPrevKv()) : null;
                results.add(new TxnResult.OpResult(putResult(write, revision, before), before));
            } else if (op instanceof Op.Delete) {
                DeleteResponse answer = deletes.get(delete++);
                results.add(deleteResult(answer, revision));
            } else {
                List<io.etcd.jetcd.KeyValue> found = gets.get(get++).getKvs();
                results.add(new TxnResult.OpResult(found.isEmpty() ? null : decode(found.get(0)), null));
            }
        }
        return new TxnResult(response.isSucceeded(), revision, results);
    }

    private io.etcd.jetcd.op.Op[] etcdOps(List<Op> ops) {
        io.etcd.jetcd.op.Op[] result = new io.etcd.jetcd.op.Op[ops.size()];
        for (int i = 0; i < ops.size(); i++) {
            Op op = ops.get(i);
            if (op instanceof Op.Put put) {
                result[i] = io.etcd.jetcd.op.Op.put(bytes(put.key()), encode(put.value()), PutOption.builder().withPrevKV().build());
            } else if (op instanceof Op.Delete) {
                result[i] = io.etcd.jetcd.op.Op.delete(bytes(op.key()), DeleteOption.builder().withPrevKV(true).build());
            } else {
                result[i] = io.etcd.jetcd.op.Op.get(bytes(op.key()), GetOption.DEFAULT);
            }
        }
        return result;
    }

    /** The value a put stored, worked out from what it replaced (etcd answers only the revision). */
    private static KeyValue putResult(Op.Put put, long revision, KeyValue before) {
        ApiObject value = TxnPlan.stamp(put.value(), revision);
        return before == null
                ? new KeyValue(put.key(), value, revision, revision, 1)
                : new KeyValue(put.key(), value, before.createRevision(), revision, before.version() + 1);
    }

    private TxnResult.OpResult deleteResult(DeleteResponse response, long revision) {
        if (response.getPrevKvs().isEmpty()) {
            return new TxnResult.OpResult(null, null);
        }
        KeyValue before = decode(response.getPrevKvs().get(0));
        return new TxnResult.OpResult(deleted(before, revision), before);
    }

    @Override
    public BackendWatch watch(String prefix, long afterRevision, BackendWatcher watcher) {
        // etcd lets a watch start at the compacted revision itself; the contract wants the
        // changes after afterRevision all kept, so afterRevision must still be readable.
        ensureRetained(Math.max(afterRevision, 1));
        EtcdWatch watch = new EtcdWatch(this, prefix, watcher, watches::remove);
        watches.add(watch);
        watch.start(afterRevision + 1);
        return watch;
    }

    @Override
    public BackendWatch watchWithInitialState(String prefix, BackendWatcher watcher) {
        RangeResult state = range(prefix, Keys.prefixEnd(prefix), 0, 0);
        EtcdWatch watch = new EtcdWatch(this, prefix, watcher, watches::remove);
        watches.add(watch);
        initialDelivery.execute(() -> {
            if (watch.deliverInitial(state.kvs())) {
                watch.start(state.revision() + 1);
            }
        });
        return watch;
    }

    private void ensureRetained(long revision) {
        if (revision <= currentRevision()) {
            await(kv.get(bytes(COMPACT_REV_KEY), GetOption.builder().withRevision(revision).withCountOnly(true).build()), revision);
        }
    }

    /**
     * Compacts etcd's history at {@code revision}, first recording it in {@code compact_rev_key}
     * (as kube-apiserver's compactor does) so that {@link #compactedRevision()} survives restarts.
     */
    @Override
    public void compact(long revision) {
        if (revision <= compacted.get()) {
            return;
        }
        await(kv.put(bytes(COMPACT_REV_KEY), ByteSequence.from(Long.toString(revision), StandardCharsets.UTF_8)), 0);
        await(kv.compact(revision), 0);
        compacted.accumulateAndGet(revision, Math::max);
    }

    private long readCompactedRevision() {
        GetResponse response = await(kv.get(bytes(COMPACT_REV_KEY)), 0);
        return response.getKvs().isEmpty() ? 0 : Long.parseLong(response.getKvs().get(0).getValue().toString(StandardCharsets.UTF_8));
    }

    /** Learned from an etcd watch that was refused for compaction. */
    void compactedAt(long revision) {
        compacted.accumulateAndGet(revision, Math::max);
    }

    /** How many watches are open (for tests and metrics). */
    public int watchCount() {
        return watches.size();
    }

    /**
     * Waits for an etcd call, translating its failures.
     *
     * @param revision the revision the call reads at (0: current), for the messages
     */
    <T> T await(CompletableFuture<T> call, long revision) {
        if (closed) {
            call.cancel(true);
            throw new IllegalStateException("the backend is closed");
        }
        try {
            return call.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new StorageException("etcdserver: request timed out: etcd at " + endpoints + " did not answer within "
                    + timeoutMillis + " ms");
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while waiting for etcd at " + endpoints, e);
        } catch (ExecutionException e) {
            throw translate(e.getCause(), revision);
        }
    }

    RuntimeException translate(Throwable cause, long revision) {
        String message = String.valueOf(cause.getMessage());
        if (cause instanceof io.etcd.jetcd.common.exception.CompactedException compactedError) {
            compactedAt(compactedError.getCompactedRevision());
            return new CompactedException(revision, compactedError.getCompactedRevision());
        }
        if (message.contains("required revision has been compacted")) {
            // A range does not say where etcd compacted; someone other than this backend did it
            // (etcdctl, auto-compaction) when our record is not past the revision asked for.
            long known = compacted.get();
            return new CompactedException(revision, known > revision ? known : revision + 1);
        }
        if (message.contains("required revision is a future revision")) {
            return new IllegalArgumentException("revision " + revision + " is newer than etcd's current revision");
        }
        return new StorageException("etcd at " + endpoints + " failed: " + message, cause);
    }

    /** Closes every watch, then the client. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        for (EtcdWatch watch : List.copyOf(watches)) {
            watch.close();
        }
        closed = true;
        initialDelivery.shutdownNow();
        if (compaction != null) {
            compaction.shutdownNow();
        }
        client.close();
    }

    Client client() {
        return client;
    }

    @Override
    public String toString() {
        return "EtcdBackend[" + endpoints + (prefix.isEmpty() ? "" : ", prefix " + prefix) + "]";
    }
}
