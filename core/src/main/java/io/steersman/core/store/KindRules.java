package io.steersman.core.store;

import io.steersman.api.client.DeleteOptions;
import io.steersman.api.model.ApiObject;
import java.time.Instant;

/**
 * What a kind's registry strategy adds to the generic store rules, as upstream's
 * {@code PrepareForCreate}, {@code PrepareForUpdate}, {@code CheckGracefulDelete} and the
 * namespace registry's own delete, plus the built-in admission that refuses deletes
 * ({@code NamespaceLifecycle}). The defaults are those of every kind without a strategy.
 */
interface KindRules<T extends ApiObject> {

    /**
     * What a write took from a pool all objects of the kind share (a Service's cluster IP and node
     * ports): the object to write with it, {@code commit} to run once the write is stored (to free
     * what the old object held and the new one no longer does), {@code revert} to run when it is not.
     */
    record Reservation<T>(T object, Runnable commit, Runnable revert) {
        static <T> Reservation<T> none(T object) {
            return new Reservation<>(object, () -> { }, () -> { });
        }
    }

    /**
     * Reserves what a new object takes from a shared pool, after its system fields are set and
     * before {@link #prepareForCreate} and validation, as upstream's {@code BeginCreate} hook. A dry
     * run reserves nothing but reports the same errors where it can.
     *
     * @throws io.steersman.api.client.ApiException when the object asks for what it cannot have
     */
    default Reservation<T> beginCreate(T object, boolean dryRun) {
        return Reservation.none(object);
    }

    /**
     * Reserves what an update of {@code old} to {@code object} takes, once the update is validated,
     * as upstream's {@code BeginUpdate}; what the old object held and the new one does not is freed
     * on commit.
     */
    default Reservation<T> beginUpdate(T object, T old, boolean dryRun) {
        return Reservation.none(object);
    }

    /** Frees what a removed object held from shared pools; called once the object is gone from the store. */
    default void removed(T object) {
    }

    /** Adjusts a new object once its name and system fields are set (before validation). */
    default T prepareForCreate(T object) {
        return object;
    }

    /** Adjusts an updated object (main resource) given the stored one (before validation). */
    default T prepareForUpdate(T object, T old) {
        return object;
    }

    /**
     * The object to store for {@code object}: itself, or an equal object whose parts are those of
     * other stored objects of the kind (memory, not meaning). {@code stored} is the object it
     * replaces, or null for a create.
     */
    default T share(T object, T stored) {
        return object;
    }

    /**
     * Refuses to delete the object named {@code name} before anything else is looked at, as an
     * admission plugin does (it runs before the object is read); nothing is refused by default.
     *
     * @throws io.steersman.api.client.ApiException with the Status to answer
     */
    default void admitDelete(String name) {
    }

    /** The grace period a delete gives: 0 (remove at once, unless finalizers remain) for most kinds. */
    default long gracePeriodSeconds(T object, DeleteOptions options) {
        return 0;
    }

    /**
     * A kind that lingers on delete for reasons of its own (a namespace with spec finalizers) returns
     * the object marked for deletion at {@code now}; null to follow the generic rules.
     */
    default T markForDeletion(T object, Instant now, java.util.List<String> finalizers) {
        return null;
    }

    /** Whether an update that leaves no finalizer on an object being deleted may remove it. */
    default boolean mayRemove(T object) {
        return true;
    }

    /**
     * Whether the kind counts spec changes in metadata.generation. Upstream sets it per kind in each
     * strategy: workloads and custom resources do; pods (until 1.33), services, nodes, namespaces
     * and volumes do not.
     */
    default boolean tracksGeneration() {
        return true;
    }

    /** The rules of a kind whose only difference from the generic ones is no metadata.generation. */
    static <T extends ApiObject> KindRules<T> withoutGeneration() {
        return new KindRules<>() {
            @Override
            public boolean tracksGeneration() {
                return false;
            }
        };
    }
}
