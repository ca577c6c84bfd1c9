/**
 * Shared informers: one list+watch per kind against the store, a cache of the store's immutable
 * objects (never copies), and the handlers that turn changes into work, as upstream's
 * {@code SharedIndexInformer}.
 *
 * <p>Each cache is indexed by namespace, by controller owner uid, by any owner uid and by label, so
 * {@code list(namespace, selector)} looks only at the objects the smallest matching index holds (a
 * ReplicaSet's {@code app=web,pod-template-hash=abc} selector among 100,000 pods checks its own
 * few), and {@code controlledBy(uid)} is a lookup. When a watch expires (410 Gone) the informer lists
 * again and delivers the differences as add, update and delete events, so handlers lose nothing.
 *
 * <pre>{@code
 * SharedInformers informers = new SharedInformers(store, registry);
 * SharedInformer<Pod> pods = informers.forClass(Pod.class);
 * pods.addHandler(handler);                 // must be fast: it runs on the delivery thread
 * pods.start();                             // lists (the cache is full when it returns), then watches
 * List<Pod> web = pods.list("default", Selector.parse("app=web"));
 * }</pre>
 */
package io.steersman.core.informer;
