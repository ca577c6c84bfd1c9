package io.steersman.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.steersman.api.resource.BuiltinResources;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fabric8 client, as Java users use it, over HTTPS with a token against the in-process server. */
class Fabric8EndToEndTest {
    static TestServer server;
    static KubernetesClient client;

    @BeforeAll
    static void start() {
        server = TestServer.https();
        client = client(server);
    }

    static KubernetesClient client(TestServer server) {
        Config config = new ConfigBuilder(Config.empty())
                .withMasterUrl(server.server.url().toString())
                .withOauthToken(TestServer.TOKEN)
                .withCaCertData(Base64.getEncoder().encodeToString(server.certificates.caCertificatePem().getBytes(StandardCharsets.US_ASCII)))
                .withNamespace("default")
                .build();
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        server.close();
    }

    static Deployment deployment(String name, int replicas) {
        return new DeploymentBuilder().withNewMetadata().withName(name).endMetadata()
                .withNewSpec().withReplicas(replicas)
                .withNewSelector().addToMatchLabels("app", name).endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", name).endMetadata()
                .withNewSpec().addNewContainer().withName("nginx").withImage("nginx:1.14.2").endContainer().endSpec()
                .endTemplate().endSpec().build();
    }

    @Test
    void crudOfBuiltInKinds() {
        Pod pod = client.pods().resource(new PodBuilder().withNewMetadata().withName("p").addToLabels("app", "p").endMetadata()
                .withNewSpec().addNewContainer().withName("c").withImage("nginx").endContainer().endSpec().build()).create();
        assertThat(pod.getMetadata().getUid()).isNotEmpty();
        Service service = client.services().resource(new ServiceBuilder().withNewMetadata().withName("svc").endMetadata()
                .withNewSpec().addToSelector("app", "p").addNewPort().withPort(80).endPort().endSpec().build()).create();
        assertThat(service.getSpec().getPorts()).hasSize(1);
        client.configMaps().resource(new ConfigMapBuilder().withNewMetadata().withName("cm").endMetadata().addToData("a", "1").build()).create();
        StatefulSet sts = client.apps().statefulSets().resource(new StatefulSetBuilder().withNewMetadata().withName("web").endMetadata()
                .withNewSpec().withReplicas(2).withServiceName("svc").withNewSelector().addToMatchLabels("app", "web").endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", "web").endMetadata()
                .withNewSpec().addNewContainer().withName("nginx").withImage("nginx").endContainer().endSpec().endTemplate().endSpec().build()).create();
        assertThat(sts.getSpec().getReplicas()).isEqualTo(2);
        client.apps().deployments().resource(deployment("crud", 1)).create();

        assertThat(client.pods().withName("p").get().getSpec().getContainers().get(0).getImage()).isEqualTo("nginx");
        assertThat(client.pods().withLabel("app", "p").list().getItems()).hasSize(1);
        ConfigMap edited = client.configMaps().withName("cm").edit(cm -> new ConfigMapBuilder(cm).addToData("b", "2").build());
        assertThat(edited.getData()).containsEntry("b", "2");
        assertThat(server.store().get(BuiltinResources.CONFIG_MAPS, "default", "cm").orElseThrow().data()).containsEntry("b", "2");
        assertThat(client.apps().deployments().withName("crud").get().getSpec().getReplicas()).isEqualTo(1);

        assertThat(client.configMaps().withName("cm").delete()).hasSize(1);
        assertThat(client.configMaps().withName("cm").get()).isNull();
        assertThat(client.apps().deployments().withName("crud").delete()).hasSize(1);
        assertThat(client.apps().deployments().withName("crud").get()).isNull();
    }

    @Test
    void aSchedulerOfItsOwnBindsAPodThroughBindings() {
        client.pods().resource(new PodBuilder().withNewMetadata().withName("to-bind").endMetadata()
                .withNewSpec().withSchedulerName("my-scheduler").addNewContainer().withName("c").withImage("nginx").endContainer().endSpec()
                .build()).create();
        client.bindings().resource(new io.fabric8.kubernetes.api.model.BindingBuilder().withNewMetadata().withName("to-bind").endMetadata()
                .withNewTarget().withApiVersion("v1").withKind("Node").withName("node-x").endTarget().build()).create();

        assertThat(client.pods().withName("to-bind").get().getSpec().getNodeName()).isEqualTo("node-x");
    }

    @Test
    void createOfAnExistingObjectIsA409() {
        client.configMaps().resource(new ConfigMapBuilder().withNewMetadata().withName("twice").endMetadata().build()).create();
        assertThatThrownBy(() -> client.configMaps().resource(new ConfigMapBuilder().withNewMetadata().withName("twice").endMetadata().build()).create())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(409));
    }

    @Test
    void scaleChangesReplicasThroughTheScaleSubresource() {
        client.apps().deployments().resource(deployment("scaled", 1)).create();
        client.apps().deployments().withName("scaled").scale(4);
        assertThat(server.store().get(BuiltinResources.DEPLOYMENTS, "default", "scaled").orElseThrow().spec().replicas()).isEqualTo(4);
        assertThat(client.apps().deployments().withName("scaled").scale().getSpec().getReplicas()).isEqualTo(4);
    }

    @Test
    void waitUntilConditionSeesAStatusChange() {
        client.apps().deployments().resource(deployment("ready", 1)).create();
        server.patch("/apis/apps/v1/namespaces/default/deployments/ready/status", "application/merge-patch+json",
                "{\"status\":{\"readyReplicas\":1,\"availableReplicas\":1,\"replicas\":1,\"updatedReplicas\":1,\"observedGeneration\":1}}");
        Deployment ready = client.apps().deployments().withName("ready")
                .waitUntilCondition(d -> d.getStatus() != null && Integer.valueOf(1).equals(d.getStatus().getReadyReplicas()), 20, TimeUnit.SECONDS);
        assertThat(ready.getStatus().getAvailableReplicas()).isEqualTo(1);
    }

    @Test
    void watchDeliversAddedModifiedDeleted() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        CountDownLatch deleted = new CountDownLatch(1);
        // Watch from a known revision: a watch without one starts with the state of the moment its
        // request lands, which may already include the edit when the client connects late.
        String from = client.configMaps().list().getMetadata().getResourceVersion();
        ListOptions options = new ListOptionsBuilder().withLabelSelector("watched=yes").withResourceVersion(from).build();
        try (Watch watch = client.configMaps().watch(options, new Watcher<>() {
            @Override
            public void eventReceived(Action action, ConfigMap resource) {
                seen.add(action + " " + resource.getMetadata().getName());
                if (action == Action.DELETED) {
                    deleted.countDown();
                }
            }

            @Override
            public void onClose(WatcherException cause) {
            }
        })) {
            client.configMaps().resource(new ConfigMapBuilder().withNewMetadata().withName("w").addToLabels("watched", "yes").endMetadata().build()).create();
            client.configMaps().withName("w").edit(cm -> new ConfigMapBuilder(cm).addToData("x", "y").build());
            client.configMaps().withName("w").delete();
            assertThat(deleted.await(20, TimeUnit.SECONDS)).as("events seen: %s", seen).isTrue();
        }
        assertThat(seen).containsExactly("ADDED w", "MODIFIED w", "DELETED w");
    }

    @Test
    void sharedInformerListsThenFollowsChanges() throws Exception {
        client.configMaps().resource(new ConfigMapBuilder().withNewMetadata().withName("inf-1").addToLabels("inf", "yes").endMetadata().build()).create();
        CountDownLatch added = new CountDownLatch(2);
        CountDownLatch updated = new CountDownLatch(1);
        SharedIndexInformer<ConfigMap> informer = client.configMaps().withLabel("inf", "yes").inform(new ResourceEventHandler<>() {
            @Override
            public void onAdd(ConfigMap obj) {
                added.countDown();
            }

            @Override
            public void onUpdate(ConfigMap oldObj, ConfigMap newObj) {
                if (newObj.getData() != null && "2".equals(newObj.getData().get("v"))) {
                    updated.countDown();
                }
            }

            @Override
            public void onDelete(ConfigMap obj, boolean deletedFinalStateUnknown) {
            }
        });
        try {
            client.configMaps().resource(new ConfigMapBuilder().withNewMetadata().withName("inf-2").addToLabels("inf", "yes").endMetadata().build()).create();
            assertThat(added.await(20, TimeUnit.SECONDS)).isTrue();
            client.configMaps().withName("inf-1").edit(cm -> new ConfigMapBuilder(cm).addToData("v", "2").build());
            assertThat(updated.await(20, TimeUnit.SECONDS)).isTrue();
            assertThat(informer.getStore().list()).hasSize(2);
        } finally {
            informer.close();
        }
    }

    @Test
    void serverSideApplyCreatesAndUpdates() {
        Deployment applied = client.apps().deployments().resource(deployment("applied", 2)).fieldManager("fabric8-test").forceConflicts().serverSideApply();
        assertThat(applied.getSpec().getReplicas()).isEqualTo(2);
        applied = client.apps().deployments().resource(deployment("applied", 3)).fieldManager("fabric8-test").forceConflicts().serverSideApply();
        assertThat(applied.getSpec().getReplicas()).isEqualTo(3);
        assertThat(applied.getMetadata().getManagedFields()).anySatisfy(entry -> assertThat(entry.getManager()).isEqualTo("fabric8-test"));
        assertThat(server.store().get(BuiltinResources.DEPLOYMENTS, "default", "applied").orElseThrow().spec().replicas()).isEqualTo(3);
    }
}
