package io.steersman.api.selector;

import java.util.Map;

/**
 * A parsed field selector ({@code metadata.name=x,status.phase!=Running}). It tests the field
 * values a kind exposes (see {@code ResourceType.selectableFields}).
 */
public interface FieldSelector {

    boolean matches(Map<String, String> fields);

    boolean isEverything();

    static FieldSelector everything() {
        return FieldSelectors.EVERYTHING;
    }
}
