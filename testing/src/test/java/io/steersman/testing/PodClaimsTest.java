package io.steersman.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.steersman.api.client.DeleteOptions;
import io.steersman.api.model.core.Event;
import io.steersman.api.model.core.PersistentVolumeClaim;
import io.steersman.api.model.core.PersistentVolumeClaimStatus;
import io.steersman.api.model.core.Pod;
import io.steersman.api.model.core.PodCondition;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The scheduler's VolumeBinding check without a PV controller: the test plays it by writing the
 * claims' status. A pod is placed only once every claim it names is bound.
 */
class PodClaimsTest {
    private static final String NOT_HELPFUL = " preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.";
    private final ControlPlane cp = Clusters.start();

    @AfterEach
    void close() {
        cp.close();
    }

    @Test
    void podWaitsForItsClaimToExistAndBeBound() {
        apply(pod("app", "data"));
        assertUnschedulable("0/1 nodes are available: persistentvolumeclaim \"data\" not found." + NOT_HELPFUL);

        apply(claim("data", null));
        assertUnschedulable("0/1 nodes are available: pod has unbound immediate PersistentVolumeClaims." + NOT_HELPFUL);

        bind("data");

        Pod pod = cp.get(Pod.class, "default", "app").orElseThrow();
        assertThat(pod.spec().nodeName()).isEqualTo("node-1");
        assertThat(pod.status().phase()).isEqualTo("Running");
        assertThat(failedScheduling("app")).containsExactly(
                "0/1 nodes are available: persistentvolumeclaim \"data\" not found." + NOT_HELPFUL,
                "0/1 nodes are available: pod has unbound immediate PersistentVolumeClaims." + NOT_HELPFUL);
    }

    @Test
    void claimBeingDeletedKeepsThePodUnschedulable() {
        apply(claim("data", null).replace("name: data", "name: data\n  finalizers: [example.com/hold]"));
        bind("data");
        cp.client().delete(PersistentVolumeClaim.class, "default", "data", DeleteOptions.defaults());
        apply(pod("app", "data"));

        assertUnschedulable("0/1 nodes are available: persistentvolumeclaim \"data\" is being deleted." + NOT_HELPFUL);
    }

    @Test
    void claimOfAWaitForFirstConsumerClassLeavesThePodPendingWithoutAVerdict() {
        apply("""
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata: {name: lazy}
                provisioner: example.com/lazy
                volumeBindingMode: WaitForFirstConsumer
                """);
        apply(claim("data", "lazy"));
        apply(pod("app", "data"));

        Pod pod = cp.get(Pod.class, "default", "app").orElseThrow();
        assertThat(pod.spec().nodeName()).isNull();
        assertThat(pod.status().condition(PodCondition.POD_SCHEDULED)).isEmpty();
        assertThat(failedScheduling("app")).isEmpty();
        assertThat(cp.get(PersistentVolumeClaim.class, "default", "data").orElseThrow().metadata().annotations())
                .as("the node the provisioner is to make the volume for")
                .containsEntry("volume.kubernetes.io/selected-node", "node-1");

        bind("data");
        assertThat(cp.get(Pod.class, "default", "app").orElseThrow().status().phase()).isEqualTo("Running");
    }

    @Test
    void podPlacedByHandStartsOnlyOnceItsClaimIsBound() {
        apply(claim("data", null));
        apply(pod("app", "data").replace("spec:\n", "spec:\n  nodeName: node-1\n"));

        Pod waiting = cp.get(Pod.class, "default", "app").orElseThrow();
        assertThat(waiting.status().startTime()).isNull();
        assertThat(waiting.status().containerStatuses()).isEmpty();

        bind("data");
        assertThat(cp.get(Pod.class, "default", "app").orElseThrow().status().phase()).isEqualTo("Running");
    }

    private void apply(String yaml) {
        cp.apply(yaml);
        cp.settle();
    }

    /** What the PV controller's last binding step writes. */
    private void bind(String name) {
        PersistentVolumeClaim claim = cp.get(PersistentVolumeClaim.class, "default", name).orElseThrow();
        cp.client().updateStatus(claim.withStatus(PersistentVolumeClaimStatus.of(PersistentVolumeClaimStatus.BOUND)));
        cp.settle();
    }

    private void assertUnschedulable(String message) {
        Pod pod = cp.get(Pod.class, "default", "app").orElseThrow();
        assertThat(pod.spec().nodeName()).isNull();
        PodCondition scheduled = pod.status().condition(PodCondition.POD_SCHEDULED).orElseThrow();
        assertThat(scheduled.status()).isEqualTo("False");
        assertThat(scheduled.reason()).isEqualTo("Unschedulable");
        assertThat(scheduled.message()).isEqualTo(message);
    }

    private List<String> failedScheduling(String pod) {
        return cp.list(Event.class, "default").stream()
                .filter(e -> pod.equals(e.involvedObject().name()) && "FailedScheduling".equals(e.reason()))
                .map(Event::message).toList();
    }

    private static String claim(String name, String storageClass) {
        return """
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata:
                  name: %s
                spec:
                  accessModes: [ReadWriteOnce]
                  resources: {requests: {storage: 1Gi}}
                %s""".formatted(name, storageClass == null ? "" : "  storageClassName: " + storageClass + "\n");
    }

    private static String pod(String name, String claim) {
        return """
                apiVersion: v1
                kind: Pod
                metadata: {name: %s}
                spec:
                  containers: [{name: app, image: nginx:1.25}]
                  volumes: [{name: data, persistentVolumeClaim: {claimName: %s}}]
                """.formatted(name, claim);
    }
}
