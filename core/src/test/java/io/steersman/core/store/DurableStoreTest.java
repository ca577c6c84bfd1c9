package io.steersman.core.store;

import static io.steersman.api.resource.BuiltinResources.DEPLOYMENTS;
import static io.steersman.api.resource.BuiltinResources.PODS;
import static io.steersman.api.resource.BuiltinResources.SERVICES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.steersman.api.client.GoneException;
import io.steersman.api.codec.Codec;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.apps.Deployment;
import io.steersman.api.model.core.Pod;
import io.steersman.api.model.core.Service;
import io.steersman.api.model.core.ServicePort;
import io.steersman.api.model.core.ServiceSpec;
import io.steersman.api.resource.BuiltinResources;
import io.steersman.api.resource.ResourceRegistry;
import io.steersman.core.backend.SqliteBackend;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store over the SQLite backend, closed and reopened as a restarted server does: real kinds
 * come back equal to what was written (through the JSON codec), resourceVersions continue, the
 * Service allocations are known again, and a watch from before the restart is told to relist.
 */
class DurableStoreTest {
    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: default, labels: {app: web}, annotations: {note: kept}}
            spec:
              replicas: 3
              selector: {matchLabels: {app: web}}
              strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 25%, maxUnavailable: 1}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers:
                  - name: web
                    image: nginx:1.27
                    ports: [{containerPort: 80}]
                    resources: {requests: {cpu: 250m, memory: 64Mi}}
                    someFieldNobodyKnows: {kept: true}
            """;

    @TempDir
    Path dir;
    private final ManualClock clock = new ManualClock();

    /** A store and its backend, closed together. */
    private record Opened(SqliteBackend backend, BackendStore store) implements AutoCloseable {
        @Override
        public void close() {
            store.close();
            backend.close();
        }
    }

    private Opened open() {
        ResourceRegistry registry = BuiltinResources.registry();
        SqliteBackend backend = SqliteBackend.open(dir.resolve("state.db"), new Codec(registry));
        return new Opened(backend, new BackendStore(registry, clock, backend));
    }

    private static Service service(String name) {
        return Service.of(ObjectMeta.named("default", name), ServiceSpec.of(Map.of("app", "web"), List.of(ServicePort.of("http", 80))));
    }

    @Test
    void objectsComeBackEqualAndResourceVersionsContinue() {
        Deployment deployment;
        Pod pod;
        Service service;
        long revision;
        try (Opened first = open()) {
            deployment = first.store().create(DEPLOYMENTS, (Deployment) Codec.DEFAULT.decodeYaml(DEPLOYMENT).get(0), WriteOptions.DEFAULT);
            deployment = first.store().update(DEPLOYMENTS, deployment.withSpec(deployment.spec().withReplicas(5)), WriteOptions.DEFAULT);
            pod = first.store().create(PODS, Pod.of(ObjectMeta.named("default", "web-1"), deployment.spec().template().spec()), WriteOptions.DEFAULT);
            service = first.store().create(SERVICES, service("web"), WriteOptions.DEFAULT);
            revision = first.store().currentRevision();
        }

        try (Opened second = open()) {
            assertThat(second.store().get(DEPLOYMENTS, "default", "web")).contains(deployment);
            assertThat(deployment.metadata().generation()).isEqualTo(2);
            assertThat(deployment.spec().template().spec().containers().get(0).unknownFields()).containsKey("someFieldNobodyKnows");
            assertThat(second.store().get(PODS, "default", "web-1")).contains(pod);
            assertThat(second.store().get(SERVICES, "default", "web")).contains(service);
            assertThat(second.store().currentRevision()).isEqualTo(revision);

            Service other = second.store().create(SERVICES, service("other"), WriteOptions.DEFAULT);
            assertThat(Long.parseLong(other.metadata().resourceVersion())).isGreaterThan(revision);
            assertThat(other.spec().clusterIP()).as("the restored allocation of web is not handed out again")
                    .isNotEqualTo(service.spec().clusterIP());

            long beforeRestart = Long.parseLong(deployment.metadata().resourceVersion());
            assertThatThrownBy(() -> second.store().watch(DEPLOYMENTS, WatchOptions.from(beforeRestart), new RecordingListener<>()))
                    .isInstanceOf(GoneException.class).hasMessageContaining("too old resource version");
        }
    }
}
