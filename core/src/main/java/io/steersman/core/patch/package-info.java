/**
 * The patch engines: JSON patch (RFC 6902), JSON merge patch (RFC 7386) and strategic merge patch
 * as kube-apiserver applies them, on Jackson trees. {@link io.steersman.core.patch.Patches} is the
 * entry point; {@link io.steersman.core.patch.PatchContext} names the kind (its merge keys come
 * from a table transcribed from upstream's struct tags) and, for writes that record
 * managedFields, the field manager.
 *
 * <pre>{@code
 * JsonNode live = ...;  // the stored Deployment as JSON
 * byte[] body = "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"nginx\",\"image\":\"nginx:1.91\"}]}}}}"
 *         .getBytes(UTF_8);
 * JsonNode patched = Patches.apply(PatchType.STRATEGIC_MERGE, live, body, PatchContext.of("apps/v1", "Deployment"));
 * }</pre>
 *
 * <p>Everything here is a pure function of its arguments and safe from any thread; failures are
 * {@link io.steersman.api.client.ApiException}s with upstream's code, reason and message.
 */
package io.steersman.core.patch;
