/**
 * Where the store keeps objects: an etcd-shaped SPI ({@link io.steersman.core.backend.Backend}) of
 * string keys, one revision counter, values with create/mod revisions, range reads at a revision,
 * compare-on-modRevision transactions, watches from a revision and compaction; and
 * {@link io.steersman.core.backend.MemoryBackend}, which keeps the immutable objects themselves.
 *
 * <pre>{@code
 * Backend backend = new MemoryBackend();
 * String key = Keys.key(Keys.kindPrefix("apps", "deployments"), "default", "web");
 * TxnResult created = backend.txn(Txn.create(key, deployment));          // fails if the key exists
 * long revision = created.first().kv().modRevision();                    // = its resourceVersion
 * backend.txn(Txn.update(key, revision, scaled));                        // fails if someone wrote since
 * backend.watch(Keys.kindPrefix("apps", "deployments"), revision, watcher); // every change after it
 * }</pre>
 *
 * A SQLite or etcd backend implements the same interface and encodes values with the api codec;
 * nothing above this package changes.
 */
package io.steersman.core.backend;
