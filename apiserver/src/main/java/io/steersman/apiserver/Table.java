package io.steersman.apiserver;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A {@code meta.k8s.io} Table: column definitions, one row of pre-formatted cells per object (kubectl
 * prints cells verbatim), each row carrying the object as PartialObjectMetadata or whole, and the
 * resourceVersion {@code kubectl get -w} starts its watch from.
 */
record Table(List<Column> columns, List<Row> rows, long resourceVersion, String continueToken) {

    /** A column: {@code priority} 1 columns show only with {@code -o wide}. */
    record Column(String name, String type, String format, String description, int priority) {
        static Column of(String name, String type) {
            return new Column(name, type, "", name, 0);
        }

        static Column wide(String name, String type) {
            return new Column(name, type, "", name, 1);
        }

        static Column nameColumn() {
            return new Column("Name", "string", "name",
                    "Name must be unique within a namespace. Cannot be updated.", 0);
        }
    }

    /** Cells are strings, integers or booleans; {@code object} is the encoded row object, or null. */
    record Row(List<Object> cells, byte[] object) {}

    byte[] json(String version) {
        return json(version, true);
    }

    byte[] json(String version, boolean withColumns) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512 + rows.size() * 512);
        try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("kind", "Table");
            g.writeStringField("apiVersion", "meta.k8s.io/" + version);
            g.writeObjectFieldStart("metadata");
            g.writeStringField("resourceVersion", Long.toString(resourceVersion));
            if (continueToken != null) {
                g.writeStringField("continue", continueToken);
            }
            g.writeEndObject();
            g.writeArrayFieldStart("columnDefinitions");
            if (withColumns) {
                for (Column c : columns) {
                    g.writeStartObject();
                    g.writeStringField("name", c.name());
                    g.writeStringField("type", c.type());
                    g.writeStringField("format", c.format());
                    g.writeStringField("description", c.description());
                    g.writeNumberField("priority", c.priority());
                    g.writeEndObject();
                }
            }
            g.writeEndArray();
            g.writeArrayFieldStart("rows");
            for (Row row : rows) {
                g.writeStartObject();
                g.writeArrayFieldStart("cells");
                for (Object cell : row.cells()) {
                    if (cell instanceof Number n) {
                        g.writeNumber(n.longValue());
                    } else if (cell instanceof Boolean b) {
                        g.writeBoolean(b);
                    } else {
                        g.writeString(cell == null ? "" : cell.toString());
                    }
                }
                g.writeEndArray();
                if (row.object() != null) {
                    g.writeFieldName("object");
                    g.writeRawValue(new String(row.object(), java.nio.charset.StandardCharsets.UTF_8));
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
