package io.steersman.apiserver;

import io.steersman.api.model.ApiObject;
import io.steersman.api.resource.ResourceType;
import io.steersman.core.store.ListResult;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A kind's list ({@code PodList}) as JSON, assembled from the items' encoded bytes. */
final class Lists {
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
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + result.items().size() * 1024);
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        boolean first = true;
        for (T item : result.items()) {
            if (!first) {
                out.write(',');
            }
            first = false;
            out.writeBytes(writer.bytes(item));
        }
        out.writeBytes("]}".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
