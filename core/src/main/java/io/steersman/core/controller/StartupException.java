package io.steersman.core.controller;

import java.util.List;

/**
 * The control plane could not start. Lists every problem found — in every plugin and every
 * reconciler — not just the first, as Guice reports configuration errors.
 */
public final class StartupException extends RuntimeException {
    private final List<String> problems;

    public StartupException(List<String> problems) {
        super(format(problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }

    private static String format(List<String> problems) {
        StringBuilder s = new StringBuilder("Unable to start the control plane, ")
                .append(problems.size()).append(problems.size() == 1 ? " error:" : " errors:");
        for (int i = 0; i < problems.size(); i++) {
            s.append("\n\n").append(i + 1).append(") ").append(problems.get(i));
        }
        return s.toString();
    }
}
