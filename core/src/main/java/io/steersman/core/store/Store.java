package io.steersman.core.store;

import io.steersman.api.client.DeleteOptions;
import io.steersman.api.model.ApiObject;
import io.steersman.api.resource.ResourceType;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The API store: every read and write of every kind goes through it, with Kubernetes semantics.
 *
 * <ul>
 *   <li>One revision counter across all objects; an object's {@code resourceVersion} is the
 *       revision of its last write, and lists and watches are consistent at a revision.</li>
 *   <li>Create sets uid, creationTimestamp and generation 1, fills a name from
 *       {@code generateName}, refuses an existing name (AlreadyExists) and a namespace that does
 *       not exist (NotFound), then defaults and validates with the kind's rules (Invalid).</li>
 *   <li>Update with a stale {@code resourceVersion} fails with Conflict and changes nothing; an
 *       update without one is unconditional. A spec change increments generation. For kinds with a
 *       status subresource, {@code update} keeps the stored status and {@code updateStatus} keeps
 *       everything but status, as upstream.</li>
 *   <li>Delete honours finalizers and propagation: it sets deletionTimestamp while finalizers
 *       remain (including {@code foregroundDeletion} and {@code orphan}) and removes the object when
 *       they are gone.</li>
 * </ul>
 *
 * All methods are thread-safe and throw the {@code io.steersman.api.client} exceptions.
 */
public interface Store {

    <T extends ApiObject> Optional<T> get(ResourceType<T> type, String namespace, String name);

    <T extends ApiObject> ListResult<T> list(ResourceType<T> type, ListOptions options);

    <T extends ApiObject> T create(ResourceType<T> type, T object, WriteOptions options);

    /** Replaces the object (spec and metadata; status for kinds without a status subresource). */
    <T extends ApiObject> T update(ResourceType<T> type, T object, WriteOptions options);

    /** Replaces the status of a kind with a status subresource; everything else is kept. */
    <T extends ApiObject> T updateStatus(ResourceType<T> type, T object, WriteOptions options);

    /**
     * Reads the current object, applies {@code change}, and writes the result conditionally on the
     * revision read, retrying on Conflict. This is how patches are applied. When {@code change}
     * returns an object carrying a {@code resourceVersion} other than the one read, the write fails
     * with Conflict (a patch that names a resourceVersion is a precondition).
     */
    <T extends ApiObject> T guaranteedUpdate(ResourceType<T> type, String namespace, String name,
            Subresource subresource, UnaryOperator<T> change, WriteOptions options);

    /**
     * Deletes an object: returns it as removed, or as it now lingers with a deletionTimestamp
     * (finalizers or Foreground propagation). Dependents are handled by the garbage collector.
     */
    <T extends ApiObject> T delete(ResourceType<T> type, String namespace, String name, DeleteOptions options, WriteOptions writeOptions);

    /**
     * Watches a kind from {@code options.resourceVersion()} on: every change after it, in order,
     * without gaps or duplicates. A revision older than the history kept fails with Gone. The
     * listener is called on a store thread, one event at a time per watch; a watch whose listener
     * falls too far behind is closed with a Gone-like error and must resume.
     */
    <T extends ApiObject> Watch watch(ResourceType<T> type, WatchOptions options, WatchListener<T> listener);

    /** The revision of the latest write. */
    long currentRevision();

    /**
     * Which part of an object a write addresses. {@code BINDING} is the pods' {@code binding}
     * subresource, for {@link #guaranteedUpdate} only: the change names the node in
     * {@code spec.nodeName} (and may carry annotations to add); the store sets it on a pod not yet
     * bound, with PodScheduled True, without the pod strategy's defaulting and validation, as
     * upstream's {@code BindingREST} (Conflict when the pod is bound already or being deleted).
     */
    enum Subresource { MAIN, STATUS, BINDING }
}
