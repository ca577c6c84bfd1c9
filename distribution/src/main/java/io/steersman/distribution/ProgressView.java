package io.steersman.distribution;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Shows rollout progress: on a terminal, one bar per workload redrawn in place; when piped, a plain
 * line whenever a workload's figures change, so logs stay readable.
 */
final class ProgressView {
    private static final int BAR_WIDTH = 24;

    private final PrintStream out;
    private final boolean terminal;
    private final Map<String, RolloutState> lastShown = new HashMap<>();
    private int linesDrawn;

    ProgressView(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    void show(List<RolloutState> states) {
        if (terminal) {
            redraw(states);
        } else {
            for (RolloutState state : states) {
                RolloutState previous = lastShown.put(state.label(), state);
                if (!state.equals(previous)) {
                    out.println(line(state));
                }
            }
        }
        out.flush();
    }

    private void redraw(List<RolloutState> states) {
        if (linesDrawn > 0) {
            out.print("\033[" + linesDrawn + "F");
        }
        for (RolloutState state : states) {
            out.print("\033[2K");
            out.println(bar(state) + " " + line(state));
        }
        linesDrawn = states.size();
    }

    static String line(RolloutState s) {
        String verdict = s.failure() != null ? "FAILED: " + s.failure() : s.done() ? "rolled out" : "rolling out";
        return String.format("%s desired=%d updated=%d ready=%d available=%d %s",
                s.label(), s.desired(), s.updated(), s.ready(), s.available(), verdict);
    }

    private static String bar(RolloutState s) {
        int filled = s.desired() == 0 ? BAR_WIDTH : Math.min(BAR_WIDTH, BAR_WIDTH * Math.min(s.available(), s.updated()) / s.desired());
        return "[" + "#".repeat(filled) + " ".repeat(BAR_WIDTH - filled) + "]";
    }
}
