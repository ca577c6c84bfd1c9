package io.steersman.core.backend;

import java.nio.file.Path;

/**
 * The child JVM of {@link SqliteBackendCrashTest}: opens the backend at {@code args[0]} and creates
 * keys until killed, printing {@code ack <key> <revision>} after each {@code txn} returned.
 */
final class SqliteCrashChild {
    private SqliteCrashChild() {}

    public static void main(String[] args) {
        SqliteBackend backend = SqliteBackend.open(Path.of(args[0]), Thing.CODEC);
        for (int i = 0; ; i++) {
            String key = "/crash/" + i;
            long revision = backend.txn(Txn.create(key, Thing.of(key, i))).revision();
            System.out.println("ack " + key + " " + revision);
            System.out.flush();
        }
    }
}
