package io.steersman.examples.website;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.steersman.api.client.InvalidException;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.apps.Deployment;
import io.steersman.api.model.core.Pod;
import io.steersman.api.model.core.Service;
import io.steersman.controller.deployment.DeploymentPlugin;
import io.steersman.core.node.NodeAgentPlugin;
import io.steersman.testing.ControlPlane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebsiteReconcilerTest {
    private ControlPlane cluster;

    @BeforeEach
    void start() {
        // The plugin under test, the Deployment controllers it relies on, and the simulated node
        // that runs the pods (no plugin given would mean every plugin on the class path).
        cluster = ControlPlane.builder().plugins(new WebsitePlugin(), new DeploymentPlugin(), new NodeAgentPlugin()).start();
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void websiteGetsDeploymentServiceAndAvailablePods() {
        cluster.apply(website("blog", 2, "nginx:1.27"));
        cluster.settle();

        Deployment deployment = cluster.get(Deployment.class, "default", "blog").orElseThrow();
        assertThat(deployment.spec().replicas()).isEqualTo(2);
        assertThat(deployment.metadata().controllerRef()).hasValueSatisfying(ref -> assertThat(ref.kind()).isEqualTo("Website"));
        assertThat(cluster.get(Service.class, "default", "blog")).isPresent();
        assertThat(cluster.list(Pod.class, "default")).hasSize(2);
        assertThat(cluster.get(Website.class, "default", "blog").orElseThrow().status().availableReplicas()).isEqualTo(2);
    }

    @Test
    void changingTheWebsiteRollsTheDeployment() {
        cluster.apply(website("blog", 2, "nginx:1.27"));
        cluster.settle();

        cluster.apply(website("blog", 3, "nginx:1.25"));
        cluster.settle();

        Deployment deployment = cluster.get(Deployment.class, "default", "blog").orElseThrow();
        assertThat(deployment.spec().template().spec().containers().get(0).image()).isEqualTo("nginx:1.25");
        assertThat(cluster.list(Pod.class, "default"))
                .hasSize(3)
                .allSatisfy(pod -> assertThat(pod.spec().containers().get(0).image()).isEqualTo("nginx:1.25"));
    }

    @Test
    void deletingTheWebsiteDeletesWhatItOwned() {
        cluster.apply(website("blog", 1, "nginx:1.27"));
        cluster.settle();

        cluster.client().delete(Website.class, "default", "blog", io.steersman.api.client.DeleteOptions.defaults());
        cluster.settle();

        assertThat(cluster.get(Deployment.class, "default", "blog")).isEmpty();
        assertThat(cluster.get(Service.class, "default", "blog")).isEmpty();
        assertThat(cluster.list(Pod.class, "default")).isEmpty();
    }

    @Test
    void websiteWithoutImageIsRefusedWithTheFieldPath() {
        assertThatThrownBy(() -> cluster.apply(website("blog", 1, null)))
                .isInstanceOf(InvalidException.class)
                .satisfies(e -> assertThat(((InvalidException) e).status().details().causes())
                        .anySatisfy(cause -> assertThat(cause.field()).isEqualTo("spec.image")));
    }

    private static Website website(String name, int replicas, String image) {
        return Website.of(ObjectMeta.named("default", name), new Website.Spec(replicas, image));
    }
}
