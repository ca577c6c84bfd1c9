package io.steersman.controller.deployment;

import io.steersman.api.client.Client;
import io.steersman.api.client.PatchType;
import io.steersman.api.codec.Codec;
import io.steersman.api.model.IntOrString;
import io.steersman.api.model.LabelSelector;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.apps.Deployment;
import io.steersman.api.model.apps.DeploymentSpec;
import io.steersman.api.model.apps.DeploymentStrategy;
import io.steersman.api.model.apps.ReplicaSet;
import io.steersman.api.model.core.Container;
import io.steersman.api.model.core.Pod;
import io.steersman.api.model.core.PodSpec;
import io.steersman.api.model.core.PodTemplateSpec;
import io.steersman.api.resource.BuiltinResources;
import io.steersman.api.resource.ResourceRegistry;
import io.steersman.api.model.core.Namespace;
import io.steersman.core.store.Store;
import io.steersman.testing.ControlPlane;
import io.steersman.testing.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** The control plane the controller tests drive: deterministic settle, a manual clock. */
final class Cluster implements AutoCloseable {
    static final String NS = "default";
    /** The node agent's annotation for a readiness delay. */
    static final String READY_AFTER = "steersman.io/ready-after";
    final ControlPlane cp;
    final ManualClock clock;

    Cluster() {
        this(false);
    }

    /** {@code realTime}: worker threads and the system clock, as the launcher runs, instead of a manual clock. */
    Cluster(boolean realTime) {
        // Every plugin on the class path: this module's controllers and the core node agent.
        ControlPlane.Builder builder = ControlPlane.builder().setting("steersman.node.images", "app:*");
        cp = (realTime ? builder.systemClock() : builder.manualClock()).start();
        clock = realTime ? null : cp.manualClock();
        if (cp.get(Namespace.class, null, NS).isEmpty()) {
            cp.apply(Namespace.of(ObjectMeta.builder().name(NS).build(), null));
            cp.settle();
        }
    }

    Client client() {
        return cp.client();
    }

    Store store() {
        return cp.store();
    }

    void settle() {
        cp.settle();
    }

    void advance(Duration d) {
        cp.advance(d);
    }

    static Deployment deployment(String name, int replicas, String image, DeploymentStrategy strategy) {
        Map<String, String> labels = Map.of("app", name);
        PodTemplateSpec template = PodTemplateSpec.of(ObjectMeta.builder().labels(labels).build(),
                PodSpec.of(List.of(Container.of("main", image))));
        return Deployment.of(ObjectMeta.named(NS, name),
                DeploymentSpec.of(replicas, LabelSelector.matchLabels(labels), template).withStrategy(strategy));
    }

    static DeploymentStrategy rolling(int surge, int unavailable) {
        return DeploymentStrategy.rollingUpdate(IntOrString.of(surge), IntOrString.of(unavailable));
    }

    Deployment create(Deployment d) {
        Deployment created = client().create(d);
        settle();
        return created;
    }

    Deployment get(String name) {
        return client().get(Deployment.class, NS, name).orElseThrow();
    }

    /** Reads the Deployment from the store, changes it and writes it back. */
    Deployment update(String name, UnaryOperator<Deployment> change) {
        for (int attempt = 0; ; attempt++) {
            Deployment current = cp.store().get(BuiltinResources.DEPLOYMENTS, NS, name).orElseThrow();
            try {
                return client().update(change.apply(current));
            } catch (io.steersman.api.client.ConflictException e) {
                if (attempt > 5) throw e;
            }
        }
    }

    Deployment setImage(String name, String image) {
        return update(name, d -> d.withSpec(d.spec().withTemplate(d.spec().template().withSpec(
                d.spec().template().spec().withContainers(List.of(Container.of("main", image)))))));
    }

    /**
     * What {@code kubectl rollout undo} sends: the RS with the second-highest revision gives its
     * template (without pod-template-hash) and its annotations (the Deployment keeps the values of
     * the controller's own keys), as one JSON patch replacing /spec/template and /metadata/annotations.
     */
    Deployment undo(String name) {
        Deployment d = get(name);
        List<ReplicaSet> sets = replicaSets(name);
        long last = Revisions.lastRevision(sets.stream().map(rs -> rs.metadata().annotations()).toList());
        ReplicaSet target = sets.stream().filter(rs -> Long.valueOf(last).equals(Revisions.revision(rs.metadata().annotations())))
                .findFirst().orElseThrow(() -> new AssertionError("no rollout history found for deployment \"" + name + "\""));
        Map<String, String> annotations = Revisions.rolledBackAnnotations(d.metadata().annotations(), target.metadata().annotations());
        String patch = "[{\"op\":\"replace\",\"path\":\"/spec/template\",\"value\":"
                + Codec.DEFAULT.toJsonString(ReplicaSets.withoutHash(target.spec().template()))
                + "},{\"op\":\"replace\",\"path\":\"/metadata/annotations\",\"value\":"
                + Codec.DEFAULT.toJsonString(annotations) + "}]";
        return client().patch(Deployment.class, NS, name, PatchType.JSON, patch);
    }

    List<ReplicaSet> replicaSets(String name) {
        Deployment d = get(name);
        List<ReplicaSet> sets = new ArrayList<>(client().listControlledBy(ReplicaSet.class, d));
        sets.sort(Comparator.comparing((ReplicaSet rs) -> rs.metadata().creationTimestamp()).thenComparing(ReplicaSet::name));
        return sets;
    }

    /** The Deployment's ReplicaSet whose pods run {@code image}. */
    ReplicaSet replicaSet(String name, String image) {
        return replicaSets(name).stream().filter(rs -> image.equals(rs.spec().template().spec().containers().get(0).image()))
                .findFirst().orElseThrow(() -> new AssertionError("no ReplicaSet of " + name + " runs " + image));
    }

    List<Pod> pods(String name) {
        List<Pod> pods = new ArrayList<>();
        for (ReplicaSet rs : replicaSets(name)) {
            pods.addAll(client().listControlledBy(Pod.class, rs));
        }
        return pods;
    }

    /** Messages of the Events recorded about the named object with that reason. */
    List<String> events(String involvedName, String reason) {
        return client().list(io.steersman.api.model.core.Event.class, NS).stream()
                .filter(e -> involvedName.equals(e.involvedObject().name()) && reason.equals(e.reason()))
                .map(io.steersman.api.model.core.Event::message).toList();
    }

    @Override
    public void close() {
        cp.close();
    }
}
