package io.steersman.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.steersman.api.client.Client;
import io.steersman.api.model.core.Pod;
import io.steersman.apiserver.ApiServer;
import io.steersman.core.node.NodeAgentPlugin;
import org.junit.jupiter.api.Test;

@SteersmanTest(plugins = NodeAgentPlugin.class, apiServer = true)
class SteersmanTestApiServerTest {
    KubernetesClient fabric8;
    ApiServer server;

    @Test
    void fabric8TalksToTheInProcessApiServer(KubernetesClient parameter) {
        assertThat(parameter).isSameAs(fabric8);
        assertThat(fabric8.getMasterUrl().toString()).startsWith("http://127.0.0.1:" + server.port());
        assertThat(fabric8.namespaces().list().getItems()).extracting(ns -> ns.getMetadata().getName())
                .contains("default", "kube-system");
    }

    @Test
    void whatFabric8CreatesTheControllersRun(ControlPlane cluster, Client client) {
        fabric8.pods().inNamespace("default").resource(new PodBuilder()
                .withNewMetadata().withName("web").endMetadata()
                .withNewSpec().withContainers(new ContainerBuilder().withName("web").withImage("nginx:1.27").build()).endSpec()
                .build()).create();
        cluster.settle();

        assertThat(client.get(Pod.class, "default", "web")).hasValueSatisfying(pod ->
                assertThat(pod.status().phase()).isEqualTo("Running"));
        assertThat(fabric8.pods().inNamespace("default").withName("web").get().getStatus().getPhase()).isEqualTo("Running");
    }
}
