package io.steersman.core.store;

import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.core.Namespace;
import io.steersman.api.model.core.NamespaceSpec;
import io.steersman.api.model.core.NamespaceStatus;
import io.steersman.api.resource.BuiltinResources;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The namespace strategy: a new namespace is Active, carries the {@code kubernetes} spec finalizer
 * and the {@code kubernetes.io/metadata.name} label. Deleting one whose spec finalizers remain marks
 * it Terminating with a deletionTimestamp; it is removed when the namespace controller has removed
 * the spec finalizers (and no metadata finalizer remains).
 *
 * <p>The namespaces {@code default}, {@code kube-system} and {@code kube-public} may not be deleted
 * (upstream's {@code NamespaceLifecycle} admission: 403 Forbidden).
 *
 * <p>Unlike upstream, {@code update} may change {@code spec.finalizers} (upstream takes them only
 * through the {@code finalize} subresource), because the controllers' client has no such call.
 */
final class NamespaceRules implements KindRules<Namespace> {
    static final String KUBERNETES_FINALIZER = "kubernetes";
    static final String NAME_LABEL = "kubernetes.io/metadata.name";
    /** {@code NamespaceLifecycle}'s immortal namespaces. */
    static final Set<String> IMMORTAL = Set.of("default", "kube-system", "kube-public");

    @Override
    public void admitDelete(String name) {
        if (IMMORTAL.contains(name)) {
            throw StatusErrors.forbidden(BuiltinResources.NAMESPACES, name, "this namespace may not be deleted");
        }
    }

    @Override
    public Namespace prepareForCreate(Namespace namespace) {
        List<String> finalizers = namespace.spec().finalizers();
        if (!finalizers.contains(KUBERNETES_FINALIZER)) {
            List<String> withKubernetes = new ArrayList<>(finalizers);
            withKubernetes.add(KUBERNETES_FINALIZER);
            namespace = namespace.withSpec(new NamespaceSpec(withKubernetes, namespace.spec().unknownFields()));
        }
        return labelled(namespace).withStatus(NamespaceStatus.of(NamespaceStatus.ACTIVE));
    }

    @Override
    public Namespace prepareForUpdate(Namespace namespace, Namespace old) {
        return labelled(namespace);
    }

    private static Namespace labelled(Namespace namespace) {
        ObjectMeta meta = namespace.metadata();
        if (meta.name().equals(meta.labels().get(NAME_LABEL))) {
            return namespace;
        }
        return namespace.withMetadata(meta.withLabel(NAME_LABEL, meta.name()));
    }

    @Override
    public Namespace markForDeletion(Namespace namespace, Instant now, List<String> finalizers) {
        ObjectMeta meta = namespace.metadata();
        if (meta.isBeingDeleted()) {
            // Terminating already: while the namespace controller is at work a delete changes
            // nothing; once it is done, the generic rules remove the namespace or wait for finalizers.
            return namespace.spec().finalizers().isEmpty() ? null : namespace;
        }
        if (namespace.spec().finalizers().isEmpty() && finalizers.isEmpty()) {
            return null;
        }
        ObjectMeta marked = meta.toBuilder().finalizers(finalizers).deletionGracePeriodSeconds(0L).deletionTimestamp(now).build();
        NamespaceStatus status = namespace.status();
        return namespace.withMetadata(marked)
                .withStatus(new NamespaceStatus(NamespaceStatus.TERMINATING, status.conditions(), status.unknownFields()));
    }

    @Override
    public boolean mayRemove(Namespace namespace) {
        return namespace.spec().finalizers().isEmpty();
    }

    @Override
    public boolean tracksGeneration() {
        return false;
    }
}
