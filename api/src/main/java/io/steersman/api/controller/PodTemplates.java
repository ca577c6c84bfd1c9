package io.steersman.api.controller;

import io.steersman.api.model.ApiObject;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.OwnerReference;
import io.steersman.api.model.core.PodTemplateSpec;
import java.util.List;

/**
 * Pods made from a controller's pod template, as upstream's {@code GetPodFromTemplate}: every
 * controller that creates pods starts from the same metadata, so a pod carries its template's
 * labels, annotations and finalizers and names its owner as controller the same way whoever made
 * it. Pure; thread-safe.
 */
public final class PodTemplates {
    private PodTemplates() {}

    /**
     * The metadata of a new pod for {@code owner} from {@code template}: the owner's namespace, the
     * template's labels, annotations and finalizers, and a controller reference to {@code owner}
     * (which must have its uid). Nothing names the pod yet: the caller sets {@code name} (a
     * StatefulSet's ordinal name) or {@code generateName} (a ReplicaSet's {@code <rs>-}) and may add
     * labels. The builder is the caller's own.
     */
    public static ObjectMeta.Builder podMetadata(PodTemplateSpec template, ApiObject owner) {
        return ObjectMeta.builder()
                .namespace(owner.namespace())
                .labels(template.metadata().labels())
                .annotations(template.metadata().annotations())
                .finalizers(template.metadata().finalizers())
                .ownerReferences(List.of(OwnerReference.controllerOf(owner)));
    }
}
