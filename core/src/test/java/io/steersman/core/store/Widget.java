package io.steersman.core.store;

import io.steersman.api.model.HasSpec;
import io.steersman.api.model.HasStatus;
import io.steersman.api.model.ObjectMeta;

/** A test kind with a spec and a status subresource, shaped like a Deployment. */
record Widget(String apiVersion, String kind, ObjectMeta metadata, Spec spec, Status status)
        implements HasSpec<Widget.Spec>, HasStatus<Widget.Status> {

    record Spec(int replicas, String image) {}

    record Status(int readyReplicas) {}

    static Widget of(String namespace, String name, int replicas) {
        return new Widget("example.com/v1", "Widget", ObjectMeta.named(namespace, name), new Spec(replicas, "nginx"), null);
    }

    @Override
    public Widget withMetadata(ObjectMeta metadata) {
        return new Widget(apiVersion, kind, metadata, spec, status);
    }

    @Override
    public Widget withStatus(Status status) {
        return new Widget(apiVersion, kind, metadata, spec, status);
    }

    Widget withSpec(Spec spec) {
        return new Widget(apiVersion, kind, metadata, spec, status);
    }

    Widget withReplicas(int replicas) {
        return withSpec(new Spec(replicas, spec.image()));
    }
}
