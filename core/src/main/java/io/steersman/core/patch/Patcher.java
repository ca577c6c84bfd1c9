package io.steersman.core.patch;

import io.steersman.api.client.PatchType;
import io.steersman.api.model.ApiObject;
import io.steersman.api.resource.ResourceType;

/**
 * Applies a patch body to an object: the seam between whoever patches (the cache-backed client,
 * the API server) and the patch engines. Called inside the store's read-modify-write, so it may run
 * more than once for one request (on Conflict) and must be a pure function of its arguments.
 *
 * <p>Throws {@link io.steersman.api.client.ApiException}s a client can show: a malformed body, an
 * operation that cannot apply (422), an unsupported patch type (415).
 */
@FunctionalInterface
public interface Patcher {
    <T extends ApiObject> T apply(ResourceType<T> type, T current, PatchType patchType, String body);
}
