package io.steersman.controller.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.steersman.api.codec.Codec;
import io.steersman.api.controller.Hashes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The {@code pod-template-hash}: upstream's {@code controller.ComputeHash}, FNV-32a over the template
 * followed by the collision count, rendered with {@code rand.SafeEncodeString}. Upstream feeds the
 * hasher Go's deep printer output, which cannot be reproduced byte for byte; this hashes the
 * codec's JSON (the wire form: API field names only, empty fields left out) with object keys
 * sorted at every level, so equal templates always give equal hashes, in any JVM and across
 * restarts. Thread-safe.
 */
final class TemplateHash {
    private TemplateHash() {}

    /** The hash of {@code template} (any JSON-mappable value) with an optional collision count. */
    static String compute(Object template, Integer collisionCount) {
        int hash = Hashes.fnv32a(Hashes.FNV32_OFFSET_BASIS, canonicalJson(template).getBytes(StandardCharsets.UTF_8));
        if (collisionCount != null) {
            // As upstream: the count as a little-endian uint32 in an 8-byte buffer.
            int c = collisionCount;
            byte[] bytes = {(byte) c, (byte) (c >>> 8), (byte) (c >>> 16), (byte) (c >>> 24), 0, 0, 0, 0};
            hash = Hashes.fnv32a(hash, bytes);
        }
        return Hashes.safeEncode(Integer.toUnsignedString(hash));
    }

    /**
     * The codec's JSON with the keys of every object sorted, so map order never changes the hash;
     * the codec (not a plain mapper) so helper methods such as {@code isBeingDeleted} never show
     * up as fields.
     */
    static String canonicalJson(Object value) {
        StringBuilder out = new StringBuilder(512);
        write(Codec.DEFAULT.toTree(value), out);
        return out.toString();
    }

    private static void write(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
            names.sort(null);
            out.append('{');
            boolean first = true;
            for (String name : names) {
                JsonNode child = node.get(name);
                if (child.isNull()) {
                    continue;
                }
                if (!first) {
                    out.append(',');
                }
                first = false;
                out.append(JsonNodeFactory.instance.textNode(name)).append(':');
                write(child, out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(node.get(i), out);
            }
            out.append(']');
        } else {
            out.append(node);
        }
    }
}
