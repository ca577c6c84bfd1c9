package io.steersman.distribution;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.nio.file.Files;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The flags `server` and `up` share: where to keep data, where to listen, which plugins, settings. */
final class ClusterOptions {
    /** Set when the log level is debug or trace: failures then print their stack trace too. */
    static final String DEBUG_PROPERTY = "steersman.debug";

    /** slf4j-simple's level names. */
    enum LogLevel { TRACE, DEBUG, INFO, WARN, ERROR }

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where the server keeps its API objects (with --storage=sqlite), TLS certificates and API token "
                    + "(server default: ~/.steersman/data; "
                    + "up default: a new temporary folder).")
    Path dataDir;

    /** Where the API objects live. */
    enum Storage { SQLITE, MEMORY, ETCD }

    @Option(names = "--storage", paramLabel = "KIND", defaultValue = "sqlite",
            description = "sqlite: the API objects are kept in DATA_DIR/" + EmbeddedCluster.STATE_FILE
                    + " and a restarted server still has them; memory: they are gone when it stops; "
                    + "etcd: they are kept in the etcd cluster at --etcd-endpoints (default: ${DEFAULT-VALUE}).")
    Storage storage;

    @Option(names = "--etcd-endpoints", paramLabel = "URL", split = ",",
            description = "The client URLs of the etcd cluster, with --storage=etcd, e.g. http://127.0.0.1:2379.")
    List<URI> etcdEndpoints = new ArrayList<>();

    @Option(names = "--etcd-prefix", paramLabel = "PREFIX", defaultValue = "",
            description = "Put in front of every etcd key, with --storage=etcd, to share one etcd between several control planes; "
                    + "by default the objects are under /registry/ as kube-apiserver keeps them.")
    String etcdPrefix;

    @Option(names = "--etcd-compaction-interval", paramLabel = "DURATION", defaultValue = "5m", converter = DurationConverter.class,
            description = "With --storage=etcd, how often etcd's history is compacted (to the revision of the previous round), "
                    + "as kube-apiserver does; 0s never compacts (default: ${DEFAULT-VALUE}).")
    java.time.Duration etcdCompactionInterval;

    @Option(names = "--bind-address", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "The address the API listens on (default: ${DEFAULT-VALUE}).")
    String bindAddress;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "6443",
            description = "The HTTPS port of the API; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--dns-port", paramLabel = "PORT", defaultValue = "10053",
            description = "The UDP and TCP port of the cluster DNS server (cluster.local), on the bind address; "
                    + "0 picks a free one (default: ${DEFAULT-VALUE}). Try: dig @127.0.0.1 -p 10053 +short kubernetes.default.svc.cluster.local")
    int dnsPort;

    /** The plugin settings the DNS server reads (networking-dns's ClusterDns). */
    static final String DNS_PORT_SETTING = "steersman.dns.port";
    /** Read by the simulated node agent (core): how long a pod's graceful shutdown takes. */
    static final String SHUTDOWN_TIME_SETTING = "steersman.node.shutdown-time";
    static final String DNS_ADDRESS_SETTING = "steersman.dns.address";

    @Option(names = "--kubeconfig", paramLabel = "PATH",
            description = "Where to write the kubeconfig for kubectl (default: ~/.steersman/kubeconfig).")
    Path kubeconfig;

    @Option(names = "--plugin-path", paramLabel = "DIR_OR_JAR",
            description = "Plugin jars to load beside the built-in ones and those in the distribution's plugins/ folder: "
                    + "a folder of jars or one jar; repeatable.")
    List<Path> pluginPaths = new ArrayList<>();

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "A plugin setting; repeatable. E.g. --set steersman.node.count=3, "
                    + "--set steersman.node.images=myrepo/app:*")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--log-level", paramLabel = "LEVEL", defaultValue = "info",
            description = "trace, debug, info, warn or error (default: ${DEFAULT-VALUE}).")
    LogLevel logLevel;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    static Path home() {
        return Path.of(System.getProperty("user.home"), ".steersman");
    }

    Path dataDirOrDefault() {
        return dataDir != null ? dataDir : home().resolve("data");
    }

    Path kubeconfigOrDefault() {
        return kubeconfig != null ? kubeconfig : home().resolve("kubeconfig");
    }

    /** The distribution's own plugins/ folder (when run from the distribution), then the ones given. */
    List<Path> allPluginPaths() {
        List<Path> paths = new ArrayList<>();
        String home = System.getProperty("steersman.home");
        if (home != null) {
            paths.add(Path.of(home, "plugins"));
        }
        paths.addAll(pluginPaths);
        return paths;
    }

    /** Usage errors (exit code 2) for what the parser cannot see: plugin paths that do not exist. */
    void validate() {
        if (storage == Storage.ETCD && etcdEndpoints.isEmpty()) {
            throw new ParameterException(command.commandLine(),
                    "--storage=etcd needs --etcd-endpoints=URL[,URL...], e.g. --etcd-endpoints=http://127.0.0.1:2379");
        }
        if (storage != Storage.ETCD && !etcdEndpoints.isEmpty()) {
            throw new ParameterException(command.commandLine(), "--etcd-endpoints is for --storage=etcd");
        }
        for (URI endpoint : etcdEndpoints) {
            if (!"http".equals(endpoint.getScheme()) || endpoint.getHost() == null || endpoint.getPort() < 0) {
                throw new ParameterException(command.commandLine(),
                        "Invalid value for option '--etcd-endpoints': \"" + endpoint + "\" is not http://HOST:PORT");
            }
        }
        for (Path path : pluginPaths) {
            if (!Files.exists(path)) {
                throw new ParameterException(command.commandLine(),
                        "Invalid value for option '--plugin-path': \"" + path + "\" does not exist");
            }
        }
    }

    EmbeddedCluster.Config config(Path dataDir) {
        return new EmbeddedCluster.Config(dataDir, storage, bindAddress, port, kubeconfigOrDefault(), allPluginPaths(), pluginSettings(),
                new EmbeddedCluster.Etcd(List.copyOf(etcdEndpoints), etcdPrefix, etcdCompactionInterval));
    }

    /**
     * The --set settings, with the DNS server on --dns-port at --bind-address, and pods taking a real
     * kubelet's second to shut down, unless --set says otherwise. Without that second a StatefulSet pod
     * is gone and replaced under the same name before {@code kubectl delete pod} starts watching for its
     * deletion, and kubectl then waits for the replacement's.
     */
    Map<String, String> pluginSettings() {
        Map<String, String> all = new LinkedHashMap<>(settings);
        all.putIfAbsent(DNS_PORT_SETTING, String.valueOf(dnsPort));
        all.putIfAbsent(DNS_ADDRESS_SETTING, bindAddress);
        all.putIfAbsent(SHUTDOWN_TIME_SETTING, "1s");
        return Map.copyOf(all);
    }

    /** Where the DNS server listens, for the start-up message; empty when it takes a free port (it logs which). */
    java.util.Optional<String> dnsAddress() {
        Map<String, String> all = pluginSettings();
        String dnsPort = all.get(DNS_PORT_SETTING).trim();
        return "0".equals(dnsPort) ? java.util.Optional.empty() : java.util.Optional.of(all.get(DNS_ADDRESS_SETTING) + ":" + dnsPort);
    }

    /** The start-up line about the DNS server, or empty. */
    java.util.Optional<String> dnsLine() {
        return dnsAddress().map(address -> {
            int colon = address.lastIndexOf(':');
            return "Cluster DNS (cluster.local) at " + address + " over UDP and TCP: dig @" + address.substring(0, colon)
                    + " -p " + address.substring(colon + 1) + " <service>.<namespace>.svc.cluster.local";
        });
    }

    /** slf4j-simple reads its level once, when the first logger is made: set it before anything logs. */
    void applyLogLevel() {
        String level = logLevel.name().toLowerCase(Locale.ROOT);
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", level);
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
        // Jetty is chatty at info; at debug and trace the user asked for everything.
        if (logLevel.compareTo(LogLevel.INFO) >= 0) {
            System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
        } else {
            System.setProperty(DEBUG_PROPERTY, "true");
        }
    }
}
