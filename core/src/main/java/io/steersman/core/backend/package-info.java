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
 * {@link io.steersman.core.backend.SqliteBackend} is the durable one: it commits every write to a
 * SQLite file (JSON through the api codec) before {@code txn} returns and serves reads and watches
 * from a memory backend that mirrors the file; after a restart the objects and the revision counter
 * are back, and older history counts as compacted. The backend contract tests run against both.
 * An etcd backend would implement the same interface; nothing above this package changes.
 */
package io.steersman.core.backend;
