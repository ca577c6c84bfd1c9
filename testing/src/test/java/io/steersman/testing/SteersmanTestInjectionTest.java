package io.steersman.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.steersman.api.client.Client;
import io.steersman.api.controller.Clock;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.core.Container;
import io.steersman.api.model.core.Pod;
import io.steersman.api.model.core.PodSpec;
import io.steersman.core.node.NodeAgentPlugin;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

@SteersmanTest(plugins = NodeAgentPlugin.class, settings = "steersman.node.count=2")
class SteersmanTestInjectionTest {
    private static final AtomicReference<ControlPlane> FIRST_SEEN = new AtomicReference<>();

    static ControlPlane shared;
    ControlPlane cluster;
    Client client;
    ManualClock clock;
    Clock anyClock;

    @Test
    void fieldsAndParametersGetTheSameControlPlane(ControlPlane parameter, Client clientParameter, ManualClock clockParameter) {
        assertThat(cluster).isNotNull().isSameAs(parameter).isSameAs(shared);
        assertThat(client).isSameAs(clientParameter).isSameAs(cluster.client());
        assertThat(clock).isSameAs(clockParameter).isSameAs(cluster.manualClock()).isSameAs(anyClock);
    }

    @Test
    void everyTestOfTheClassSharesOneControlPlane() {
        FIRST_SEEN.compareAndSet(null, cluster);
        assertThat(cluster).isSameAs(FIRST_SEEN.get());
    }

    @Test
    void theOtherTestOfTheClassSeesTheSameOne() {
        FIRST_SEEN.compareAndSet(null, cluster);
        assertThat(cluster).isSameAs(FIRST_SEEN.get());
    }

    @Test
    void thePluginsAndSettingsAreTheAnnotations() {
        cluster.settle();
        assertThat(cluster.list(io.steersman.api.model.core.Node.class, null)).hasSize(2);
    }

    @Test
    void theManualClockMovesOnlyWhenTheTestMovesIt() {
        cluster.apply(Pod.of(ObjectMeta.named("default", "clocked"), PodSpec.of(List.of(Container.of("app", "nginx:1.27")))));
        cluster.settle();
        Pod pod = cluster.get(Pod.class, "default", "clocked").orElseThrow();
        assertThat(pod.status().phase()).isEqualTo("Running");

        var before = clock.now();
        cluster.advance(Duration.ofMinutes(5));
        assertThat(clock.now()).isEqualTo(before.plus(Duration.ofMinutes(5)));
    }
}
