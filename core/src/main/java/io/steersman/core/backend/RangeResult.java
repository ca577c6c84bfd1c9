package io.steersman.core.backend;

import java.util.List;

/**
 * A range read at {@code revision}: the live keys found, in key order, and whether more keys lie in
 * the range beyond the limit.
 */
public record RangeResult(List<KeyValue> kvs, long revision, boolean more) {}
