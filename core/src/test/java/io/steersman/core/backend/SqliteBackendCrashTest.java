package io.steersman.core.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed with SIGKILL in the middle of its writes loses none it acknowledged: a child JVM
 * writes and reports each write once {@code txn} returned; it is killed while still writing, and
 * the reopened file has every reported key and a revision at least the last reported one.
 */
class SqliteBackendCrashTest {
    private static final int ACKS_BEFORE_KILL = 300;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedWriteSurvivesASigkill() throws Exception {
        Path file = dir.resolve("state.db");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SqliteCrashChild.class.getName(), file.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        Map<String, Long> acknowledged = new LinkedHashMap<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (acknowledged.size() < ACKS_BEFORE_KILL && (line = out.readLine()) != null) {
                record(acknowledged, line);
            }
            assertThat(acknowledged).as("acknowledged writes before the kill").hasSize(ACKS_BEFORE_KILL);
            // SIGKILL: no shutdown hook, no close, no checkpoint. (Process.destroyForcibly would
            // also close our end of the pipe, losing the acknowledgements still in it.)
            Process kill = new ProcessBuilder("kill", "-KILL", Long.toString(child.pid())).inheritIO().start();
            assertThat(kill.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            // What the child printed before it died was acknowledged too.
            while ((line = out.readLine()) != null) {
                record(acknowledged, line);
            }
        }
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);

        try (SqliteBackend reopened = SqliteBackend.open(file, Thing.CODEC)) {
            long lastAcknowledged = acknowledged.values().stream().mapToLong(Long::longValue).max().orElseThrow();
            assertThat(reopened.currentRevision()).isGreaterThanOrEqualTo(lastAcknowledged);
            for (Map.Entry<String, Long> ack : acknowledged.entrySet()) {
                assertThat(reopened.get(ack.getKey())).as(ack.getKey()).hasValueSatisfying(
                        kv -> assertThat(kv.modRevision()).isEqualTo(ack.getValue()));
            }
        }
    }

    private static void record(Map<String, Long> acknowledged, String line) {
        String[] parts = line.split(" ");
        if (parts.length == 3 && parts[0].equals("ack")) {
            acknowledged.put(parts[1], Long.parseLong(parts[2]));
        }
    }
}
