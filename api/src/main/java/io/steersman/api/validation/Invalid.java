package io.steersman.api.validation;

import io.steersman.api.client.InvalidException;
import io.steersman.api.model.Status;
import io.steersman.api.resource.FieldError;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns field errors into the API's answer, as upstream's {@code errors.NewInvalid}: status 422,
 * reason Invalid, one cause per error, and the message kubectl prints:
 * {@code Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0}.
 */
public final class Invalid {
    private Invalid() {}

    /**
     * @param kind the Kind ({@code Deployment})
     * @param group the API group, empty for the core group
     * @param name the object's name
     * @param errors at least one error
     */
    public static InvalidException exception(String kind, String group, String name, List<FieldError> errors) {
        return new InvalidException(status(kind, group, name, errors));
    }

    public static Status status(String kind, String group, String name, List<FieldError> errors) {
        String qualifiedKind = group == null || group.isEmpty() ? kind : kind + "." + group;
        Set<String> messages = new LinkedHashSet<>();
        for (FieldError e : errors) {
            messages.add(e.toString());
        }
        String aggregate = messages.size() == 1 ? messages.iterator().next() : "[" + String.join(", ", messages) + "]";
        String message = qualifiedKind + " \"" + name + "\" is invalid: " + aggregate;
        List<Status.Cause> causes = errors.stream().map(FieldError::toCause).toList();
        return Status.failure(422, "Invalid", message,
                new Status.Details(name, group == null ? "" : group, kind, null, causes, null));
    }
}
