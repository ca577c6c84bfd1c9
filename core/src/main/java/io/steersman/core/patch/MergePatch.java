package io.steersman.core.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.steersman.api.client.ApiException;
import java.util.Map;

/**
 * RFC 7386 JSON merge patch: objects merge recursively, {@code null} removes a member, every other
 * value (arrays included) replaces what was there. As upstream (evanphx/json-patch), a body that is
 * not JSON, or is a bare scalar or {@code null}, is 400 "Invalid JSON Patch"; an array replaces
 * the whole document.
 */
final class MergePatch {
    static final String BAD_PATCH = "Invalid JSON Patch";

    private MergePatch() {}

    static JsonNode apply(JsonNode current, byte[] body) {
        JsonNode patch;
        try {
            patch = Json.parse(body);
        } catch (ApiException e) {
            throw PatchErrors.badRequest(BAD_PATCH);
        }
        if (!patch.isContainerNode()) {
            throw PatchErrors.badRequest(BAD_PATCH);
        }
        return merge(current, patch);
    }

    /** Merges {@code patch} into a copy of {@code target}; neither argument is changed. */
    static JsonNode merge(JsonNode target, JsonNode patch) {
        return mergeInPlace(target == null ? null : target.deepCopy(), patch);
    }

    private static JsonNode mergeInPlace(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode result = target != null && target.isObject() ? (ObjectNode) target : Json.object();
        for (Map.Entry<String, JsonNode> e : patch.properties()) {
            JsonNode value = e.getValue();
            if (value.isNull()) {
                result.remove(e.getKey());
            } else {
                result.set(e.getKey(), mergeInPlace(result.get(e.getKey()), value));
            }
        }
        return result;
    }
}
