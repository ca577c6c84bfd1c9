package io.steersman.examples.website;

import io.steersman.api.resource.FieldError;
import java.util.ArrayList;
import java.util.List;

/** The kind's rules: an image is required and replicas may not be negative. */
final class WebsiteValidation {
    private WebsiteValidation() {}

    static List<FieldError> validate(Website site) {
        List<FieldError> errors = new ArrayList<>();
        if (site.spec().image() == null || site.spec().image().isBlank()) {
            errors.add(FieldError.required("spec.image", ""));
        }
        if (site.spec().replicas() != null && site.spec().replicas() < 0) {
            errors.add(FieldError.invalid("spec.replicas", site.spec().replicas(), "must be greater than or equal to 0"));
        }
        return errors;
    }
}
