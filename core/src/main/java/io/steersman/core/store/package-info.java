/**
 * The API store: every read and write of every kind, with Kubernetes semantics (resourceVersion,
 * optimistic concurrency, generation, status subresource, finalizers and graceful deletion,
 * namespaces, list paging and watch). {@link io.steersman.core.store.Store} is the contract;
 * {@link io.steersman.core.store.BackendStore} implements it over a
 * {@link io.steersman.core.backend.Backend}; {@link io.steersman.core.store.StatusErrors} words
 * the errors as upstream does.
 *
 * <pre>{@code
 * BackendStore store = BackendStore.inMemory(BuiltinResources.registry(), Clock.SYSTEM);
 * Deployment web = store.create(DEPLOYMENTS, deployment, WriteOptions.DEFAULT);     // generation 1
 * store.update(DEPLOYMENTS, web.withSpec(web.spec().withReplicas(3)), WriteOptions.DEFAULT);
 * store.update(DEPLOYMENTS, web, WriteOptions.DEFAULT);        // ConflictException: web is stale
 * ListResult<Deployment> page = store.list(DEPLOYMENTS, ListOptions.in("default"));
 * store.watch(DEPLOYMENTS, WatchOptions.from(page.resourceVersion()), listener); // no gap after the list
 * }</pre>
 */
package io.steersman.core.store;
