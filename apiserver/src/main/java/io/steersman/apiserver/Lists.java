package io.steersman.apiserver;

import io.steersman.api.model.ApiObject;
import io.steersman.api.resource.ResourceType;
import io.steersman.core.store.ListResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A kind's list ({@code PodList}) as JSON, assembled from the items' encoded bytes. */
final class Lists {
    private static final byte[] END = {']', '}'};

    private Lists() {}

    static <T extends ApiObject> byte[] encode(ResourceType<T> type, ListResult<T> result, ObjectWriter writer) {
        StringBuilder head = new StringBuilder(128);
        head.append("{\"kind\":\"").append(type.kind()).append("List\",\"apiVersion\":\"").append(type.apiVersion())
                .append("\",\"metadata\":{\"resourceVersion\":\"").append(result.resourceVersion()).append('"');
        if (result.continueToken() != null) {
            head.append(",\"continue\":").append(new String(Json.write(result.continueToken()), StandardCharsets.UTF_8));
            if (result.remainingItemCount() != null) {
                head.append(",\"remainingItemCount\":").append(result.remainingItemCount());
            }
        }
        head.append("},\"items\":[");
        // The items' bytes are mostly cached already: gather them, then copy each once into an array
        // of the exact size (a list of 10,000 pods is about 7 MB).
        byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
        List<byte[]> items = new ArrayList<>(result.items().size());
        long size = start.length + END.length + Math.max(0, result.items().size() - 1);
        for (T item : result.items()) {
            byte[] bytes = writer.bytes(item);
            items.add(bytes);
            size += bytes.length;
        }
        if (size > Integer.MAX_VALUE - 16) {
            throw Errors.internal("the list is too large to answer at once (" + size + " bytes): list with limit and continue");
        }
        byte[] out = new byte[(int) size];
        int at = put(out, 0, start);
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out[at++] = ',';
            }
            at = put(out, at, items.get(i));
        }
        put(out, at, END);
        return out;
    }

    private static int put(byte[] into, int at, byte[] bytes) {
        System.arraycopy(bytes, 0, into, at, bytes.length);
        return at + bytes.length;
    }
}
