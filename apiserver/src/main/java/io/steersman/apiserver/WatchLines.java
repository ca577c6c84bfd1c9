package io.steersman.apiserver;

import io.steersman.api.model.ApiObject;
import io.steersman.api.model.Status;
import io.steersman.api.resource.ResourceType;
import io.steersman.core.store.WatchEvent;
import java.nio.charset.StandardCharsets;

/** The JSON lines of a watch stream: {@code {"type":"ADDED","object":{...}}}, each ending with its newline. */
final class WatchLines {
    private WatchLines() {}

    /** One event's line, newline included, so that a stream can write it as it is. */
    static byte[] line(String type, byte[] object) {
        byte[] head = ("{\"type\":\"" + type + "\",\"object\":").getBytes(StandardCharsets.UTF_8);
        byte[] line = new byte[head.length + object.length + 2];
        System.arraycopy(head, 0, line, 0, head.length);
        System.arraycopy(object, 0, line, head.length, object.length);
        line[line.length - 2] = '}';
        line[line.length - 1] = '\n';
        return line;
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

    /** Plain events: the object as stored, its line shared by every watcher of the change. */
    static <T extends ApiObject> WatchStream.Encoder<T> plain(ResourceType<T> type, ObjectWriter writer) {
        return event -> event.type() == WatchEvent.Type.BOOKMARK
                ? bookmark(type, revision(event))
                : writer.watchLine(event.type().name(), event.object());
    }
}
