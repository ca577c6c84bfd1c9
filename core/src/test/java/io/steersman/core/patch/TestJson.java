package io.steersman.core.patch;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;

/** Test helpers: JSON written with single quotes for readability. */
final class TestJson {
    private TestJson() {}

    static JsonNode json(String singleQuoted) {
        return Json.parse(bytes(singleQuoted));
    }

    static byte[] bytes(String singleQuoted) {
        return singleQuoted.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
    }
}
