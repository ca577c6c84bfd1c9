package io.steersman.core.backend;

import io.steersman.api.codec.Codec;
import io.steersman.api.codec.DecodeException;
import io.steersman.api.model.ApiObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The SQLite file behind {@link SqliteBackend}: the latest value of every live key (its create and
 * mod revisions, its version and its JSON) and the revision counter, written one SQLite transaction
 * per backend transaction. Not thread-safe: the backend calls it under its write lock.
 *
 * <p>The revision is the newest mod revision of any row, or the one in {@code meta} if greater:
 * a transaction that deletes a key also writes {@code meta}, since its revision may be on no row
 * afterwards; one that only puts leaves its revision on its rows and saves that page write (most
 * writes are creates and updates).
 *
 * <p>The connection runs in WAL mode with {@code locking_mode=EXCLUSIVE}: the file's lock is taken
 * at open and held until close, so a second server on the same file fails at start-up instead of
 * interleaving its writes, and no shared-memory file is needed.
 */
final class SqliteJournal implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SqliteJournal.class);
    /** The layout of the tables; a file of another layout is refused, never guessed at. */
    static final int SCHEMA = 1;

    private final Path file;
    private final Codec codec;
    private final Connection connection;
    private final PreparedStatement upsert;
    private final PreparedStatement delete;
    private final PreparedStatement setRevision;

    private SqliteJournal(Path file, Codec codec, Connection connection) throws SQLException {
        this.file = file;
        this.codec = codec;
        this.connection = connection;
        this.upsert = connection.prepareStatement("INSERT INTO kv(key, create_revision, mod_revision, version, value) VALUES (?, ?, ?, ?, ?) "
                + "ON CONFLICT(key) DO UPDATE SET create_revision = excluded.create_revision, mod_revision = excluded.mod_revision, "
                + "version = excluded.version, value = excluded.value");
        this.delete = connection.prepareStatement("DELETE FROM kv WHERE key = ?");
        this.setRevision = connection.prepareStatement("UPDATE meta SET value = ? WHERE name = 'revision'");
    }

    /**
     * Opens (or creates) the database at {@code file} and takes its lock.
     *
     * @throws StorageException when the file is not a Steersman database, is damaged, or is in use
     */
    static SqliteJournal open(Path file, Codec codec, SqliteBackend.Synchronous synchronous) {
        Connection connection = null;
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement statement = connection.createStatement()) {
                // Fail at once rather than wait when another process holds the file.
                statement.execute("PRAGMA busy_timeout = 0");
                statement.execute("PRAGMA locking_mode = EXCLUSIVE");
                String mode = single(statement, "PRAGMA journal_mode = WAL");
                if (!"wal".equalsIgnoreCase(mode)) {
                    throw new StorageException("cannot open " + file + ": SQLite refused WAL mode (journal mode " + mode + ")");
                }
                statement.execute("PRAGMA synchronous = " + synchronous.name());
                // A write transaction takes the exclusive lock now, and keeps it until close.
                connection.setAutoCommit(false);
                statement.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID");
                statement.execute("CREATE TABLE IF NOT EXISTS kv (key TEXT PRIMARY KEY, create_revision INTEGER NOT NULL, "
                        + "mod_revision INTEGER NOT NULL, version INTEGER NOT NULL, value BLOB NOT NULL)");
                statement.execute("INSERT OR IGNORE INTO meta(name, value) VALUES ('schema', " + SCHEMA + "), ('revision', 0)");
                connection.commit();
                String schema = single(statement, "SELECT value FROM meta WHERE name = 'schema'");
                if (!Integer.toString(SCHEMA).equals(schema)) {
                    throw new StorageException("cannot open " + file + ": its layout is version " + schema
                            + ", this Steersman reads version " + SCHEMA);
                }
            }
            return new SqliteJournal(file, codec, connection);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw openFailure(file, e);
        } catch (java.io.IOException e) {
            throw new StorageException("cannot open " + file + ": cannot create its directory (" + e + ")", e);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    private static StorageException openFailure(Path file, SQLException e) {
        return new StorageException("cannot open " + file + ": " + reason(e) + " (" + e.getMessage() + ")", e);
    }

    /** What a SQLite failure means to whoever runs the server. */
    private static String reason(SQLException e) {
        SQLiteErrorCode code = e instanceof SQLiteException sqlite ? sqlite.getResultCode() : null;
        int primary = code == null ? -1 : code.code & 0xff;
        if (primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code) {
            return "another process is using it (is a Steersman server already running on this data dir?)";
        } else if (primary == SQLiteErrorCode.SQLITE_NOTADB.code) {
            return "it is not a SQLite database";
        } else if (primary == SQLiteErrorCode.SQLITE_CORRUPT.code) {
            return "the database is damaged";
        } else if (primary == SQLiteErrorCode.SQLITE_CANTOPEN.code || primary == SQLiteErrorCode.SQLITE_READONLY.code
                || primary == SQLiteErrorCode.SQLITE_PERM.code) {
            return "it cannot be opened for writing";
        } else if (primary == SQLiteErrorCode.SQLITE_FULL.code) {
            return "the disk is full";
        }
        return "SQLite failed";
    }

    /** {@code /registry/<group>/<plural>} of a key made by {@link Keys}, to name a kind in a message. */
    private static String kindPrefix(String key) {
        int end = 0;
        for (int slashes = 0; slashes < 4 && end >= 0; slashes++) {
            end = key.indexOf('/', end + 1);
        }
        return end < 0 ? key : key.substring(0, end);
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    /** What the file holds: the revision counter and the live keys, decoded. */
    record State(long revision, List<KeyValue> live) {}

    /**
     * Reads the whole state. A row whose kind the codec does not know (a plugin that is not loaded
     * this time) is left in the file but not served; a warning names the kinds.
     */
    State load() {
        try (Statement statement = connection.createStatement()) {
            long revision = Long.parseLong(single(statement, "SELECT value FROM meta WHERE name = 'revision'"));
            // Undecodable rows count too: their revisions were handed out.
            List<KeyValue> live = new ArrayList<>();
            Map<String, Integer> skipped = new TreeMap<>();
            String firstProblem = null;
            try (ResultSet rows = statement.executeQuery("SELECT key, create_revision, mod_revision, version, value FROM kv")) {
                while (rows.next()) {
                    String key = rows.getString(1);
                    long modRevision = rows.getLong(3);
                    revision = Math.max(revision, modRevision);
                    ApiObject value;
                    try {
                        value = codec.decodeJson(rows.getBytes(5));
                    } catch (DecodeException e) {
                        if (skipped.isEmpty()) {
                            firstProblem = e.getMessage();
                        }
                        skipped.merge(kindPrefix(key), 1, Integer::sum);
                        continue;
                    }
                    live.add(new KeyValue(key, TxnPlan.stamp(value, modRevision), rows.getLong(2), modRevision, rows.getLong(4)));
                }
            }
            connection.commit();
            if (!skipped.isEmpty()) {
                log.warn("{}: objects not served because they do not decode (is a plugin missing?), kept in the file: {}; the first: {}",
                        file, skipped, firstProblem);
            }
            return new State(revision, live);
        } catch (SQLException e) {
            throw new StorageException("cannot read " + file + ": " + reason(e) + " (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Writes the rows of one transaction (and the revision, when it deletes) in one SQLite transaction; when this
     * returns they are in the file (in the WAL, synced as the synchronous level says).
     *
     * @throws StorageException when SQLite fails; the file is then as it was
     */
    void commit(TxnPlan plan) {
        try {
            for (TxnPlan.Row row : plan.rows()) {
                if (row.kv() == null) {
                    delete.setString(1, row.key());
                    delete.executeUpdate();
                } else {
                    KeyValue kv = row.kv();
                    upsert.setString(1, kv.key());
                    upsert.setLong(2, kv.createRevision());
                    upsert.setLong(3, kv.modRevision());
                    upsert.setLong(4, kv.version());
                    upsert.setBytes(5, codec.toJson(kv.value()));
                    upsert.executeUpdate();
                }
            }
            if (plan.deletes()) {
                setRevision.setLong(1, plan.revision());
                setRevision.executeUpdate();
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            String why = e instanceof SQLException sql ? reason(sql) + " (" + e.getMessage() + ")" : e.getMessage();
            throw new StorageException("cannot write revision " + plan.revision() + " to " + file + ": " + why, e);
        }
    }

    /** Closes the connection: SQLite checkpoints the WAL into the file and releases its lock. */
    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StorageException("cannot close " + file + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Already failing with a better message.
            }
        }
    }
}
