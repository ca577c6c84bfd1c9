package io.steersman.api.model;

import java.util.Iterator;
import java.util.Map;

/**
 * Makes equal small frozen maps one object, so the unknown fields every pod of a template carries
 * ({@code terminationMessagePath/Policy} of a container, {@code securityContext: {}} and
 * {@code enableServiceLinks} of a defaulted spec) are held once, not once per pod. As the codec's
 * string pool: a fixed number of slots indexed by hash, a map not in its slot replaces what was
 * there, so the pool never grows and rare maps just pass through.
 *
 * <p>Only maps of a few entries whose values are scalars or maps already pooled are shared, and
 * only with a map of the same keys in the same order (the order they are written in).
 * Thread-safe without locks: slots hold immutable maps, and a lost race only costs a duplicate.
 */
final class FrozenMapPool {
    private static final int MAX_ENTRIES = 4;
    private static final int SLOTS = 1024;
    private static final FrozenMap[] POOL = new FrozenMap[SLOTS];

    private FrozenMapPool() {}

    static FrozenMap pool(FrozenMap map) {
        if (map.isEmpty()) {
            return FrozenMap.EMPTY;
        }
        if (map.size() > MAX_ENTRIES || !poolable(map)) {
            return map;
        }
        int hash = map.hashCode();
        int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
        FrozenMap pooled = POOL[slot];
        if (pooled != null && sameEntriesInOrder(pooled, map)) {
            return pooled;
        }
        POOL[slot] = map;
        return map;
    }

    private static boolean poolable(FrozenMap map) {
        for (Object value : map.values()) {
            if (!(value == null || value instanceof String || value instanceof Boolean || value instanceof Number
                    || value instanceof FrozenMap)) {
                return false;
            }
        }
        return true;
    }

    /** Same keys in the same order, equal scalars, and the very same nested maps (pooled before their parent). */
    private static boolean sameEntriesInOrder(FrozenMap a, FrozenMap b) {
        if (a.size() != b.size() || a.hashCode() != b.hashCode()) {
            return false;
        }
        Iterator<Map.Entry<String, Object>> left = a.entrySet().iterator();
        Iterator<Map.Entry<String, Object>> right = b.entrySet().iterator();
        while (left.hasNext()) {
            Map.Entry<String, Object> x = left.next();
            Map.Entry<String, Object> y = right.next();
            if (!x.getKey().equals(y.getKey())) {
                return false;
            }
            Object u = x.getValue();
            Object v = y.getValue();
            boolean same = u instanceof FrozenMap || v instanceof FrozenMap
                    ? u == v
                    : u == null ? v == null : u.getClass() == v.getClass() && u.equals(v);
            if (!same) {
                return false;
            }
        }
        return true;
    }
}
