package io.steersman.core.gc;

import io.steersman.api.client.DeleteOptions.PropagationPolicy;
import io.steersman.api.model.ApiObject;
import io.steersman.api.model.OwnerReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the garbage collector does with a dependent that is not being deleted, from the states of
 * its owners (upstream's {@code attemptToDeleteItem}):
 * <ul>
 *   <li>some owner is solid: keep it, but drop the references to owners that are gone or waiting
 *       for their dependents ({@link Action#REMOVE_REFERENCES});</li>
 *   <li>no owner is solid, one is waiting and the object has dependents itself: delete it in the
 *       foreground, so its own dependents go first;</li>
 *   <li>otherwise, when it has owner references at all: delete it, with the policy its own
 *       finalizers ask for (orphan, foregroundDeletion) or in the background.</li>
 * </ul>
 *
 * @param removeUids the owner uids to drop from the object's references (REMOVE_REFERENCES)
 * @param policy     the propagation policy of the deletion (DELETE)
 */
record Verdict(Action action, Set<String> removeUids, PropagationPolicy policy) {

    enum Action { KEEP, REMOVE_REFERENCES, DELETE }

    static final Verdict KEEP = new Verdict(Action.KEEP, Set.of(), null);

    Verdict {
        removeUids = Set.copyOf(removeUids);
    }

    /**
     * @param states        the state of the owner each reference points at
     * @param hasDependents whether other objects name {@code object} as their owner
     */
    static Verdict of(ApiObject object, Function<OwnerReference, OwnerState> states, boolean hasDependents) {
        List<OwnerReference> refs = object.metadata().ownerReferences();
        if (refs.isEmpty()) {
            return KEEP;
        }
        List<OwnerReference> solid = new ArrayList<>();
        List<OwnerReference> gone = new ArrayList<>();
        boolean waiting = false;
        for (OwnerReference ref : refs) {
            OwnerState state = states.apply(ref);
            switch (state) {
                case SOLID -> solid.add(ref);
                case DANGLING -> gone.add(ref);
                case WAITING -> {
                    gone.add(ref);
                    waiting = true;
                }
            }
        }
        if (!solid.isEmpty()) {
            return gone.isEmpty() ? KEEP
                    : new Verdict(Action.REMOVE_REFERENCES, gone.stream().map(OwnerReference::uid).collect(Collectors.toSet()), null);
        }
        if (waiting && hasDependents) {
            return new Verdict(Action.DELETE, Set.of(), PropagationPolicy.Foreground);
        }
        PropagationPolicy policy = PropagationPolicy.Background;
        if (object.metadata().finalizers().contains(Finalizers.ORPHAN)) {
            policy = PropagationPolicy.Orphan;
        } else if (object.metadata().finalizers().contains(Finalizers.FOREGROUND_DELETION)) {
            policy = PropagationPolicy.Foreground;
        }
        return new Verdict(Action.DELETE, Set.of(), policy);
    }
}
