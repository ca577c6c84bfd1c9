package io.steersman.core.store;

import io.steersman.api.selector.FieldSelector;
import io.steersman.api.selector.Selector;

/**
 * A list request: namespace (null for all), label and field selectors, paging ({@code limit} 0 means
 * no limit; {@code continueToken} from the previous page) and the resourceVersion semantics of
 * upstream ({@code null} or "": the latest, consistent read; "0": any, the cache will do).
 */
public record ListOptions(String namespace, Selector labelSelector, FieldSelector fieldSelector,
        long limit, String continueToken, String resourceVersion) {

    public ListOptions {
        labelSelector = labelSelector == null ? Selector.everything() : labelSelector;
        fieldSelector = fieldSelector == null ? FieldSelector.everything() : fieldSelector;
    }

    public static ListOptions all() {
        return new ListOptions(null, null, null, 0, null, null);
    }

    public static ListOptions in(String namespace) {
        return new ListOptions(namespace, null, null, 0, null, null);
    }
}
