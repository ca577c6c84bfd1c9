package io.steersman.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.steersman.api.client.ApiException;
import io.steersman.api.client.DeleteOptions;
import io.steersman.api.client.GoneException;
import io.steersman.api.client.NotFoundException;
import io.steersman.api.controller.Clock;
import io.steersman.api.model.ApiObject;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.Status;
import io.steersman.api.resource.ResourceType;
import io.steersman.core.patch.ManagedFields;
import io.steersman.core.patch.PatchContext;
import io.steersman.core.store.ListOptions;
import io.steersman.core.store.ListResult;
import io.steersman.core.store.Store;
import io.steersman.core.store.WatchOptions;
import io.steersman.core.store.WriteOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * The verbs on a kind's collection and items: get, list, watch, create, update, delete,
 * deletecollection, and the status and scale subresources; patches go to {@link PatchHandler}.
 * Works for every registered kind alike.
 */
final class ResourceHandler {
    /** Kinds whose delete answers the deleted object, as upstream's registries with ReturnDeletedObject. */
    private static final Set<String> RETURN_DELETED_OBJECT = Set.of("/pods", "/services", "/serviceaccounts",
            "storage.k8s.io/storageclasses", "/namespaces");
    private static final Set<String> READ_VERBS = Set.of("get", "list", "watch");

    private final Store store;
    private final Tables tables;
    private final ObjectWriter writer;
    private final Scheduler scheduler;
    private final PatchHandler patches;
    private final Scales scales;
    private final PodBindings bindings;
    private final Clock clock;
    private final FieldLabels fieldLabels = new FieldLabels();

    ResourceHandler(Store store, Tables tables, ObjectWriter writer, Scheduler scheduler, Clock clock) {
        this.store = store;
        this.tables = tables;
        this.writer = writer;
        this.scheduler = scheduler;
        this.clock = clock;
        this.patches = new PatchHandler(store, clock);
        this.bindings = new PodBindings(store);
        this.scales = new Scales(store, patches);
    }

    void handle(Exchange ex, ResourcePath path) {
        String verb = verb(ex, path);
        if (ex.principal().readOnly() && !READ_VERBS.contains(verb)) {
            throw Errors.forbidden(ex.principal().user(), verb, path.type(), path.namespace());
        }
        dispatch(ex, path, verb);
    }

    private static String verb(Exchange ex, ResourcePath path) {
        String method = ex.method();
        if (path.watchPath()) {
            if (method.equals("GET")) {
                return "watch";
            }
            throw Errors.methodNotAllowed(method, path.type().qualifiedPlural());
        }
        boolean namespacedCollectionWithoutNamespace = path.type().namespaced() && path.namespace() == null;
        if ("binding".equals(path.subresource())) {
            if (method.equals("POST")) {
                return "create";
            }
            throw Errors.methodNotAllowed(method, path.type().qualifiedPlural() + "/binding");
        }
        if (path.containerSubresource()) {
            // Upstream authorizes exec/attach/portforward as "create" over POST (SPDY) and "get" over GET (WebSocket).
            return switch (method) {
                case "GET" -> "get";
                case "POST" -> "create";
                default -> throw Errors.methodNotAllowed(method, "pods/" + path.subresource());
            };
        }
        if (path.subresource() != null) {
            return switch (method) {
                case "GET" -> "get";
                case "PUT" -> "update";
                case "PATCH" -> "patch";
                default -> throw Errors.methodNotAllowed(method, path.type().qualifiedPlural() + "/" + path.subresource());
            };
        }
        if (path.collection()) {
            return switch (method) {
                case "GET" -> ex.flag("watch") ? "watch" : "list";
                case "POST" -> {
                    if (namespacedCollectionWithoutNamespace) {
                        throw Errors.methodNotAllowed(method, path.type().qualifiedPlural());
                    }
                    yield "create";
                }
                case "DELETE" -> {
                    if (namespacedCollectionWithoutNamespace) {
                        throw Errors.methodNotAllowed(method, path.type().qualifiedPlural());
                    }
                    yield "deletecollection";
                }
                default -> throw Errors.methodNotAllowed(method, path.type().qualifiedPlural());
            };
        }
        return switch (method) {
            case "GET" -> ex.flag("watch") ? "watch" : "get";
            case "PUT" -> "update";
            case "PATCH" -> "patch";
            case "DELETE" -> "delete";
            default -> throw Errors.methodNotAllowed(method, path.type().qualifiedPlural());
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void dispatch(Exchange ex, ResourcePath path, String verb) {
        ResourceType type = path.type();
        if ("scale".equals(path.subresource())) {
            scales.handle(ex, type, path.namespace(), path.name(), verb);
            return;
        }
        if ("binding".equals(path.subresource())) {
            bindings.create(ex, type, path.namespace(), path.name());
            return;
        }
        if (path.containerSubresource()) {
            if (store.get(type, path.namespace(), path.name()).isEmpty()) {
                throw Errors.notFound(type, path.name());
            }
            throw Errors.noContainers(path.subresource(), path.namespace(), path.name());
        }
        switch (verb) {
            case "get" -> get(ex, type, path);
            case "list" -> list(ex, type, path.namespace());
            case "watch" -> watch(ex, type, path);
            case "create" -> create(ex, type, path.namespace());
            case "update" -> update(ex, type, path);
            case "patch" -> patches.patch(ex, type, path.namespace(), path.name(), path.subresource(), writer);
            case "delete" -> delete(ex, type, path.namespace(), path.name());
            case "deletecollection" -> deleteCollection(ex, type, path.namespace());
            default -> throw Errors.methodNotAllowed(ex.method(), type.qualifiedPlural());
        }
    }

    private <T extends ApiObject> void get(Exchange ex, ResourceType<T> type, ResourcePath path) {
        T object = store.get(type, path.namespace(), path.name()).orElseThrow(() -> Errors.notFound(type, path.name()));
        Negotiation negotiation = Negotiation.forObjects(ex.header(HttpHeader.ACCEPT), true);
        if (negotiation.form() == Negotiation.Form.TABLE) {
            Table table = tables.table(type, List.of(object), Long.parseLong(nonNull(object.metadata().resourceVersion())), null, ex);
            ex.sendJson(200, table.json(negotiation.version()));
            return;
        }
        ex.sendJson(200, writer.bytes(object));
    }

    private static String nonNull(String resourceVersion) {
        return resourceVersion == null ? "0" : resourceVersion;
    }

    private <T extends ApiObject> void list(Exchange ex, ResourceType<T> type, String namespace) {
        Negotiation negotiation = Negotiation.forObjects(ex.header(HttpHeader.ACCEPT), true);
        String resourceVersion = ex.query("resourceVersion");
        String match = ex.query("resourceVersionMatch");
        if (match != null) {
            if (resourceVersion == null) {
                throw Errors.invalidParameter("ListOptions", "resourceVersionMatch", match,
                        "resourceVersionMatch is forbidden unless resourceVersion is provided");
            }
            if (!match.equals("Exact") && !match.equals("NotOlderThan")) {
                throw Errors.invalidParameter("ListOptions", "resourceVersionMatch", match,
                        "supported values: \"Exact\", \"NotOlderThan\"");
            }
        }
        ListOptions options = new ListOptions(namespace, RequestOptions.labelSelector(ex), fieldSelector(ex, type),
                RequestOptions.nonNegative(ex, "limit", "ListOptions"), ex.query("continue"), resourceVersion);
        ListResult<T> result = store.list(type, options);
        if (negotiation.form() == Negotiation.Form.TABLE) {
            Table table = tables.table(type, result.items(), result.resourceVersion(), result.continueToken(), ex);
            ex.sendJson(200, table.json(negotiation.version()));
            return;
        }
        ex.sendJson(200, Lists.encode(type, result, writer));
    }

    private <T extends ApiObject> void watch(Exchange ex, ResourceType<T> type, ResourcePath path) {
        String upgrade = ex.header(HttpHeader.UPGRADE);
        if (upgrade != null && upgrade.equalsIgnoreCase("websocket")) {
            // Watches are served over plain HTTP only. A client that tries a WebSocket first (fabric8)
            // falls back to a streaming GET on a 200 or 503 answer, as behind proxies without
            // WebSocket support; 200, because fabric8 retries a 503 with backoff for about 20 s first.
            ex.response.getHeaders().put(HttpHeader.CONNECTION, "close");
            ex.sendJson(200, Json.write(Status.failure(200, "BadRequest",
                    "watch over WebSocket is not supported; watch with a streaming GET (watch=true)", null)));
            return;
        }
        Negotiation negotiation = Negotiation.forObjects(ex.header(HttpHeader.ACCEPT), true);
        io.steersman.api.selector.FieldSelector fields = fieldSelector(ex, type);
        if (path.name() != null) {
            fields = and(fields, path.name());
        }
        WatchOptions options = new WatchOptions(path.namespace(), RequestOptions.labelSelector(ex), fields,
                ex.query("resourceVersion"), ex.flag("allowWatchBookmarks"));
        long timeoutSeconds = RequestOptions.nonNegative(ex, "timeoutSeconds", "ListOptions");
        WatchStream.Encoder<T> encoder;
        String contentType;
        if (negotiation.form() == Negotiation.Form.TABLE) {
            encoder = tables.watchEncoder(type, ex, negotiation.version());
            contentType = "application/json;as=Table;v=" + negotiation.version() + ";g=meta.k8s.io";
        } else {
            encoder = WatchLines.plain(type, writer);
            contentType = MediaType.JSON;
        }
        WatchStream<T> stream = new WatchStream<>(ex, encoder);
        stream.begin(contentType, timeoutSeconds, scheduler);
        try {
            stream.attach(store.watch(type, options, stream));
        } catch (GoneException e) {
            stream.error(e.status());
        } catch (ApiException e) {
            stream.error(e.status());
        }
    }

    /** The request's field selector, refused with 400 when it names a field the kind cannot select on. */
    private <T extends ApiObject> io.steersman.api.selector.FieldSelector fieldSelector(Exchange ex, ResourceType<T> type) {
        io.steersman.api.selector.FieldSelector selector = RequestOptions.fieldSelector(ex);
        fieldLabels.check(type, selector);
        return selector;
    }

    private static io.steersman.api.selector.FieldSelector and(io.steersman.api.selector.FieldSelector fields, String name) {
        io.steersman.api.selector.FieldSelector byName = io.steersman.api.selector.FieldSelector.oneTermEqual("metadata.name", name);
        if (fields.isEverything()) {
            return byName;
        }
        return new io.steersman.api.selector.FieldSelector() {
            @Override
            public boolean matches(java.util.Map<String, String> values) {
                return byName.matches(values) && fields.matches(values);
            }

            @Override
            public boolean isEverything() {
                return false;
            }

            @Override
            public String toString() {
                return byName + "," + fields;
            }
        };
    }

    private <T extends ApiObject> void create(Exchange ex, ResourceType<T> type, String namespace) {
        Bodies.Body body = Bodies.read(ex);
        T object = ex.query("fieldManager") == null ? Bodies.directObject(body, type) : null;
        if (object != null) {
            checkKind(object.apiVersion(), object.kind(), type);
            refuseResourceVersion(object.metadata() == null ? null : object.metadata().resourceVersion());
            object = validated(ex, type, object);
        } else {
            Bodies.ObjectBody parsed = Bodies.objectBody(body);
            ObjectNode tree = parsed.tree();
            checkKind(tree, type);
            refuseResourceVersion(tree.path("metadata").path("resourceVersion").asText(""));
            object = decode(ex, managedFields(ex, type, null, tree), type, parsed.duplicateFields());
        }
        object = inNamespace(object, type, namespace);
        T created = store.create(type, object, RequestOptions.write(ex));
        ex.sendJson(201, writer.bytes(created));
    }

    private <T extends ApiObject> void update(Exchange ex, ResourceType<T> type, ResourcePath path) {
        Bodies.Body body = Bodies.read(ex);
        T object = ex.query("fieldManager") == null ? Bodies.directObject(body, type) : null;
        if (object != null) {
            checkKind(object.apiVersion(), object.kind(), type);
            object = validated(ex, type, object);
        } else {
            Bodies.ObjectBody parsed = Bodies.objectBody(body);
            ObjectNode tree = parsed.tree();
            checkKind(tree, type);
            JsonNode live = ex.query("fieldManager") == null ? null
                    : store.get(type, path.namespace(), path.name()).map(Json::tree).orElse(null);
            object = decode(ex, live == null ? tree : managedFields(ex, type, path.subresource(), live, tree), type,
                    parsed.duplicateFields());
        }
        String bodyName = object.metadata() == null ? null : object.metadata().name();
        if (bodyName == null || bodyName.isEmpty()) {
            object = type.cast(object.withMetadata(meta(object).withName(path.name())));
        } else if (!bodyName.equals(path.name())) {
            throw Errors.badRequest("the name of the object (" + bodyName + ") does not match the name on the URL (" + path.name() + ")");
        }
        object = inNamespace(object, type, path.namespace());
        WriteOptions options = RequestOptions.write(ex);
        T updated = "status".equals(path.subresource())
                ? store.updateStatus(type, object, options)
                : store.update(type, object, options);
        ex.sendJson(200, writer.bytes(updated));
    }

    private <T extends ApiObject> void delete(Exchange ex, ResourceType<T> type, String namespace, String name) {
        Deletes.Request request = Deletes.options(ex);
        T deleted = store.delete(type, namespace, name, request.options(), new WriteOptions(request.dryRun(), null));
        boolean lingers = deleted.metadata() != null && deleted.metadata().deletionTimestamp() != null
                && store.get(type, namespace, name).isPresent();
        if (lingers || RETURN_DELETED_OBJECT.contains(type.group() + "/" + type.plural())) {
            ex.sendJson(200, writer.bytes(deleted));
            return;
        }
        Status success = Status.success(new Status.Details(name, type.group(), type.plural(), deleted.uid(), List.of(), null));
        ex.sendJson(200, Json.write(success));
    }

    private <T extends ApiObject> void deleteCollection(Exchange ex, ResourceType<T> type, String namespace) {
        Deletes.Request request = Deletes.options(ex);
        ListOptions options = new ListOptions(namespace, RequestOptions.labelSelector(ex), fieldSelector(ex, type), 0, null, null);
        ListResult<T> listed = store.list(type, options);
        List<T> deleted = new ArrayList<>();
        for (T object : listed.items()) {
            try {
                deleted.add(store.delete(type, object.namespace(), object.name(), request.options(), new WriteOptions(request.dryRun(), null)));
            } catch (NotFoundException gone) {
                // Deleted meanwhile: nothing left to do for it.
            }
        }
        ex.sendJson(200, Lists.encode(type, new ListResult<>(deleted, store.currentRevision(), null, null), writer));
    }

    /** Records the write in managedFields when the request names a field manager, as upstream. */
    private JsonNode managedFields(Exchange ex, ResourceType<?> type, String subresource, JsonNode live, JsonNode updated) {
        String manager = ex.query("fieldManager");
        if (manager == null) {
            return updated;
        }
        PatchContext context = PatchContext.of(type.apiVersion(), type.kind()).withFieldManager(manager)
                .at(clock.now()).withSubresource(subresource);
        return ManagedFields.recordUpdate(live, updated, context);
    }

    private JsonNode managedFields(Exchange ex, ResourceType<?> type, JsonNode live, JsonNode updated) {
        return managedFields(ex, type, null, live, updated);
    }

    /** Decodes and applies {@code fieldValidation} to the fields the kind does not define and to those named twice. */
    private <T extends ApiObject> T decode(Exchange ex, JsonNode tree, ResourceType<T> type, List<String> duplicates) {
        RequestOptions.FieldValidation validation = RequestOptions.fieldValidation(ex);
        T object = Bodies.toObject(tree, type);
        FieldValidation.check(ex, validation, object, duplicates, type);
        return object;
    }

    /** A create names no resourceVersion, as upstream's create handler requires. */
    private static void refuseResourceVersion(String resourceVersion) {
        if (resourceVersion != null && !resourceVersion.isEmpty()) {
            throw Errors.badRequest("resourceVersion should not be set on objects to be created");
        }
    }

    /** Applies {@code fieldValidation} to an object decoded straight from the body (which had no field twice). */
    private static <T extends ApiObject> T validated(Exchange ex, ResourceType<T> type, T object) {
        FieldValidation.check(ex, RequestOptions.fieldValidation(ex), object, List.of(), type);
        return object;
    }

    /** Refuses a body whose apiVersion or kind is not the URL's kind, as upstream's decoder does. */
    static void checkKind(JsonNode tree, ResourceType<?> type) {
        checkKind(tree.path("apiVersion").asText(""), tree.path("kind").asText(""), type);
        if (tree.has("metadata") && !tree.get("metadata").isObject() && !tree.get("metadata").isNull()) {
            throw Errors.badRequest(type.kind() + " in version \"" + type.version() + "\" cannot be handled as a " + type.kind()
                    + ": metadata: must be an object");
        }
    }

    /** As {@link #checkKind(JsonNode, ResourceType)} for a decoded body (its metadata is an object then). */
    private static void checkKind(String apiVersion, String kind, ResourceType<?> type) {
        if (apiVersion != null && !apiVersion.isEmpty() && !apiVersion.equals(type.apiVersion())) {
            throw Errors.badRequest("the API version in the data (" + apiVersion + ") does not match the expected API version ("
                    + type.apiVersion() + ")");
        }
        if (kind != null && !kind.isEmpty() && !kind.equals(type.kind())) {
            throw Errors.badRequest(type.kind() + " in version \"" + type.version() + "\" cannot be handled as a " + type.kind()
                    + ": the kind in the data (" + kind + ") does not match the expected kind (" + type.kind() + ")");
        }
    }

    /** Fills the namespace from the URL; refuses a different one; clears it for cluster-scoped kinds. */
    static <T extends ApiObject> T inNamespace(T object, ResourceType<T> type, String namespace) {
        ObjectMeta meta = meta(object);
        if (!type.namespaced()) {
            return meta.namespace() == null ? object : type.cast(object.withMetadata(meta.withNamespace(null)));
        }
        if (meta.namespace() == null || meta.namespace().isEmpty()) {
            return type.cast(object.withMetadata(meta.withNamespace(namespace)));
        }
        if (!meta.namespace().equals(namespace)) {
            throw Errors.badRequest("the namespace of the provided object does not match the namespace sent on the request");
        }
        return object;
    }

    static ObjectMeta meta(ApiObject object) {
        return object.metadata() == null ? ObjectMeta.builder().build() : object.metadata();
    }
}
