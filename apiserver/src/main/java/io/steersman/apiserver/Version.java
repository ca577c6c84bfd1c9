package io.steersman.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What {@code /version} reports. The minor must be 32: the kubectl on the project's machines is a
 * dispatcher that runs another kubectl binary for other minors (KUBECTL.md §0.1).
 */
final class Version {
    static final String STEERSMAN = "0.1.0";
    static final String GIT_VERSION = "v1.32.0-steersman+" + STEERSMAN;

    private Version() {}

    static ObjectNode document() {
        ObjectNode node = Json.object();
        node.put("major", "1");
        node.put("minor", "32");
        node.put("gitVersion", GIT_VERSION);
        node.put("gitCommit", "0000000000000000000000000000000000000000");
        node.put("gitTreeState", "clean");
        node.put("buildDate", "2026-11-26T00:00:00Z");
        node.put("goVersion", "java" + Runtime.version().feature());
        node.put("compiler", "javac");
        node.put("platform", System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT) + "/" + System.getProperty("os.arch"));
        return node;
    }
}
