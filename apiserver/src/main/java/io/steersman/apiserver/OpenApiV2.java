package io.steersman.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code /openapi/v2}: a Swagger 2.0 document with no paths and no definitions, in the protobuf
 * form kubectl asks for (gnostic's {@code openapi.v2.Document}) or as JSON.
 *
 * <p>Why an empty one: kubectl validates a manifest on the client only when the server does not
 * advertise server-side field validation for its kind in OpenAPI v3, that is for kinds the server
 * does not serve (a custom kind whose CRD is missing) and for {@code kind: List}; it then reads the
 * kind's schema from OpenAPI v2 and, when the kind has none there, skips validation, so the request
 * reaches the point where upstream reports the real problem ({@code no matches for kind "Foo" in
 * version "example.com/v1"}). Without a v2 document kubectl stops earlier with {@code error
 * validating data: the server could not find the requested resource}. Every served kind has its
 * fields checked by the server ({@code fieldValidation}), so the v2 schemas would add nothing; when
 * kubectl computes an apply patch it looks the kind up here too and, finding nothing, uses its
 * built-in types, as it does on a 404.
 */
final class OpenApiV2 {
    /** What kubectl sends in Accept for the protobuf form. */
    static final String PROTOBUF = "application/com.github.proto-openapi.spec.v2@v1.0+protobuf";
    /** What upstream answers in Content-Type for it. */
    static final String PROTOBUF_CONTENT_TYPE = "application/com.github.proto-openapi.spec.v2.v1.0+protobuf";

    private static final String TITLE = "Kubernetes";

    private OpenApiV2() {}

    static ObjectNode json() {
        ObjectNode doc = Json.object();
        doc.put("swagger", "2.0");
        doc.putObject("info").put("title", TITLE).put("version", Version.GIT_VERSION);
        doc.putObject("paths");
        doc.putObject("definitions");
        return doc;
    }

    /**
     * The same document as protobuf: {@code Document{swagger=1, info=2{title=1, version=2},
     * paths=8, definitions=9}}, every field length-delimited (wire type 2).
     */
    static byte[] protobuf() {
        ByteArrayOutputStream info = new ByteArrayOutputStream();
        field(info, 1, TITLE.getBytes(StandardCharsets.UTF_8));
        field(info, 2, Version.GIT_VERSION.getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream doc = new ByteArrayOutputStream();
        field(doc, 1, "2.0".getBytes(StandardCharsets.UTF_8));
        field(doc, 2, info.toByteArray());
        field(doc, 8, new byte[0]);
        field(doc, 9, new byte[0]);
        return doc.toByteArray();
    }

    private static void field(ByteArrayOutputStream out, int number, byte[] value) {
        varint(out, number << 3 | 2);
        varint(out, value.length);
        out.writeBytes(value);
    }

    private static void varint(ByteArrayOutputStream out, int value) {
        while ((value & ~0x7f) != 0) {
            out.write(value & 0x7f | 0x80);
            value >>>= 7;
        }
        out.write(value);
    }
}
