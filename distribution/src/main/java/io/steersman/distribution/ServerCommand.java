package io.steersman.distribution;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code steersman server}: the whole control plane (store, every plugin, the API server) until
 * Ctrl-C or SIGTERM, which stop it cleanly with exit code 0. Prints one line once GET /readyz has
 * answered 200, naming the URL and the kubeconfig, so a script can wait for it.
 */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = {
            "Run the control plane and its Kubernetes API until Ctrl-C or SIGTERM.",
            "Prints \"Steersman is ready at URL (kubeconfig: PATH)\" once the API answers."},
        footer = {
            "",
            "Storage: the API objects are kept in DATA_DIR/state.db (SQLite): every acknowledged write is in the file, even if the process is killed, "
                    + "and a restarted server continues with the same objects. --storage=memory keeps them in memory only, for throwaway runs. "
                    + "--storage=etcd --etcd-endpoints=http://HOST:2379[,...] keeps them in an etcd v3 cluster, under /registry/ as kube-apiserver does. "
                    + "The data dir also keeps the TLS certificates and the API token, so a kubeconfig written before stays valid after a restart.",
            "",
            "Exit codes: 0 stopped by Ctrl-C or SIGTERM, 1 could not start (e.g. the port is in use), 2 bad usage."})
final class ServerCommand implements Callable<Integer> {

    @Mixin
    ClusterOptions options;

    @Override
    public Integer call() throws Exception {
        options.validate();
        options.applyLogLevel();
        StopSignal stop = StopSignal.install();
        try (EmbeddedCluster cluster = EmbeddedCluster.start(options.config(options.dataDirOrDefault()))) {
            // Any other way out of the JVM (SIGHUP, System.exit elsewhere) still stops the server.
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "steersman-shutdown"));
            System.out.println("Steersman is ready at " + cluster.url() + " (kubeconfig: " + cluster.kubeconfig() + ")");
            options.dnsLine().ifPresent(System.out::println);
            System.out.flush();
            stop.await();
            System.out.println("Stopping.");
        }
        return 0;
    }
}
