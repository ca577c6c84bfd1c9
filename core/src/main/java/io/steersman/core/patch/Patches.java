package io.steersman.core.patch;

import com.fasterxml.jackson.databind.JsonNode;
import io.steersman.api.client.PatchType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The patch engines behind the API server's PATCH verb and the controllers' client: JSON patch
 * (RFC 6902), JSON merge patch (RFC 7386), strategic merge patch with upstream's merge keys for
 * the built-in kinds, and server-side apply with managedFields and conflicts.
 *
 * <pre>{@code
 * JsonNode patched = Patches.apply(PatchType.STRATEGIC_MERGE, live, body,
 *         PatchContext.of("apps/v1", "Deployment"));
 * }</pre>
 *
 * <p>Pure functions: the arguments are never changed and the class is safe to use from any
 * thread. Failures are {@link io.steersman.api.client.ApiException}s carrying the Status
 * kube-apiserver answers for the same input: 400 BadRequest for a body that cannot be read, 413 for
 * a JSON patch of more than 10,000 operations, 409 Conflict for an apply that would change
 * another manager's fields, 415 UnsupportedMediaType for a patch type the kind
 * does not accept (strategic merge patch on a custom kind), 422 Invalid for a JSON patch that does
 * not apply (a failed {@code test}, a missing path), 500 for a strategic merge patch upstream cannot
 * apply either (a list element without its merge key).
 */
public final class Patches {
    private Patches() {}

    /**
     * Applies {@code body} of the given type to {@code current} and returns the patched object.
     *
     * <p>For {@link PatchType#APPLY} (server-side apply) {@code current} may be null: the object
     * is then created from the configuration. The context must name the field manager; a change to
     * a field another manager owns is a 409 Conflict unless {@link PatchContext#force()}. For the
     * other types, when the context names a field manager, the result's managedFields record the
     * write as that manager's Update (see {@link ManagedFields#recordUpdate}).
     *
     * @param current the live object as JSON; null only for an apply that creates
     */
    public static JsonNode apply(PatchType type, JsonNode current, byte[] body, PatchContext context) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(context, "context");
        if (type == PatchType.APPLY) {
            return ServerSideApply.apply(current, body, context);
        }
        Objects.requireNonNull(current, "current");
        JsonNode patched = switch (type) {
            case JSON -> JsonPatch.apply(current, body);
            case MERGE -> MergePatch.apply(current, body);
            case STRATEGIC_MERGE -> StrategicMergePatch.apply(current, body,
                    MergeKeys.forKind(context.group(), context.kind())
                            .orElseThrow(() -> PatchErrors.unsupportedMediaType(acceptedContentTypes(context))));
            case APPLY -> throw new IllegalStateException("handled above");
        };
        return ManagedFields.recordUpdate(current, patched, context);
    }

    /** Whether the kind is built in, with merge keys: only those accept a strategic merge patch. */
    public static boolean supportsStrategicMerge(String apiVersion, String kind) {
        return MergeKeys.forKind(PatchContext.of(apiVersion, kind).group(), kind).isPresent();
    }

    /** The patch Content-Types the kind accepts, in upstream's order (what a 415 lists). */
    public static List<String> acceptedContentTypes(PatchContext context) {
        List<String> types = new ArrayList<>();
        types.add(PatchType.JSON.contentType());
        types.add(PatchType.MERGE.contentType());
        if (supportsStrategicMerge(context.apiVersion(), context.kind())) {
            types.add(PatchType.STRATEGIC_MERGE.contentType());
        }
        types.add(PatchType.APPLY.contentType());
        return types;
    }
}
