package io.steersman.core.backend;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;

/** The backend contract on the SQLite backend, each backend on a new file. */
class SqliteBackendTest extends BackendContractTest {
    @TempDir
    Path dir;
    private final AtomicInteger files = new AtomicInteger();

    @Override
    protected Backend open(MemoryBackend.Options options) {
        return SqliteBackend.open(dir.resolve("state-" + files.incrementAndGet() + ".db"), Thing.CODEC,
                SqliteBackend.Options.defaults().withMemory(options));
    }

    @Override
    protected int watchCount(Backend backend) {
        return ((SqliteBackend) backend).watchCount();
    }
}
