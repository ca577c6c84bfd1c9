package io.steersman.api.selector;

import java.util.Map;
import java.util.Optional;

/**
 * A parsed field selector ({@code metadata.name=x,status.phase!=Running}). It tests the field
 * values a kind exposes (see {@code ResourceType.selectableFields}).
 */
public interface FieldSelector {

    boolean matches(Map<String, String> fields);

    boolean isEverything();

    /**
     * The value this selector requires {@code field} to equal, when it has a term
     * {@code field=value} (or {@code field==value}); empty otherwise. Lets a store answer
     * {@code metadata.name=x} with a point lookup instead of a scan.
     */
    default Optional<String> requiredValue(String field) {
        return Optional.empty();
    }

    static FieldSelector everything() {
        return FieldSelectors.EVERYTHING;
    }
}
