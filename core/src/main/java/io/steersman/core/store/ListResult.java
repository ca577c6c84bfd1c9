package io.steersman.core.store;

import java.util.List;

/** One page of a list, read at {@code resourceVersion}; {@code continueToken} is null on the last page. */
public record ListResult<T>(List<T> items, long resourceVersion, String continueToken, Long remainingItemCount) {}
