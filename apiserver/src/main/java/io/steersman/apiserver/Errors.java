package io.steersman.apiserver;

import io.steersman.api.client.ApiException;
import io.steersman.api.model.Status;
import io.steersman.api.resource.ResourceType;
import java.util.List;

/** The Status answers the server itself produces, with upstream's codes, reasons and messages. */
final class Errors {
    private Errors() {}

    static ApiException of(int code, String reason, String message) {
        return ApiException.of(Status.failure(code, reason, message, null));
    }

    static ApiException notFound(ResourceType<?> type, String name) {
        return ApiException.of(Status.failure(404, "NotFound", type.qualifiedPlural() + " \"" + name + "\" not found",
                new Status.Details(name, type.group(), type.plural())));
    }

    /** A path that names nothing the server serves. */
    static ApiException noRoute() {
        return ApiException.of(Status.failure(404, "NotFound", "the server could not find the requested resource",
                new Status.Details(null, null, null)));
    }

    /**
     * A pods' container subresource (exec, attach, portforward, log, proxy): upstream the kubelet streams it
     * from a running container; Steersman runs none, so the answer is a 400 as upstream's for a container
     * that is not running, with a message that says why instead of a 404 or a hanging upgrade.
     */
    static ApiException noContainers(String subresource, String namespace, String pod) {
        return badRequest("pods/" + subresource + " is not available: Steersman runs no containers (pod \"" + pod
                + "\" in namespace \"" + namespace + "\" exists only as an API object, with no kubelet to serve"
                + " exec, attach, logs, port-forward or proxy)");
    }

    static ApiException badRequest(String message) {
        return of(400, "BadRequest", message);
    }

    static ApiException methodNotAllowed(String method, String what) {
        return of(405, "MethodNotAllowed", "the server does not allow this method on the requested resource"
                + (what == null ? "" : " (" + method + " " + what + ")"));
    }

    static ApiException unauthorized() {
        return of(401, "Unauthorized", "Unauthorized");
    }

    static ApiException forbidden(String user, String verb, ResourceType<?> type, String namespace) {
        String resource = type == null ? "this resource" : "resource \"" + type.plural() + "\" in API group \"" + type.group() + "\"";
        String scope = namespace == null || namespace.isEmpty() ? " at the cluster scope" : " in the namespace \"" + namespace + "\"";
        return of(403, "Forbidden", "User \"" + user + "\" cannot " + verb + " " + resource + scope
                + ": the token is read-only");
    }

    static ApiException tooLarge(long limit) {
        return of(413, "RequestEntityTooLarge", "Request entity too large: limit is " + limit);
    }

    static ApiException unsupportedMediaType(String contentType, List<String> accepted) {
        return of(415, "UnsupportedMediaType", "the body of the request was in an unknown format - accepted media types include: "
                + String.join(", ", accepted));
    }

    /** kubectl's {@code create <kind>} generator commands send protobuf; say what works instead. */
    static ApiException protobufBody() {
        return of(415, "UnsupportedMediaType", "Steersman does not accept protobuf request bodies (application/vnd.kubernetes.protobuf), "
                + "which kubectl's generator commands (create deployment|service|configmap|secret|namespace|...) send. "
                + "Generate the manifest on the client and apply it instead, e.g. "
                + "kubectl create deployment x --image=y --dry-run=client -o yaml | kubectl apply -f -");
    }

    static ApiException notAcceptable() {
        return of(406, "NotAcceptable", "only the following media types are accepted: application/json, application/yaml, "
                + "application/json;as=Table;v=v1;g=meta.k8s.io");
    }

    static ApiException gone(String message) {
        return of(410, "Expired", message);
    }

    static ApiException internal(String message) {
        return of(500, "InternalError", "Internal error occurred: " + message);
    }

    /** A 422 for a request parameter, as upstream reports bad query options. */
    static ApiException invalidParameter(String kind, String field, Object value, String detail) {
        Status.Cause cause = new Status.Cause("FieldValueInvalid", "Invalid value: " + quote(value) + ": " + detail, field);
        return ApiException.of(Status.failure(422, "Invalid", kind + " is invalid: " + field + ": " + cause.message(),
                new Status.Details(null, "meta.k8s.io", kind, null, List.of(cause), null)));
    }

    static String quote(Object value) {
        return value instanceof String s ? '"' + s + '"' : String.valueOf(value);
    }
}
