package io.steersman.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.OwnerReference;
import io.steersman.api.model.core.Container;
import io.steersman.api.model.core.ContainerState;
import io.steersman.api.model.core.ContainerStatus;
import io.steersman.api.model.core.Pod;
import io.steersman.api.model.core.PodCondition;
import io.steersman.api.model.core.PodSpec;
import io.steersman.api.model.core.PodStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PodSharingTest {
    private static final Instant STARTED = Instant.parse("2026-11-26T00:00:00Z");
    private final PodSharing sharing = new PodSharing();

    /** A copy, as a decoder or another writer makes one: no string is shared with another pod's. */
    private static String s(String value) {
        return new String(value);
    }

    /** A Running pod as the node agent leaves it, built from fresh objects and strings. */
    private static Pod pod(String name, String hostIP, String nodeName) {
        ObjectMeta meta = ObjectMeta.builder().namespace("default").name(name).generateName(s("web-7d4b9c8f5d-"))
                .labels(Map.of(s("app"), s("web")))
                .ownerReferences(List.of(new OwnerReference(s("apps/v1"), s("ReplicaSet"), s("web-7d4b9c8f5d"), s("uid-1"), true, true, null)))
                .build();
        PodSpec spec = PodSpec.of(List.of(Container.of(s("web"), s("nginx:1.27.3")))).withNodeName(s(nodeName));
        ContainerStatus container = new ContainerStatus(s("web"), ContainerState.running(STARTED), null, true, 0,
                s("docker.io/library/nginx:1.27.3"), s("docker.io/library/nginx@sha256:3c98"), s("containerd://" + name), true, null);
        PodStatus status = new PodStatus(PodStatus.RUNNING, List.of(PodCondition.of(s("Ready"), true, STARTED)), null, null, null,
                s(hostIP), null, s("10.0.0." + name.length()), null, STARTED, null, List.of(container), null);
        return new Pod(Pod.API_VERSION, Pod.KIND, meta, spec, status, null);
    }

    @Test
    void aSharedPodEqualsWhatWasWritten() {
        Pod written = pod("a", "172.18.0.2", "node-1");

        assertThat(sharing.share(written, null)).isEqualTo(written);
        assertThat(sharing.share(pod("a", "172.18.0.2", "node-1"), null)).isEqualTo(written);
    }

    @Test
    void podsOfOneTemplateOnOneNodeShareWhatTheyHaveInCommon() {
        Pod a = sharing.share(pod("a", "172.18.0.2", "node-1"), null);
        Pod b = sharing.share(pod("b", "172.18.0.2", "node-1"), null);

        assertThat(b.metadata().generateName()).isSameAs(a.metadata().generateName());
        assertThat(b.metadata().labels()).isSameAs(a.metadata().labels());
        assertThat(b.metadata().ownerReferences()).isSameAs(a.metadata().ownerReferences());
        assertThat(b.spec()).isSameAs(a.spec());
        assertThat(b.status().conditions()).isSameAs(a.status().conditions());
        assertThat(b.status().hostIP()).isSameAs(a.status().hostIP());
        ContainerStatus ca = a.status().containerStatuses().get(0);
        ContainerStatus cb = b.status().containerStatuses().get(0);
        assertThat(cb.image()).isSameAs(ca.image());
        assertThat(cb.imageID()).isSameAs(ca.imageID());
        assertThat(cb.state()).isSameAs(ca.state());
        assertThat(cb.containerID()).isEqualTo("containerd://b");
        assertThat(b.status().podIP()).isEqualTo("10.0.0.1");
    }

    @Test
    void podsOnAnotherNodeShareTheirContainersButNotTheirSpec() {
        Pod a = sharing.share(pod("a", "172.18.0.2", "node-1"), null);
        Pod b = sharing.share(pod("b", "172.18.0.3", "node-2"), null);

        assertThat(b.spec()).isNotSameAs(a.spec());
        assertThat(b.spec().nodeName()).isEqualTo("node-2");
        assertThat(b.spec().containers()).isSameAs(a.spec().containers());
        assertThat(b.status().hostIP()).isEqualTo("172.18.0.3");
    }

    @Test
    void anUpdateKeepsTheStoredPartsItDidNotChange() {
        Pod stored = sharing.share(pod("a", "172.18.0.2", "node-1"), null);
        ContainerStatus restarted = new ContainerStatus("web", ContainerState.running(STARTED.plusSeconds(9)), null, true, 1,
                "docker.io/library/nginx:1.27.3", "docker.io/library/nginx@sha256:3c98", "containerd://a2", true, null);
        Pod update = stored.withStatus(stored.status().withContainerStatuses(List.of(restarted)));

        Pod shared = sharing.share(update, stored);

        assertThat(shared).isEqualTo(update);
        assertThat(shared.metadata()).isSameAs(stored.metadata());
        assertThat(shared.spec()).isSameAs(stored.spec());
        assertThat(shared.status().conditions()).isSameAs(stored.status().conditions());
        assertThat(shared.status().containerStatuses().get(0).image()).isSameAs(stored.status().containerStatuses().get(0).image());
    }

    @Test
    void aPodWithNothingToShareIsItself() {
        Pod pod = Pod.of(ObjectMeta.named("default", "bare"), PodSpec.EMPTY);

        assertThat(sharing.share(pod, null)).isSameAs(pod);
    }
}
