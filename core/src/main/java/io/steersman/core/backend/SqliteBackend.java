package io.steersman.core.backend;

import io.steersman.api.codec.Codec;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable backend: every write committed to a SQLite file before {@link #txn} returns, every
 * read and watch served by a {@link MemoryBackend} that mirrors the file, so reads cost what they
 * cost in memory.
 *
 * <p>The file holds the latest value of each live key (JSON through the api {@link Codec}, with its
 * create and mod revisions and version) and the revision counter; history for watches and reads at
 * older revisions is kept in memory only. After a restart the revision counter continues where it
 * stopped (resourceVersions never go back) and the objects are there with their uids and
 * generations; the revision the file was opened at counts as compacted, so a watch or read from an
 * older revision fails with {@link CompactedException} (410 Gone to a client), as etcd answers after
 * a compaction, and the client lists afresh.
 *
 * <p>A transaction runs under one lock: its outcome is worked out against the memory state
 * ({@link TxnPlan}), its rows and the new revision are committed to SQLite, and only then does the
 * memory backend apply it and hand its events to watches. A write SQLite refuses fails with
 * {@link StorageException} and changes nothing anyone can see.
 *
 * <p>Durability: WAL mode with {@code synchronous=NORMAL} by default. A commit is then written to
 * the WAL file (in the operating system's cache) before {@code txn} returns, so it survives the
 * process being killed, even with SIGKILL; only an operating-system crash or power loss may lose
 * the last commits before a checkpoint. {@link Synchronous#FULL} also syncs the WAL to the disk on
 * every commit, which survives those too, at the price of one fsync per write.
 *
 * <p>The kinds of the stored objects must be in the codec's registry when the backend is opened
 * (a control plane opens it once its plugins have registered their kinds); rows of kinds it does
 * not know stay in the file unserved, with a warning, and come back when their plugin does (unless
 * an object with the same key was written meanwhile, which replaces the row).
 *
 * <p>Thread-safe. The file is locked while the backend is open: a second backend (in this or
 * another process) on the same file fails to open with a {@link StorageException}.
 */
public final class SqliteBackend implements Backend {
    private static final Logger log = LoggerFactory.getLogger(SqliteBackend.class);

    /** SQLite's {@code PRAGMA synchronous} levels that keep an acknowledged write (see the class doc). */
    public enum Synchronous { NORMAL, FULL }

    /** How the file is synced, and the memory mirror's options (history, watch buffers, threads). */
    public record Options(Synchronous synchronous, MemoryBackend.Options memory) {
        public Options {
            Objects.requireNonNull(synchronous, "synchronous");
            Objects.requireNonNull(memory, "memory");
        }

        public static Options defaults() {
            return new Options(Synchronous.NORMAL, MemoryBackend.Options.defaults());
        }

        public Options withSynchronous(Synchronous synchronous) {
            return new Options(synchronous, memory);
        }

        public Options withMemory(MemoryBackend.Options memory) {
            return new Options(synchronous, memory);
        }
    }

    private final Path file;
    private final SqliteJournal journal;
    private final MemoryBackend memory;
    /** Serialises writes, so a plan sees exactly the state the memory backend then applies it to. */
    private final ReentrantLock writeLock = new ReentrantLock();
    private boolean closed;

    private SqliteBackend(Path file, SqliteJournal journal, MemoryBackend memory) {
        this.file = file;
        this.journal = journal;
        this.memory = memory;
    }

    /**
     * Opens the database at {@code file} (creating it and its directory when absent) and loads it.
     *
     * @throws StorageException when the file cannot be used: not a database, damaged, locked by
     *     another backend, of an unknown layout, or not writable
     */
    public static SqliteBackend open(Path file, Codec codec) {
        return open(file, codec, Options.defaults());
    }

    public static SqliteBackend open(Path file, Codec codec, Options options) {
        SqliteJournal journal = SqliteJournal.open(file, codec, options.synchronous());
        try {
            SqliteJournal.State state = journal.load();
            log.info("{}: {} objects at revision {}", file, state.live().size(), state.revision());
            return new SqliteBackend(file, journal, new MemoryBackend(options.memory(), state.revision(), state.live()));
        } catch (RuntimeException e) {
            journal.close();
            throw e;
        }
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    @Override
    public long currentRevision() {
        return memory.currentRevision();
    }

    @Override
    public long compactedRevision() {
        return memory.compactedRevision();
    }

    @Override
    public Optional<KeyValue> get(String key) {
        return memory.get(key);
    }

    @Override
    public RangeResult range(String start, String end, long revision, long limit) {
        return memory.range(start, end, revision, limit);
    }

    @Override
    public long count(String start, String end, long revision) {
        return memory.count(start, end, revision);
    }

    /**
     * Commits the transaction's writes to the file, then applies it.
     *
     * @throws StorageException when SQLite refuses the write; nothing changed
     */
    @Override
    public TxnResult txn(Txn txn) {
        writeLock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("the backend is closed");
            }
            TxnPlan plan = TxnPlan.of(txn, memory.currentRevision(), memory::get);
            if (plan.writes()) {
                journal.commit(plan);
            }
            TxnResult result = memory.txn(txn);
            if (result.revision() != plan.revision()) {
                // Cannot happen while every write goes through this lock; if it did, memory and
                // file would disagree, so say so loudly rather than serve a divergent state.
                throw new IllegalStateException("revision " + result.revision() + " applied in memory, " + plan.revision() + " written to " + file);
            }
            return result;
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public BackendWatch watch(String prefix, long afterRevision, BackendWatcher watcher) {
        return memory.watch(prefix, afterRevision, watcher);
    }

    @Override
    public BackendWatch watchWithInitialState(String prefix, BackendWatcher watcher) {
        return memory.watchWithInitialState(prefix, watcher);
    }

    /** Forgets in-memory history at or below {@code revision}; the file keeps no history to compact. */
    @Override
    public void compact(long revision) {
        memory.compact(revision);
    }

    /** How many watches are open (for tests and metrics). */
    public int watchCount() {
        return memory.watchCount();
    }

    /** Closes every watch, then the file (its lock is released). Idempotent. */
    @Override
    public void close() {
        writeLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            try {
                memory.close();
            } finally {
                journal.close();
            }
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public String toString() {
        return "SqliteBackend[" + file + "]";
    }
}
