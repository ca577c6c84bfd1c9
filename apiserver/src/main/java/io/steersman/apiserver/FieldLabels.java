package io.steersman.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.steersman.api.model.ApiObject;
import io.steersman.api.resource.ResourceType;
import io.steersman.api.selector.FieldSelector;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The field labels a kind's field selectors may name, checked before a list, watch or
 * deletecollection as upstream's {@code ConvertFieldLabel} does: an unsupported label is a 400, not
 * a selector that matches nothing. A kind that selects on fields of its own (pods:
 * {@code spec.nodeName}, {@code status.phase}, ...) has a conversion function upstream and answers
 * {@code field label not supported: spec.foo}; any other kind takes upstream's default,
 * {@code "spec.foo" is not a known field selector: only "metadata.name", "metadata.namespace"}.
 * The labels are the keys of the kind's {@link ResourceType#selectableFields}, read once from an
 * object with only a name and a namespace, so a plugin's kind is checked without extra code.
 * Thread-safe.
 */
final class FieldLabels {
    private static final Set<String> DEFAULT = Set.of("metadata.name", "metadata.namespace");

    /**
     * A kind's rule: {@code labels} allowed, and whether the kind has labels of its own (a
     * conversion function upstream); {@code labels} null when they could not be read.
     */
    private record Rule(Set<String> labels, boolean ownFields) {}

    private final Map<ResourceType<?>, Rule> rules = new ConcurrentHashMap<>();

    /** @throws io.steersman.api.client.ApiException 400 BadRequest naming the first unsupported label */
    <T extends ApiObject> void check(ResourceType<T> type, FieldSelector selector) {
        if (selector.isEverything()) {
            return;
        }
        Rule rule = rules.computeIfAbsent(type, FieldLabels::read);
        if (rule.labels() == null) {
            return;
        }
        for (FieldSelector.Term term : selector.terms()) {
            String label = term.field();
            if (rule.labels().contains(label)) {
                continue;
            }
            throw Errors.badRequest(rule.ownFields()
                    ? "field label not supported: " + label
                    : "\"" + label + "\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\"");
        }
    }

    private static <T extends ApiObject> Rule read(ResourceType<T> type) {
        ObjectNode tree = Json.object();
        tree.putObject("metadata").put("name", "name").put("namespace", "namespace");
        Set<String> keys;
        try {
            keys = type.selectableFields(Json.convert(tree, type.javaType())).keySet();
        } catch (RuntimeException e) {
            // The kind's selectable fields need more than a name to be read: accept every label
            // rather than refuse good ones (the store still matches them).
            return new Rule(null, false);
        }
        boolean ownFields = keys.stream().anyMatch(key -> !DEFAULT.contains(key));
        return ownFields ? new Rule(Set.copyOf(keys), true) : new Rule(DEFAULT, false);
    }
}
