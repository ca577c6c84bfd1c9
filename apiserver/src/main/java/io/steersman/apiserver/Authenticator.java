package io.steersman.apiserver;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

/**
 * Bearer-token authentication. With no tokens configured every request is served (plain HTTP in
 * tests; kubectl drops tokens over http anyway). Health and version endpoints are always open.
 */
final class Authenticator {
    /** Who a token stands for, and whether it may only read. */
    record Principal(String user, boolean readOnly) {}

    private final Map<String, Principal> tokens;

    Authenticator(Map<String, Principal> tokens) {
        this.tokens = Map.copyOf(tokens);
    }

    boolean enabled() {
        return !tokens.isEmpty();
    }

    static boolean open(String path) {
        return path.equals("/version") || path.equals("/version/")
                || isHealth(path, "/healthz") || isHealth(path, "/livez") || isHealth(path, "/readyz");
    }

    private static boolean isHealth(String path, String root) {
        return path.equals(root) || path.startsWith(root + "/");
    }

    /** The principal of the request's token, or empty when it is missing or unknown. */
    Optional<Principal> authenticate(String authorization) {
        if (authorization == null || authorization.length() < 7 || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        byte[] given = authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        Principal found = null;
        // Compare against every token in constant time, so timing does not reveal a prefix.
        for (Map.Entry<String, Principal> entry : tokens.entrySet()) {
            if (MessageDigest.isEqual(given, entry.getKey().getBytes(StandardCharsets.UTF_8))) {
                found = entry.getValue();
            }
        }
        return Optional.ofNullable(found);
    }
}
