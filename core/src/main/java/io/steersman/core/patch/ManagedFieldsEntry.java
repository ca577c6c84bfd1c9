package io.steersman.core.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Objects;

/**
 * One {@code metadata.managedFields} entry: who owns which fields, by which operation. Two entries
 * are the same manager when manager, operation and subresource match and, for Update, the
 * apiVersion too (upstream's BuildManagerIdentifier).
 */
record ManagedFieldsEntry(String manager, String operation, String apiVersion, Instant time, String subresource, FieldSet fields) {
    static final String APPLY = "Apply";
    static final String UPDATE = "Update";

    /** Upstream's order: Apply before Update, then by time, manager, apiVersion, subresource. */
    static final Comparator<ManagedFieldsEntry> ORDER = Comparator.comparing(ManagedFieldsEntry::operation)
            .thenComparing(e -> e.time() == null ? 0L : e.time().getEpochSecond())
            .thenComparing(ManagedFieldsEntry::manager)
            .thenComparing(e -> e.apiVersion() == null ? "" : e.apiVersion())
            .thenComparing(e -> e.subresource() == null ? "" : e.subresource());

    boolean sameManager(String manager, String operation, String apiVersion, String subresource) {
        return this.manager.equals(manager) && this.operation.equals(operation)
                && Objects.equals(emptyToNull(this.subresource), emptyToNull(subresource))
                && (operation.equals(APPLY) || Objects.equals(this.apiVersion, apiVersion));
    }

    ManagedFieldsEntry withFields(FieldSet fields) {
        return new ManagedFieldsEntry(manager, operation, apiVersion, time, subresource, fields);
    }

    /** How a conflict message names this manager (upstream's printManager). */
    String describe() {
        String s = '"' + manager + '"';
        if (subresource != null && !subresource.isEmpty()) {
            s += " with subresource \"" + subresource + '"';
        }
        if (operation.equals(UPDATE)) {
            s += " using " + apiVersion;
        }
        return s;
    }

    static ManagedFieldsEntry read(JsonNode json) {
        JsonNode time = json.get("time");
        return new ManagedFieldsEntry(
                json.path("manager").asText(""),
                json.path("operation").asText(UPDATE),
                json.hasNonNull("apiVersion") ? json.get("apiVersion").asText() : null,
                time != null && time.isTextual() ? Instant.parse(time.asText()) : null,
                json.hasNonNull("subresource") ? json.get("subresource").asText() : null,
                FieldSet.fromFieldsV1(json.get("fieldsV1")));
    }

    ObjectNode write() {
        ObjectNode out = Json.object();
        out.put("manager", manager);
        out.put("operation", operation);
        if (apiVersion != null) {
            out.put("apiVersion", apiVersion);
        }
        if (time != null) {
            out.put("time", time.truncatedTo(ChronoUnit.SECONDS).toString());
        }
        out.put("fieldsType", "FieldsV1");
        out.set("fieldsV1", fields.toFieldsV1());
        if (subresource != null && !subresource.isEmpty()) {
            out.put("subresource", subresource);
        }
        return out;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
