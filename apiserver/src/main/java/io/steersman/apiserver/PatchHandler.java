package io.steersman.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import io.steersman.api.client.AlreadyExistsException;
import io.steersman.api.client.PatchType;
import io.steersman.api.model.ApiObject;
import io.steersman.api.resource.ResourceType;
import io.steersman.core.patch.PatchContext;
import io.steersman.core.patch.Patches;
import io.steersman.core.store.Store;
import io.steersman.core.store.WriteOptions;
import io.steersman.api.controller.Clock;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;

/**
 * PATCH on an item or its status: the body goes through core's patch engines (JSON patch, merge
 * patch, strategic merge patch) inside the store's guaranteed update, so a patch is applied to the
 * latest object and retried on a concurrent write; a patch that names a resourceVersion is a
 * precondition (Conflict when stale), one without never conflicts.
 */
final class PatchHandler {
    private final Store store;
    private final Clock clock;

    PatchHandler(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    static PatchType patchType(Exchange ex, PatchContext context) {
        MediaType type = ex.contentType();
        if (type != null && type.is(MediaType.PROTOBUF)) {
            throw Errors.protobufBody();
        }
        List<String> accepted = new ArrayList<>(Patches.acceptedContentTypes(context));
        accepted.add(PatchType.APPLY.contentType());
        return PatchType.forContentType(ex.header(HttpHeader.CONTENT_TYPE))
                .orElseThrow(() -> Errors.unsupportedMediaType(type == null ? "" : type.essence(), accepted));
    }

    PatchContext context(Exchange ex, ResourceType<?> type, String subresource) {
        return PatchContext.of(type.apiVersion(), type.kind())
                .withFieldManager(ex.query("fieldManager"))
                .withForce(ex.flag("force"))
                .at(clock.now())
                .withSubresource(subresource);
    }

    <T extends ApiObject> void patch(Exchange ex, ResourceType<T> type, String namespace, String name, String subresource, ObjectWriter writer) {
        PatchContext context = context(ex, type, subresource);
        PatchType patchType = patchType(ex, context);
        RequestOptions.FieldValidation validation = RequestOptions.fieldValidation(ex);
        WriteOptions options = RequestOptions.write(ex);
        byte[] body = ex.body();
        Store.Subresource target = "status".equals(subresource) ? Store.Subresource.STATUS : Store.Subresource.MAIN;
        if (patchType == PatchType.APPLY && subresource == null && store.get(type, namespace, name).isEmpty()) {
            try {
                T created = store.create(type, appliedObject(ex, type, namespace, name, body, context, validation), options);
                ex.sendJson(201, writer.bytes(created));
                return;
            } catch (AlreadyExistsException raced) {
                // Created meanwhile: apply to it below.
            }
        }
        T patched = store.guaranteedUpdate(type, namespace, name, target, current -> {
            JsonNode result = Patches.apply(patchType, Json.tree(current), body, context);
            return decodePatched(ex, type, result, current, validation);
        }, options);
        ex.sendJson(200, writer.bytes(patched));
    }

    /** Server-side apply of an object that does not exist yet: the configuration becomes the object. */
    private static <T extends ApiObject> T appliedObject(Exchange ex, ResourceType<T> type, String namespace, String name, byte[] body,
            PatchContext context, RequestOptions.FieldValidation validation) {
        JsonNode result = Patches.apply(PatchType.APPLY, null, body, context);
        if (!result.isObject()) {
            throw Errors.badRequest("the apply configuration must be an object");
        }
        ResourceHandler.checkKind(result, type);
        T object = Bodies.toObject(result, type);
        FieldValidation.check(ex, validation, object);
        String configName = ResourceHandler.meta(object).name();
        if (configName == null || configName.isEmpty()) {
            object = type.cast(object.withMetadata(ResourceHandler.meta(object).withName(name)));
        } else if (!configName.equals(name)) {
            throw Errors.badRequest("the name of the object (" + configName + ") does not match the name on the URL (" + name + ")");
        }
        return ResourceHandler.inNamespace(object, type, namespace);
    }

    /** The patched tree as the kind's type; a patch may not rename or move the object. */
    static <T extends ApiObject> T decodePatched(Exchange ex, ResourceType<T> type, JsonNode result, T current,
            RequestOptions.FieldValidation validation) {
        if (!result.isObject()) {
            throw Errors.badRequest("the patch must leave a JSON object");
        }
        ResourceHandler.checkKind(result, type);
        T object = Bodies.toObject(result, type);
        ex.clearWarnings();
        FieldValidation.check(ex, validation, object);
        String newName = ResourceHandler.meta(object).name();
        if (newName != null && !newName.equals(current.name())) {
            throw Errors.badRequest("the name of the object (" + newName + ") does not match the name on the URL (" + current.name() + ")");
        }
        String newNamespace = ResourceHandler.meta(object).namespace();
        if (type.namespaced() && newNamespace != null && !newNamespace.equals(current.namespace())) {
            throw Errors.badRequest("the namespace of the provided object does not match the namespace sent on the request");
        }
        return object;
    }
}
