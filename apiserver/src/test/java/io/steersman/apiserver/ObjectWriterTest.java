package io.steersman.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.core.ConfigMap;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObjectWriterTest {
    private final ObjectWriter writer = new ObjectWriter(100);
    private final ConfigMap cm = ConfigMap.of(ObjectMeta.named("default", "cm"), Map.of("k", "v"));

    @Test
    void watchLineIsTheEventWithTheObjectAndEndsWithOneNewline() {
        byte[] line = writer.watchLine("ADDED", cm);

        assertThat(line[line.length - 1]).isEqualTo((byte) '\n');
        assertThat(new String(line, 0, line.length - 1, StandardCharsets.UTF_8)).doesNotContain("\n");
        JsonNode event = event(line);
        assertThat(event.get("type").asText()).isEqualTo("ADDED");
        assertThat(event.get("object")).isEqualTo(Json.parse(writer.bytes(cm)));
    }

    @Test
    void everyWatcherOfOneChangeGetsTheSameLine() {
        assertThat(writer.watchLine("MODIFIED", cm)).isSameAs(writer.watchLine("MODIFIED", cm));
    }

    @Test
    void anotherEventTypeOrAnotherVersionGetsItsOwnLine() {
        byte[] added = writer.watchLine("ADDED", cm);
        byte[] deleted = writer.watchLine("DELETED", cm);
        ConfigMap changed = cm.withData(Map.of("k", "w"));
        byte[] modified = writer.watchLine("MODIFIED", changed);

        assertThat(event(added).get("type").asText()).isEqualTo("ADDED");
        assertThat(event(deleted).get("type").asText()).isEqualTo("DELETED");
        assertThat(event(deleted).get("object")).isEqualTo(event(added).get("object"));
        assertThat(event(modified).get("object").get("data").get("k").asText()).isEqualTo("w");
    }

    @Test
    void anObjectWithoutANameIsEncodedEachTime() {
        ConfigMap unnamed = ConfigMap.of(ObjectMeta.named("default", null), Map.of());

        assertThat(writer.watchLine("ADDED", unnamed)).isNotSameAs(writer.watchLine("ADDED", unnamed))
                .isEqualTo(writer.watchLine("ADDED", unnamed));
    }

    private static JsonNode event(byte[] line) {
        return Json.parse(Arrays.copyOf(line, line.length - 1));
    }
}
