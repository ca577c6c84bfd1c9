package io.steersman.api.client;

import io.steersman.api.model.ApiObject;
import io.steersman.api.selector.Selector;
import java.util.List;
import java.util.Optional;

/**
 * What a reconciler uses to see and change the cluster.
 *
 * <p>Reads ({@link #get}, {@link #list}, {@link #listControlledBy}) come from the shared informer
 * cache: they are fast, may lag the store by a moment, and return immutable objects. Writes go to
 * the store and come back to every cache as watch events. Writes throw the {@link ApiException}
 * subclasses: {@link NotFoundException}, {@link AlreadyExistsException}, {@link ConflictException}
 * (stale resourceVersion: read again and retry), {@link InvalidException}.
 */
public interface Client {

    <T extends ApiObject> Optional<T> get(Class<T> kind, String namespace, String name);

    /** Objects of a kind in a namespace (null: all namespaces) whose labels match. */
    <T extends ApiObject> List<T> list(Class<T> kind, String namespace, Selector selector);

    default <T extends ApiObject> List<T> list(Class<T> kind, String namespace) {
        return list(kind, namespace, Selector.everything());
    }

    /** Objects of a kind whose controller owner reference points at {@code owner}'s uid. */
    <T extends ApiObject> List<T> listControlledBy(Class<T> kind, ApiObject owner);

    /** Creates the object; a {@code generateName} without a name gets a unique name. */
    <T extends ApiObject> T create(T object);

    /** Replaces spec and metadata; status is kept. Fails with Conflict on a stale resourceVersion. */
    <T extends ApiObject> T update(T object);

    /** Replaces status only. Fails with Conflict on a stale resourceVersion. */
    <T extends ApiObject> T updateStatus(T object);

    /** Applies a patch of the given type (the body as the wire carries it) to the object's main resource. */
    <T extends ApiObject> T patch(Class<T> kind, String namespace, String name, PatchType type, String body);

    /** Deletes; absent objects raise NotFound. With finalizers or Foreground, the object lingers with a deletionTimestamp. */
    void delete(Class<? extends ApiObject> kind, String namespace, String name, DeleteOptions options);

    default void delete(ApiObject object) {
        delete(object.getClass(), object.namespace(), object.name(), DeleteOptions.ifUid(object.uid()));
    }
}
