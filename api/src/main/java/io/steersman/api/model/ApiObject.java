package io.steersman.api.model;

/**
 * An object of any kind the API serves: a Pod, a Deployment, or a plugin's own kind.
 *
 * <p>Implementations are immutable values (records in this module). Every change makes a new
 * object, so a reconciler may keep what it read for as long as it likes. Each implementation
 * narrows {@link #withMetadata} to its own type, so {@code pod.withMetadata(m)} is a {@code Pod}.
 */
public interface ApiObject {

    /** {@code v1} or {@code group/version}, as in a manifest. */
    String apiVersion();

    String kind();

    ObjectMeta metadata();

    /** A copy of this object with other metadata. */
    ApiObject withMetadata(ObjectMeta metadata);

    default String name() {
        return metadata().name();
    }

    default String namespace() {
        return metadata().namespace();
    }

    default String uid() {
        return metadata().uid();
    }
}
