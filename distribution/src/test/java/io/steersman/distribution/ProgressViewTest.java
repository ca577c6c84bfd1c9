package io.steersman.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressViewTest {
    private static final RolloutState HALF = new RolloutState("Deployment", "default", "web", 4, 2, 2, 2, true, false, null);
    private static final RolloutState DONE = new RolloutState("Deployment", "default", "web", 4, 4, 4, 4, true, true, null);
    private static final RolloutState FAILED = new RolloutState("Deployment", "default", "web", 4, 2, 0, 0, true, false,
            "ReplicaSet \"web-1\" has timed out progressing.");

    @Test
    void pipedOutputPrintsALineOnlyWhenTheFiguresChange() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressView view = new ProgressView(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);

        view.show(List.of(HALF));
        view.show(List.of(HALF));
        view.show(List.of(DONE));

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "deployment/web desired=4 updated=2 ready=2 available=2 rolling out",
                "deployment/web desired=4 updated=4 ready=4 available=4 rolled out");
    }

    @Test
    void aFailureSaysWhy() {
        assertThat(ProgressView.line(FAILED))
                .isEqualTo("deployment/web desired=4 updated=2 ready=0 available=0 FAILED: ReplicaSet \"web-1\" has timed out progressing.");
    }

    @Test
    void aTerminalRedrawsItsBarsInPlace() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressView view = new ProgressView(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);

        view.show(List.of(HALF));
        view.show(List.of(DONE));

        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("[############            ] deployment/web")
                .contains("\033[1F")
                .contains("[########################] deployment/web desired=4 updated=4");
    }
}
