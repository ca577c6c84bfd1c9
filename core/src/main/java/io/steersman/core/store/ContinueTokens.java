package io.steersman.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Continue tokens in upstream's shape: unpadded URL-safe base64 of
 * {@code {"v":"meta.k8s.io/v1","rv":<revision>,"start":"<key after the kind prefix>\u0000"}}, so
 * the next page starts just after the last key returned, read at the same revision.
 */
final class ContinueTokens {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VERSION = "meta.k8s.io/v1";

    /** A decoded token: the revision of the list and the full key where the next page starts. */
    record Position(long revision, String startKey) {}

    private ContinueTokens() {}

    static String encode(long revision, String kindPrefix, String lastKey) {
        Map<String, Object> token = new LinkedHashMap<>();
        token.put("v", VERSION);
        token.put("rv", revision);
        token.put("start", lastKey.substring(kindPrefix.length()) + '\0');
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(token));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a continue token", e);
        }
    }

    /** @throws io.steersman.api.client.ApiException 400 when the token is not one of ours */
    static Position decode(String token, String kindPrefix) {
        try {
            byte[] json = Base64.getUrlDecoder().decode(token.replace("=", ""));
            Map<?, ?> fields = JSON.readValue(new String(json, StandardCharsets.UTF_8), Map.class);
            if (!VERSION.equals(fields.get("v"))) {
                throw StatusErrors.badRequest("continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)");
            }
            Object revision = fields.get("rv");
            Object start = fields.get("start");
            if (!(revision instanceof Number number) || number.longValue() <= 0 || !(start instanceof String key) || key.isEmpty()) {
                throw StatusErrors.badRequest("continue key is not valid: the revision or start key is missing");
            }
            if (key.startsWith("/") || key.contains("..")) {
                throw StatusErrors.badRequest("continue key is not valid: the start key is not a path below the resource");
            }
            return new Position(number.longValue(), kindPrefix + key);
        } catch (IllegalArgumentException | JsonProcessingException e) {
            throw StatusErrors.badRequest("continue key is not valid: " + e.getMessage());
        }
    }
}
