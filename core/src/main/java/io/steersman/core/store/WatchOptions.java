package io.steersman.core.store;

import io.steersman.api.selector.FieldSelector;
import io.steersman.api.selector.Selector;

/**
 * A watch request. {@code resourceVersion} null or "" starts with synthetic ADDED events for every
 * current object (as upstream); "0" likewise; a number streams the changes after that revision.
 * Bookmarks, when asked for, carry the latest revision on a quiet stream.
 */
public record WatchOptions(String namespace, Selector labelSelector, FieldSelector fieldSelector,
        String resourceVersion, boolean allowBookmarks) {

    public WatchOptions {
        labelSelector = labelSelector == null ? Selector.everything() : labelSelector;
        fieldSelector = fieldSelector == null ? FieldSelector.everything() : fieldSelector;
    }

    public static WatchOptions from(long revision) {
        return new WatchOptions(null, null, null, Long.toString(revision), false);
    }
}
