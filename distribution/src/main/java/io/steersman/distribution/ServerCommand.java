package io.steersman.distribution;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code steersman server}: the whole control plane (store, every plugin, the API server) until
 * Ctrl-C or SIGTERM, which stop it cleanly. Prints one line once /readyz answers, naming the URL
 * and the kubeconfig, so a script can wait for it.
 */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = "Run the control plane and its Kubernetes API until interrupted.")
final class ServerCommand implements Callable<Integer> {

    @Mixin
    ClusterOptions options;

    @Override
    public Integer call() throws Exception {
        options.applyLogLevel();
        CountDownLatch stopped = new CountDownLatch(1);
        EmbeddedCluster cluster = EmbeddedCluster.start(options.config(options.dataDirOrDefault()));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            cluster.close();
            stopped.countDown();
        }, "steersman-shutdown"));
        System.out.println("Steersman is ready at " + cluster.url() + " (kubeconfig: " + cluster.kubeconfig() + ")");
        System.out.flush();
        stopped.await();
        return 0;
    }
}
