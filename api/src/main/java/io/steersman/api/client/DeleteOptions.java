package io.steersman.api.client;

/**
 * How to delete: the propagation policy for dependents, a grace period for pods, and an optional
 * precondition on the object's uid or resourceVersion.
 */
public record DeleteOptions(PropagationPolicy propagationPolicy, Long gracePeriodSeconds,
        String preconditionUid, String preconditionResourceVersion) {

    public enum PropagationPolicy { Background, Foreground, Orphan }

    /** The kind's default policy (Background for almost every kind) and grace period. */
    public static DeleteOptions defaults() {
        return new DeleteOptions(null, null, null, null);
    }

    public static DeleteOptions propagation(PropagationPolicy policy) {
        return new DeleteOptions(policy, null, null, null);
    }

    /** Delete only if the object still has this uid: never delete a newer object of the same name. */
    public static DeleteOptions ifUid(String uid) {
        return new DeleteOptions(null, null, uid, null);
    }
}
