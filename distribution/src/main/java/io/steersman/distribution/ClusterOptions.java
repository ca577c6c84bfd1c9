package io.steersman.distribution;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The flags `server` and `up` share: where to keep data, where to listen, which plugins, settings. */
final class ClusterOptions {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where the server keeps its certificates, token and data (server default: ~/.steersman/data).")
    Path dataDir;

    @Option(names = "--bind-address", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "The address the API listens on (default: ${DEFAULT-VALUE}).")
    String bindAddress;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "6443",
            description = "The HTTPS port of the API; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--kubeconfig", paramLabel = "PATH",
            description = "Where to write the kubeconfig (default: ~/.steersman/kubeconfig).")
    Path kubeconfig;

    @Option(names = "--plugin-path", paramLabel = "DIR",
            description = "A folder of plugin jars to load beside the built-in ones (default: the distribution's plugins/).")
    List<Path> pluginPaths = List.of();

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "A plugin setting, e.g. --set steersman.node.images=myrepo/app:*")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--log-level", paramLabel = "LEVEL", defaultValue = "info",
            description = "trace, debug, info, warn or error (default: ${DEFAULT-VALUE}).")
    String logLevel;

    static Path home() {
        return Path.of(System.getProperty("user.home"), ".steersman");
    }

    Path dataDirOrDefault() {
        return dataDir != null ? dataDir : home().resolve("data");
    }

    Path kubeconfigOrDefault() {
        return kubeconfig != null ? kubeconfig : home().resolve("kubeconfig");
    }

    /** The plugin folders: the ones given, else the distribution's own plugins/ folder if it exists. */
    List<Path> pluginPathsOrDefault() {
        if (!pluginPaths.isEmpty()) {
            return pluginPaths;
        }
        String home = System.getProperty("steersman.home");
        return home == null ? List.of() : List.of(Path.of(home, "plugins"));
    }

    EmbeddedCluster.Config config(Path dataDir) {
        return new EmbeddedCluster.Config(dataDir, bindAddress, port, kubeconfigOrDefault(), pluginPathsOrDefault(), Map.copyOf(settings));
    }

    /** slf4j-simple reads its level once, when the first logger is made: set it before anything logs. */
    void applyLogLevel() {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", logLevel);
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
        // Jetty is chatty at info.
        System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
    }
}
