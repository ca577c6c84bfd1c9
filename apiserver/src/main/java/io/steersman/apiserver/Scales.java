package io.steersman.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.steersman.api.client.ApiException;
import io.steersman.api.client.PatchType;
import io.steersman.api.model.ApiObject;
import io.steersman.api.model.Status;
import io.steersman.api.resource.ResourceType;
import io.steersman.core.patch.PatchContext;
import io.steersman.core.patch.Patches;
import io.steersman.core.store.Store;
import java.util.List;

/**
 * The {@code scale} subresource: an {@code autoscaling/v1 Scale} view of a kind's replicas and
 * selector (where {@link ResourceType.ScaleSpec} says they live). Writing it changes only the
 * replicas. A Scale carrying a resourceVersion is a precondition; a patch without one never
 * conflicts (kubectl scale retries a 409 for five minutes).
 */
final class Scales {
    private final Store store;
    private final PatchHandler patches;

    Scales(Store store, PatchHandler patches) {
        this.store = store;
        this.patches = patches;
    }

    <T extends ApiObject> void handle(Exchange ex, ResourceType<T> type, String namespace, String name, String verb) {
        switch (verb) {
            case "get" -> {
                T object = store.get(type, namespace, name).orElseThrow(() -> Errors.notFound(type, name));
                ex.sendJson(200, Json.write(scale(type, object)));
            }
            case "update" -> {
                ObjectNode body = Bodies.objectTree(ex);
                checkScaleKind(body);
                String bodyName = body.path("metadata").path("name").asText("");
                if (!bodyName.isEmpty() && !bodyName.equals(name)) {
                    throw Errors.badRequest("the name of the object (" + bodyName + ") does not match the name on the URL (" + name + ")");
                }
                T updated = write(ex, type, namespace, name, current -> body);
                ex.sendJson(200, Json.write(scale(type, updated)));
            }
            case "patch" -> {
                PatchContext context = PatchContext.of("autoscaling/v1", "Scale");
                PatchType patchType = PatchHandler.patchType(ex, patches.context(ex, type, "scale"));
                if (patchType == PatchType.APPLY) {
                    throw Errors.unsupportedMediaType(PatchType.APPLY.contentType(),
                            List.of(PatchType.JSON.contentType(), PatchType.MERGE.contentType(), PatchType.STRATEGIC_MERGE.contentType()));
                }
                // A Scale has no lists, so a strategic merge patch of it is a merge patch.
                PatchType effective = patchType == PatchType.STRATEGIC_MERGE ? PatchType.MERGE : patchType;
                byte[] body = ex.body();
                T updated = write(ex, type, namespace, name, current -> {
                    JsonNode patched = Patches.apply(effective, current, body, context);
                    if (!patched.isObject()) {
                        throw Errors.badRequest("the patch must leave a JSON object");
                    }
                    checkScaleKind(patched);
                    return (ObjectNode) patched;
                });
                ex.sendJson(200, Json.write(scale(type, updated)));
            }
            default -> throw Errors.methodNotAllowed(ex.method(), type.qualifiedPlural() + "/scale");
        }
    }

    private static void checkScaleKind(JsonNode scale) {
        String apiVersion = scale.path("apiVersion").asText("");
        String kind = scale.path("kind").asText("");
        if (!apiVersion.isEmpty() && !apiVersion.equals("autoscaling/v1")) {
            throw Errors.badRequest("the API version in the data (" + apiVersion + ") does not match the expected API version (autoscaling/v1)");
        }
        if (!kind.isEmpty() && !kind.equals("Scale")) {
            throw Errors.badRequest("Scale in version \"v1\" cannot be handled as a Scale: the kind in the data (" + kind
                    + ") does not match the expected kind (Scale)");
        }
    }

    /** Computes the desired Scale from the current one and writes its replicas into the object. */
    private <T extends ApiObject> T write(Exchange ex, ResourceType<T> type, String namespace, String name,
            java.util.function.Function<ObjectNode, ObjectNode> desired) {
        return store.guaranteedUpdate(type, namespace, name, Store.Subresource.MAIN, current -> {
            ObjectNode currentScale = scale(type, current);
            ObjectNode wanted = desired.apply(currentScale);
            JsonNode replicas = wanted.path("spec").path("replicas");
            if (!replicas.isIntegralNumber() && !replicas.isMissingNode() && !replicas.isNull()) {
                throw invalid(current.name(), "spec.replicas", replicas.toString(), "must be an integer");
            }
            long count = replicas.isIntegralNumber() ? replicas.asLong() : 0;
            if (count < 0) {
                throw invalid(current.name(), "spec.replicas", Long.toString(count), "must be greater than or equal to 0");
            }
            ObjectNode tree = (ObjectNode) Json.tree(current);
            set(tree, type.scale().specReplicasPath(), count);
            String resourceVersion = wanted.path("metadata").path("resourceVersion").asText("");
            if (!resourceVersion.isEmpty()) {
                ((ObjectNode) tree.with("metadata")).put("resourceVersion", resourceVersion);
            }
            return Bodies.toObject(tree, type);
        }, RequestOptions.write(ex));
    }

    private static ApiException invalid(String name, String field, String value, String detail) {
        Status.Cause cause = new Status.Cause("FieldValueInvalid", "Invalid value: " + value + ": " + detail, field);
        return ApiException.of(Status.failure(422, "Invalid", "Scale.autoscaling \"" + name + "\" is invalid: " + field + ": " + cause.message(),
                new Status.Details(name, "autoscaling", "Scale", null, List.of(cause), null)));
    }

    static ObjectNode scale(ResourceType<?> type, ApiObject object) {
        JsonNode tree = Json.tree(object);
        ResourceType.ScaleSpec spec = type.scale();
        ObjectNode scale = Json.object();
        scale.put("kind", "Scale");
        scale.put("apiVersion", "autoscaling/v1");
        ObjectNode metadata = scale.putObject("metadata");
        JsonNode meta = tree.path("metadata");
        for (String field : List.of("name", "namespace", "uid", "resourceVersion", "creationTimestamp")) {
            if (meta.hasNonNull(field)) {
                metadata.set(field, meta.get(field));
            }
        }
        JsonNode specReplicas = ColumnPrinter.evaluate(tree, spec.specReplicasPath());
        scale.putObject("spec").put("replicas", specReplicas != null && specReplicas.isNumber() ? specReplicas.asLong() : 0);
        ObjectNode status = scale.putObject("status");
        JsonNode statusReplicas = spec.statusReplicasPath() == null ? null : ColumnPrinter.evaluate(tree, spec.statusReplicasPath());
        status.put("replicas", statusReplicas != null && statusReplicas.isNumber() ? statusReplicas.asLong() : 0);
        if (spec.labelSelectorPath() != null) {
            JsonNode selector = ColumnPrinter.evaluate(tree, spec.labelSelectorPath());
            String text = selector == null ? "" : selector.isObject() ? BuiltinPrinters.selector(selector) : selector.asText("");
            if (!text.isEmpty()) {
                status.put("selector", text);
            }
        }
        return scale;
    }

    /** Sets a number at a simple JSON path ({@code .spec.replicas}), creating objects on the way. */
    static void set(ObjectNode tree, String path, long value) {
        String[] parts = path.replaceFirst("^\\.", "").split("\\.");
        ObjectNode at = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = at.get(parts[i]);
            at = next instanceof ObjectNode object ? object : at.putObject(parts[i]);
        }
        at.put(parts[parts.length - 1], value);
    }
}
