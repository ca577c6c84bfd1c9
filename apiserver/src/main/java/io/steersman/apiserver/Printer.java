package io.steersman.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import io.steersman.api.model.Durations;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The columns of one kind in {@code kubectl get}, and the cells of one object (as JSON) in them. */
interface Printer {
    List<Table.Column> columns();

    List<Object> cells(JsonNode object, Instant now);

    // Helpers shared by the printers: reading JSON the way upstream's printers read Go structs.

    static String text(JsonNode node, String... path) {
        JsonNode at = at(node, path);
        return at.isValueNode() ? at.asText() : "";
    }

    static long number(JsonNode node, String... path) {
        return at(node, path).asLong(0);
    }

    static JsonNode at(JsonNode node, String... path) {
        JsonNode at = node;
        for (String p : path) {
            at = at.path(p);
        }
        return at;
    }

    static String orNone(String value) {
        return value == null || value.isEmpty() ? "<none>" : value;
    }

    /** Upstream's translateTimestampSince: {@code <unknown>} for no time, else HumanDuration. */
    static String age(JsonNode timestamp, Instant now) {
        Instant time = time(timestamp);
        return time == null ? "<unknown>" : Durations.human(Duration.between(time, now));
    }

    static Instant time(JsonNode timestamp) {
        if (timestamp == null || !timestamp.isTextual() || timestamp.asText().isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(timestamp.asText()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** labels.FormatLabels: {@code k=v} sorted by key, joined by commas; {@code <none>} when empty. */
    static String formatLabels(JsonNode map) {
        if (map == null || !map.isObject() || map.isEmpty()) {
            return "<none>";
        }
        Map<String, String> sorted = new TreeMap<>();
        map.fields().forEachRemaining(e -> sorted.put(e.getKey(), e.getValue().asText()));
        List<String> terms = new ArrayList<>();
        sorted.forEach((k, v) -> terms.add(k + "=" + v));
        return String.join(",", terms);
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
            values.add(it.next().asText());
        }
        return values;
    }
}
