/**
 * The patch engines, as kube-apiserver applies them, on Jackson trees: JSON patch (RFC 6902),
 * JSON merge patch (RFC 7386), strategic merge patch, and server-side apply with
 * {@code metadata.managedFields}.
 *
 * <p>{@link io.steersman.core.patch.Patches} is the entry point for the four PATCH content types;
 * {@link io.steersman.core.patch.ManagedFields#recordUpdate} records a create or update (PUT) as
 * its field manager's Update entry. {@link io.steersman.core.patch.PatchContext} names the kind
 * (its merge keys come from {@code MergeKeys}, a table transcribed from upstream's struct tags),
 * the field manager, the force flag and the time to record.
 *
 * <pre>{@code
 * JsonNode live = ...;  // the stored Deployment as JSON
 * byte[] body = "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"nginx\",\"image\":\"nginx:1.91\"}]}}}}"
 *         .getBytes(UTF_8);
 * PatchContext context = PatchContext.of("apps/v1", "Deployment").withFieldManager("kubectl-set").at(clock.now());
 * JsonNode patched = Patches.apply(PatchType.STRATEGIC_MERGE, live, body, context);
 * }</pre>
 *
 * <p>Everything here is a pure function of its arguments and safe from any thread; failures are
 * {@link io.steersman.api.client.ApiException}s with upstream's code, reason and message.
 */
package io.steersman.core.patch;
