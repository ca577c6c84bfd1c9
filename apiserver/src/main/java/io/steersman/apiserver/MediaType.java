package io.steersman.apiserver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One media range of an Accept or Content-Type header: {@code type/subtype;param=value}. */
record MediaType(String type, String subtype, Map<String, String> params) {
    static final String JSON = "application/json";
    static final String YAML = "application/yaml";
    static final String PROTOBUF = "application/vnd.kubernetes.protobuf";

    /** The media ranges of a header, in the order given (Kubernetes clients order by preference). */
    static List<MediaType> parseAll(String header) {
        List<MediaType> result = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return result;
        }
        for (String part : header.split(",")) {
            MediaType type = parse(part);
            if (type != null) {
                result.add(type);
            }
        }
        return result;
    }

    /** Headers parsed lately, by hash: clients send the same few over and over. Immutable entries; a lost race costs a parse. */
    private static final Parsed[] PARSED = new Parsed[64];

    private record Parsed(String text, MediaType type) {}

    static MediaType parse(String text) {
        if (text == null) {
            return null;
        }
        int slot = text.hashCode() & (PARSED.length - 1);
        Parsed parsed = PARSED[slot];
        if (parsed != null && parsed.text().equals(text)) {
            return parsed.type();
        }
        MediaType type = parseUncached(text);
        PARSED[slot] = new Parsed(text, type);
        return type;
    }

    private static MediaType parseUncached(String text) {
        String[] pieces = text.split(";");
        String essence = pieces[0].trim().toLowerCase(Locale.ROOT);
        int slash = essence.indexOf('/');
        if (essence.isEmpty() || slash < 0) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 1; i < pieces.length; i++) {
            int eq = pieces[i].indexOf('=');
            if (eq > 0) {
                String value = pieces[i].substring(eq + 1).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                params.put(pieces[i].substring(0, eq).trim().toLowerCase(Locale.ROOT), value);
            }
        }
        return new MediaType(essence.substring(0, slash), essence.substring(slash + 1), Map.copyOf(params));
    }

    String essence() {
        return type + "/" + subtype;
    }

    String param(String name) {
        return params.get(name);
    }

    boolean is(String essence) {
        // essence().equals(essence) without building the string: asked several times per request.
        return essence.length() == type.length() + 1 + subtype.length() && essence.startsWith(type)
                && essence.charAt(type.length()) == '/' && essence.endsWith(subtype);
    }

    /** True for ranges a JSON answer satisfies: JSON, wildcards, and protobuf (answered with JSON, as kubectl accepts). */
    boolean acceptsJson() {
        return (is(JSON) && !params.containsKey("as")) || is("*/*") || is("application/*") || is(PROTOBUF);
    }
}
