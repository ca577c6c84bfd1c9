package io.steersman.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import io.steersman.api.resource.ResourceType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The printer of a kind without a built-in one, as upstream's for CRDs: NAME, the kind's
 * {@code printerColumns} (simple JSON paths such as {@code .spec.replicas} or
 * {@code .status.conditions[0].type}), then AGE. A {@code date} column prints as an age.
 */
final class ColumnPrinter implements Printer {
    private final List<ResourceType.PrinterColumn> printerColumns;
    private final List<Table.Column> columns;

    ColumnPrinter(List<ResourceType.PrinterColumn> printerColumns) {
        this.printerColumns = List.copyOf(printerColumns);
        List<Table.Column> cols = new ArrayList<>();
        cols.add(Table.Column.nameColumn());
        for (ResourceType.PrinterColumn c : printerColumns) {
            String type = c.type() == null ? "string" : c.type().toLowerCase(Locale.ROOT);
            cols.add(new Table.Column(c.name(), type.equals("date") ? "date" : type, "", c.name(), c.priority()));
        }
        cols.add(new Table.Column("Age", "date", "", "CreationTimestamp is a timestamp representing the server time when this object was created.", 0));
        this.columns = List.copyOf(cols);
    }

    @Override
    public List<Table.Column> columns() {
        return columns;
    }

    @Override
    public List<Object> cells(JsonNode object, Instant now) {
        List<Object> cells = new ArrayList<>();
        cells.add(Printer.text(object, "metadata", "name"));
        for (ResourceType.PrinterColumn c : printerColumns) {
            cells.add(cell(evaluate(object, c.jsonPath()), c.type(), now));
        }
        cells.add(Printer.age(object.path("metadata").path("creationTimestamp"), now));
        return cells;
    }

    private static Object cell(JsonNode value, String type, Instant now) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return type != null && type.equalsIgnoreCase("date") ? "<unknown>" : "<none>";
        }
        String t = type == null ? "string" : type.toLowerCase(Locale.ROOT);
        return switch (t) {
            case "date" -> Printer.age(value, now);
            case "integer" -> value.canConvertToLong() ? (Object) value.asLong() : value.asText();
            case "boolean" -> value.isBoolean() ? (Object) value.asBoolean() : value.asText();
            default -> value.isValueNode() ? value.asText() : value.toString();
        };
    }

    /** A JSON path of fields and indexes, with or without the leading dot (no filters). */
    static JsonNode evaluate(JsonNode object, String path) {
        String p = path == null ? "" : path.trim();
        if (p.startsWith("{") && p.endsWith("}")) {
            p = p.substring(1, p.length() - 1);
        }
        if (p.startsWith("$")) {
            p = p.substring(1);
        }
        JsonNode at = object;
        for (String part : p.split("\\.")) {
            if (part.isEmpty()) {
                continue;
            }
            String field = part;
            List<Integer> indexes = new ArrayList<>();
            int bracket = part.indexOf('[');
            if (bracket >= 0) {
                field = part.substring(0, bracket);
                for (String index : part.substring(bracket + 1).split("\\[")) {
                    try {
                        indexes.add(Integer.parseInt(index.replace("]", "").trim()));
                    } catch (NumberFormatException e) {
                        return null;
                    }
                }
            }
            if (!field.isEmpty()) {
                at = at.path(field);
            }
            for (int index : indexes) {
                at = at.path(index);
            }
        }
        return at;
    }
}
