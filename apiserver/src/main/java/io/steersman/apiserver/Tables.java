package io.steersman.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.steersman.api.model.ApiObject;
import io.steersman.api.resource.ResourceType;
import io.steersman.core.store.WatchEvent;
import io.steersman.api.controller.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Turns objects into {@link Table}s for {@code kubectl get}: upstream's printers for the built-in
 * kinds, a kind's own {@code printerColumns} otherwise (NAME, the columns, AGE). Rows carry the
 * object as PartialObjectMetadata ({@code includeObject=Metadata}, the default), whole
 * ({@code Object}) or not at all ({@code None}).
 */
final class Tables {
    private final Clock clock;

    Tables(Clock clock) {
        this.clock = clock;
    }

    Printer printer(ResourceType<?> type) {
        Printer builtin = BuiltinPrinters.PRINTERS.get(type.group() + "/" + type.plural());
        return builtin != null ? builtin : new ColumnPrinter(type.printerColumns());
    }

    <T extends ApiObject> Table table(ResourceType<T> type, List<T> items, long resourceVersion, String continueToken, Exchange ex) {
        String include = includeObject(ex);
        String version = Negotiation.forObjects(ex.header(org.eclipse.jetty.http.HttpHeader.ACCEPT), true).version();
        Printer printer = printer(type);
        Instant now = clock.now();
        List<Table.Row> rows = new ArrayList<>(items.size());
        for (T item : items) {
            rows.add(row(printer, item, include, version == null ? "v1" : version, now));
        }
        return new Table(printer.columns(), rows, resourceVersion, continueToken);
    }

    /** Watch events as one-row Tables; the first carries the column definitions, as upstream. */
    <T extends ApiObject> WatchStream.Encoder<T> watchEncoder(ResourceType<T> type, Exchange ex, String version) {
        String include = includeObject(ex);
        Printer printer = printer(type);
        AtomicBoolean first = new AtomicBoolean(true);
        return event -> {
            long revision = WatchLines.revision(event);
            if (event.type() == WatchEvent.Type.BOOKMARK) {
                return WatchLines.line("BOOKMARK", new Table(printer.columns(), List.of(), revision, null).json(version, false));
            }
            Table.Row row = row(printer, event.object(), include, version, clock.now());
            boolean withColumns = first.getAndSet(false);
            return WatchLines.line(event.type().name(), new Table(printer.columns(), List.of(row), revision, null).json(version, withColumns));
        };
    }

    private static String includeObject(Exchange ex) {
        String include = ex.query("includeObject");
        if (include == null) {
            return "Metadata";
        }
        if (!include.equals("None") && !include.equals("Metadata") && !include.equals("Object")) {
            throw Errors.badRequest("includeObject: Unsupported value: \"" + include + "\": supported values: \"None\", \"Metadata\", \"Object\"");
        }
        return include;
    }

    private static Table.Row row(Printer printer, ApiObject object, String include, String version, Instant now) {
        JsonNode tree = Json.tree(object);
        List<Object> cells = printer.cells(tree, now);
        byte[] rowObject = switch (include) {
            case "None" -> null;
            case "Object" -> Json.write(tree);
            default -> {
                ObjectNode partial = Json.object();
                partial.put("kind", "PartialObjectMetadata");
                partial.put("apiVersion", "meta.k8s.io/" + version);
                partial.set("metadata", tree.path("metadata").isObject() ? tree.get("metadata") : Json.object());
                yield Json.write(partial);
            }
        };
        return new Table.Row(cells, rowObject);
    }
}
