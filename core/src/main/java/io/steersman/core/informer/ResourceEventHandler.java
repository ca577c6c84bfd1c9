package io.steersman.core.informer;

/**
 * Receives an informer's changes, in the order the store made them. Called on the informer's
 * delivery thread after the cache holds the new state: must be fast, must not block, must not
 * throw (an exception is logged and the next handler still runs).
 *
 * <p>After a relist (the watch expired), differences are delivered as the events that explain
 * them: an object the cache lacked is an add, a changed one an update, a vanished one a delete
 * with the last state the cache knew.
 */
public interface ResourceEventHandler<T> {

    void onAdd(T object);

    void onUpdate(T oldObject, T newObject);

    void onDelete(T object);
}
