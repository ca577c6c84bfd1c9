package io.steersman.core.backend;

/**
 * A durable backend could not use its storage: the database file cannot be opened (it is not a
 * database, it is damaged, another process holds it, the directory is not writable), or a read or
 * write of it failed. The message names the file and the cause in words a user can act on.
 *
 * <p>A write that fails with it changed nothing: neither the file nor what reads and watches see.
 */
public class StorageException extends RuntimeException {

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }

    public StorageException(String message) {
        super(message);
    }
}
