package io.steersman.core.store;

import io.steersman.api.client.AlreadyExistsException;
import io.steersman.api.client.ApiException;
import io.steersman.api.client.ConflictException;
import io.steersman.api.client.GoneException;
import io.steersman.api.client.InvalidException;
import io.steersman.api.client.NotFoundException;
import io.steersman.api.model.Status;
import io.steersman.api.resource.FieldError;
import io.steersman.api.resource.ResourceType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the errors of the API with upstream's {@code Status}: code, reason, message and details
 * worded as {@code k8s.io/apimachinery/pkg/api/errors} words them, so kubectl prints what it
 * prints against a real cluster. Shared by the store and the API server.
 */
public final class StatusErrors {
    private StatusErrors() {}

    /** 404: {@code deployments.apps "x" not found}. */
    public static NotFoundException notFound(ResourceType<?> type, String name) {
        return notFound(type.group(), type.plural(), name);
    }

    /** 404 for a resource named by group and plural: {@code namespaces "x" not found}. */
    public static NotFoundException notFound(String group, String plural, String name) {
        String message = qualified(group, plural) + " \"" + name + "\" not found";
        return new NotFoundException(Status.failure(404, "NotFound", message, new Status.Details(name, group, plural)));
    }

    /** 403: {@code namespaces "default" is forbidden: <why>} ({@code NewForbidden}). */
    public static ApiException forbidden(ResourceType<?> type, String name, String why) {
        String message = type.qualifiedPlural() + " \"" + name + "\" is forbidden: " + why;
        return new ApiException(Status.failure(403, "Forbidden", message, new Status.Details(name, type.group(), type.plural())));
    }

    /** 409: {@code deployments.apps "x" already exists}. */
    public static AlreadyExistsException alreadyExists(ResourceType<?> type, String name) {
        String message = type.qualifiedPlural() + " \"" + name + "\" already exists";
        return new AlreadyExistsException(Status.failure(409, "AlreadyExists", message, details(type, name)));
    }

    /** 409 for a stale resourceVersion: {@code Operation cannot be fulfilled on ...: the object has been modified; ...}. */
    public static ConflictException modified(ResourceType<?> type, String name) {
        return conflict(type, name, "the object has been modified; please apply your changes to the latest version and try again");
    }

    /** 409: {@code Operation cannot be fulfilled on deployments.apps "x": <why>}. */
    public static ConflictException conflict(ResourceType<?> type, String name, String why) {
        String message = "Operation cannot be fulfilled on " + type.qualifiedPlural() + " \"" + name + "\": " + why;
        return new ConflictException(Status.failure(409, "Conflict", message, details(type, name)));
    }

    /**
     * 422: {@code Deployment.apps "x" is invalid: spec.replicas: Invalid value: -1: ...}, with one
     * cause per field error; several errors are listed in brackets, as upstream's aggregate.
     */
    public static InvalidException invalid(ResourceType<?> type, String name, List<FieldError> errors) {
        String qualifiedKind = type.group().isEmpty() ? type.kind() : type.kind() + "." + type.group();
        Set<String> messages = new LinkedHashSet<>();
        List<Status.Cause> causes = new ArrayList<>(errors.size());
        for (FieldError error : errors) {
            messages.add(error.field() + ": " + error.message());
            causes.add(error.toCause());
        }
        String message = qualifiedKind + " \"" + name + "\" is invalid";
        if (messages.size() == 1) {
            message += ": " + messages.iterator().next();
        } else if (!messages.isEmpty()) {
            message += ": [" + String.join(", ", messages) + "]";
        }
        Status.Details details = new Status.Details(name, type.group(), type.kind(), null, causes, null);
        return new InvalidException(Status.failure(422, "Invalid", message, details));
    }

    /** 410 Expired: {@code too old resource version: 5 (10)}, where 10 is the oldest revision a watch can start after. */
    public static GoneException tooOldResourceVersion(long requested, long oldest) {
        return expired("too old resource version: " + requested + " (" + oldest + ")");
    }

    /** 410 Expired for a continue token whose revision is compacted, in upstream's words. */
    public static GoneException continueExpired() {
        return expired("The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.");
    }

    /** 410 Expired with the given message (upstream's {@code NewResourceExpired}). */
    public static GoneException expired(String message) {
        return new GoneException(Status.failure(410, "Expired", message, null));
    }

    /** 410 Gone with the given message (upstream's {@code NewGone}). */
    public static GoneException gone(String message) {
        return new GoneException(Status.failure(410, "Gone", message, null));
    }

    /**
     * 403: {@code pods "x" is forbidden: unable to create new content in namespace ns because it is
     * being terminated}, with upstream's NamespaceTerminating cause.
     */
    public static ApiException namespaceTerminating(ResourceType<?> type, String name, String namespace) {
        String message = type.qualifiedPlural() + " \"" + name + "\" is forbidden: unable to create new content in namespace "
                + namespace + " because it is being terminated";
        Status.Cause cause = new Status.Cause("NamespaceTerminating", "namespace " + namespace + " is being terminated", "metadata.namespace");
        Status.Details details = new Status.Details(name, type.group(), type.plural(), null, List.of(cause), null);
        return new ApiException(Status.failure(403, "Forbidden", message, details));
    }

    /** 400 with the given message. */
    public static ApiException badRequest(String message) {
        return new ApiException(Status.failure(400, "BadRequest", message, null));
    }

    /** 404 for a subresource a kind does not serve. */
    public static NotFoundException noSuchSubresource() {
        return new NotFoundException(Status.failure(404, "NotFound", "the server could not find the requested resource", null));
    }

    /** 504: a read asked for a resourceVersion newer than the store has (upstream's TooLargeResourceVersion). */
    public static ApiException tooLargeResourceVersion(long requested, long current) {
        String message = "Timeout: Too large resource version: " + requested + ", current: " + current;
        Status.Cause cause = new Status.Cause("ResourceVersionTooLarge", "Too large resource version", null);
        return new ApiException(Status.failure(504, "Timeout", message, new Status.Details(null, null, null, null, List.of(cause), 1)));
    }

    /** 500 with upstream's {@code Internal error occurred: } prefix. */
    public static ApiException internal(String message) {
        return new ApiException(Status.failure(500, "InternalError", "Internal error occurred: " + message, null));
    }

    private static Status.Details details(ResourceType<?> type, String name) {
        return new Status.Details(name, type.group(), type.plural());
    }

    private static String qualified(String group, String plural) {
        return group == null || group.isEmpty() ? plural : plural + "." + group;
    }
}
