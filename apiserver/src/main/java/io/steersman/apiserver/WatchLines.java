package io.steersman.apiserver;

import io.steersman.api.model.ApiObject;
import io.steersman.api.model.Status;
import io.steersman.api.resource.ResourceType;
import io.steersman.core.store.WatchEvent;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** The JSON lines of a watch stream: {@code {"type":"ADDED","object":{...}}}. */
final class WatchLines {
    private WatchLines() {}

    static byte[] line(String type, byte[] object) {
        byte[] head = ("{\"type\":\"" + type + "\",\"object\":").getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(head.length + object.length + 1);
        out.writeBytes(head);
        out.writeBytes(object);
        out.write('}');
        return out.toByteArray();
    }

    static byte[] error(Status status) {
        return line("ERROR", Json.write(status));
    }

    /** A BOOKMARK's object: only kind, apiVersion and the revision. */
    static byte[] bookmark(ResourceType<?> type, long revision) {
        return line("BOOKMARK", ("{\"kind\":\"" + type.kind() + "\",\"apiVersion\":\"" + type.apiVersion()
                + "\",\"metadata\":{\"resourceVersion\":\"" + revision + "\"}}").getBytes(StandardCharsets.UTF_8));
    }

    /** The revision a bookmark carries: the event's, or its object's resourceVersion. */
    static long revision(WatchEvent<?> event) {
        if (event.revision() > 0) {
            return event.revision();
        }
        Object object = event.object();
        if (object instanceof ApiObject api && api.metadata() != null && api.metadata().resourceVersion() != null) {
            return Long.parseLong(api.metadata().resourceVersion());
        }
        return 0;
    }

    /** Plain events: the object as stored. */
    static <T extends ApiObject> WatchStream.Encoder<T> plain(ResourceType<T> type, ObjectWriter writer) {
        return event -> event.type() == WatchEvent.Type.BOOKMARK
                ? bookmark(type, revision(event))
                : line(event.type().name(), writer.bytes(event.object()));
    }
}
