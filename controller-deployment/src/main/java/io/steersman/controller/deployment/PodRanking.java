package io.steersman.controller.deployment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which pods a ReplicaSet deletes first when it scales down: upstream's
 * {@code ActivePodsWithRanks.Less} with PodDeletionCost and LogarithmicScaleDown on (their
 * defaults). Pure: works on {@link Candidate}s, so every rule has a table test.
 */
final class PodRanking {
    private PodRanking() {}

    /** A pod phase as the ranking sees it: Pending (and any other phase) < Unknown < Running. */
    enum Phase { PENDING, UNKNOWN, RUNNING }

    /**
     * What the ranking needs of one pod. {@code readyTime} is the Ready condition's
     * lastTransitionTime when ready (null: zero time), {@code rank} the number of active pods of
     * sibling ReplicaSets on the same node, {@code created} null for a zero time.
     */
    record Candidate<P>(P pod, String uid, boolean assigned, Phase phase, boolean ready, Instant readyTime,
            int deletionCost, int rank, int restarts, Instant created) {}

    /** The first {@code count} candidates in deletion order; all of them, unsorted, when count covers all. */
    static <P> List<P> victims(List<Candidate<P>> candidates, int count, Instant now) {
        List<P> result = new ArrayList<>(Math.min(count, candidates.size()));
        if (count >= candidates.size()) {
            for (Candidate<P> c : candidates) {
                result.add(c.pod());
            }
            return result;
        }
        List<Candidate<P>> sorted = sort(candidates, now);
        for (int i = 0; i < count; i++) {
            result.add(sorted.get(i).pod());
        }
        return result;
    }

    /**
     * The candidates in deletion order. Upstream's order is not a strict total order (a
     * logarithmic bucket tie falls to the uid even where a later rule would differ), so this uses
     * a merge sort that, like Go's sort, never checks the comparator's contract.
     */
    static <P> List<Candidate<P>> sort(List<Candidate<P>> candidates, Instant now) {
        @SuppressWarnings("unchecked")
        Candidate<P>[] items = candidates.toArray(new Candidate[0]);
        @SuppressWarnings("unchecked")
        Candidate<P>[] scratch = new Candidate[items.length];
        Comparator<Candidate<P>> order = (a, b) -> less(a, b, now) ? -1 : less(b, a, now) ? 1 : 0;
        mergeSort(items, scratch, 0, items.length, order);
        return List.of(items);
    }

    private static <T> void mergeSort(T[] items, T[] scratch, int from, int to, Comparator<T> order) {
        if (to - from < 2) {
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(items, scratch, from, mid, order);
        mergeSort(items, scratch, mid, to, order);
        if (order.compare(items[mid - 1], items[mid]) <= 0) {
            return;
        }
        System.arraycopy(items, from, scratch, from, to - from);
        int i = from;
        int j = mid;
        for (int k = from; k < to; k++) {
            if (j >= to || (i < mid && order.compare(scratch[i], scratch[j]) <= 0)) {
                items[k] = scratch[i++];
            } else {
                items[k] = scratch[j++];
            }
        }
    }

    /** True when {@code a} should be deleted before {@code b}. */
    static boolean less(Candidate<?> a, Candidate<?> b, Instant now) {
        // 1. Unassigned < assigned.
        if (a.assigned() != b.assigned()) {
            return !a.assigned();
        }
        // 2. Pending < Unknown < Running.
        if (a.phase() != b.phase()) {
            return a.phase().ordinal() < b.phase().ordinal();
        }
        // 3. Not ready < ready.
        if (a.ready() != b.ready()) {
            return !a.ready();
        }
        // 4. Lower pod-deletion-cost first.
        if (a.deletionCost() != b.deletionCost()) {
            return a.deletionCost() < b.deletionCost();
        }
        // 5. More co-located pods of the same owner first (doubled up < not doubled up).
        if (a.rank() != b.rank()) {
            return a.rank() > b.rank();
        }
        // 6. Both ready: more recently ready first, in logarithmic buckets of age.
        if (a.ready() && b.ready() && !java.util.Objects.equals(a.readyTime(), b.readyTime())) {
            return newerFirst(a.readyTime(), b.readyTime(), a.uid(), b.uid(), now);
        }
        // 7. Higher restart count first.
        if (a.restarts() != b.restarts()) {
            return a.restarts() > b.restarts();
        }
        // 8. Newer creation first, in logarithmic buckets of age.
        if (!java.util.Objects.equals(a.created(), b.created())) {
            return newerFirst(a.created(), b.created(), a.uid(), b.uid(), now);
        }
        return false;
    }

    /**
     * Upstream's LogarithmicScaleDown comparison of two distinct times: a zero (null) time first;
     * otherwise the smaller floor(log2(age in ns)) bucket first, and within one bucket the lower
     * uid (so that scale-down picks randomly among pods of about the same age).
     */
    private static boolean newerFirst(Instant t1, Instant t2, String uid1, String uid2, Instant now) {
        if (now == null || t1 == null || t2 == null) {
            return afterOrZero(t1, t2);
        }
        long diff = logBucket(t1, now) - logBucket(t2, now);
        if (diff == 0) {
            return compareUid(uid1, uid2) < 0;
        }
        return diff < 0;
    }

    /** {@code afterOrZero}: a zero time counts as after any other; otherwise the later time. */
    private static boolean afterOrZero(Instant t1, Instant t2) {
        if (t1 == null || t2 == null) {
            return t1 == null;
        }
        return t1.isAfter(t2);
    }

    /** floor(log2(now − t)) in nanoseconds; −1 for a time not in the past. */
    static long logBucket(Instant t, Instant now) {
        long nanos;
        try {
            nanos = Duration.between(t, now).toNanos();
        } catch (ArithmeticException overflow) {
            nanos = Long.MAX_VALUE;
        }
        if (nanos <= 0) {
            return -1;
        }
        return 63 - Long.numberOfLeadingZeros(nanos);
    }

    private static int compareUid(String a, String b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return a.compareTo(b);
    }

    /**
     * {@code controller.kubernetes.io/pod-deletion-cost} as upstream reads it: an int32, and 0 when
     * absent or unparsable.
     */
    static int deletionCost(String annotation) {
        if (annotation == null) {
            return 0;
        }
        try {
            return Integer.parseInt(annotation);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
