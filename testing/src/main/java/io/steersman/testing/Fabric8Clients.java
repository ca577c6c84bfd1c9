package io.steersman.testing;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.net.URI;

/**
 * Makes fabric8 clients. The only class of this module that names fabric8 types: fabric8 is an
 * optional dependency, and the JVM loads this class only when a test asks for a KubernetesClient,
 * so tests without fabric8 on their class path never touch it.
 */
final class Fabric8Clients {
    private Fabric8Clients() {}

    /** A client of the server at {@code url}, in namespace {@code default}, ignoring ~/.kube/config and the environment. */
    static KubernetesClient connect(URI url) {
        Config config = new ConfigBuilder(Config.empty())
                .withMasterUrl(url.toString())
                .withNamespace("default")
                .build();
        return new KubernetesClientBuilder().withConfig(config).build();
    }
}
