package io.steersman.core.backend;

/** The backend contract on the memory backend. */
class MemoryBackendTest extends BackendContractTest {

    @Override
    protected Backend open(MemoryBackend.Options options) {
        return new MemoryBackend(options);
    }

    @Override
    protected int watchCount(Backend backend) {
        return ((MemoryBackend) backend).watchCount();
    }
}
