package io.steersman.controller.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.steersman.api.client.ApiException;
import io.steersman.api.client.Client;
import io.steersman.api.client.DeleteOptions;
import io.steersman.api.client.PatchType;
import io.steersman.api.controller.Clock;
import io.steersman.api.controller.Context;
import io.steersman.api.controller.EventRecorder;
import io.steersman.api.controller.Request;
import io.steersman.api.model.ApiObject;
import io.steersman.api.model.LabelSelector;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.Status;
import io.steersman.api.model.apps.ReplicaSet;
import io.steersman.api.model.apps.ReplicaSetCondition;
import io.steersman.api.model.apps.ReplicaSetSpec;
import io.steersman.api.model.core.Pod;
import io.steersman.api.model.core.PodSpec;
import io.steersman.api.model.core.PodTemplateSpec;
import io.steersman.api.selector.Selector;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The ReplicaSet controller's creation batches and expectations, against a cache that never shows
 * what was written (the worst case of a lagging informer).
 */
class SlowStartTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    /** A cache that stays empty: creates are counted, status writes kept, the n-th create onwards fails. */
    private static final class StaleClient implements Client {
        final ReplicaSet rs;
        final int failFrom;
        int creates;
        ReplicaSet lastStatus;

        StaleClient(ReplicaSet rs, int failFrom) {
            this.rs = rs;
            this.failFrom = failFrom;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T extends ApiObject> Optional<T> get(Class<T> kind, String namespace, String name) {
            return kind == ReplicaSet.class ? Optional.of((T) rs) : Optional.empty();
        }

        @Override
        public <T extends ApiObject> List<T> list(Class<T> kind, String namespace, Selector selector) {
            return List.of();
        }

        @Override
        public <T extends ApiObject> List<T> listControlledBy(Class<T> kind, ApiObject owner) {
            return List.of();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T extends ApiObject> T create(T object) {
            creates++;
            if (creates >= failFrom) {
                throw new ApiException(new Status(null, null, null, "Failure", "exceeded quota", "Forbidden", null, 403));
            }
            Pod pod = (Pod) object;
            return (T) pod.withMetadata(pod.metadata().toBuilder().name(pod.metadata().generateName() + creates).build());
        }

        @Override
        public <T extends ApiObject> T update(T object) {
            return object;
        }

        @Override
        public <T extends ApiObject> T updateStatus(T object) {
            lastStatus = (ReplicaSet) object;
            return object;
        }

        @Override
        public <T extends ApiObject> T patch(Class<T> kind, String namespace, String name, PatchType type, String body) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void delete(Class<? extends ApiObject> kind, String namespace, String name, DeleteOptions options) {
            throw new UnsupportedOperationException();
        }
    }

    private static ReplicaSet replicaSet(int replicas) {
        PodTemplateSpec template = PodTemplateSpec.of(ObjectMeta.builder().labels(Map.of("app", "web")).build(), PodSpec.EMPTY);
        return ReplicaSet.of(ObjectMeta.builder().namespace("default").name("web").uid("rs-uid").generation(1L).build(),
                ReplicaSetSpec.of(replicas, LabelSelector.matchLabels(Map.of("app", "web")), template));
    }

    private static Context<ReplicaSet> context(StaleClient client) {
        return new Context<>() {
            @Override public Optional<ReplicaSet> primary() { return Optional.of(client.rs); }
            @Override public Client client() { return client; }
            @Override public Clock clock() { return () -> NOW; }
            @Override public EventRecorder events() { return EventRecorder.DISCARD; }
        };
    }

    @Test
    void createsAtMostBurstReplicasPerPassAndNeverAgainWhileTheCacheLags() {
        ReplicaSetReconciler reconciler = new ReplicaSetReconciler();
        StaleClient client = new StaleClient(replicaSet(700), Integer.MAX_VALUE);
        reconciler.reconcile(new Request("default", "web"), context(client));
        assertThat(client.creates).isEqualTo(ReplicaSetReconciler.BURST_REPLICAS);
        reconciler.reconcile(new Request("default", "web"), context(client));
        assertThat(client.creates).as("expectations hold back a second burst until the cache shows the first").isEqualTo(500);
    }

    @Test
    void aFailingBatchStopsTheLaterOnesAndReportsReplicaFailure() {
        ReplicaSetReconciler reconciler = new ReplicaSetReconciler();
        // batches 1, 2, 4, 8: the 5th create (in the batch of 4) fails; the batch finishes, no batch of 8 follows
        StaleClient client = new StaleClient(replicaSet(20), 5);
        assertThatThrownBy(() -> reconciler.reconcile(new Request("default", "web"), context(client)))
                .isInstanceOf(ApiException.class).hasMessage("exceeded quota");
        assertThat(client.creates).isEqualTo(1 + 2 + 4);
        ReplicaSetCondition failure = client.lastStatus.status().condition(ReplicaSetCondition.REPLICA_FAILURE).orElseThrow();
        assertThat(failure.reason()).isEqualTo("FailedCreate");
        assertThat(failure.message()).isEqualTo("exceeded quota");
    }
}
