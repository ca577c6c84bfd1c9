package io.steersman.core.store;

import io.steersman.api.model.ApiObject;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.core.Pod;
import io.steersman.api.model.core.PodCondition;
import io.steersman.api.resource.FieldError;
import io.steersman.api.resource.ResourceType;
import io.steersman.api.validation.Names;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code pods/binding} subresource, as upstream's {@code BindingREST}: sets {@code spec.nodeName}
 * of a pod that has none, adds the binding's annotations, and sets the PodScheduled condition True
 * ({@code podutil.UpdatePodCondition}), straight to storage. The pod strategy's defaulting and
 * validation do not run: nothing else of the pod changes, so the stored pod stays valid.
 */
final class Binding {
    private Binding() {}

    /**
     * The pod {@code stored} bound as {@code requested} asks: to {@code requested.spec().nodeName()},
     * with {@code requested}'s annotations added.
     *
     * @throws io.steersman.api.client.ConflictException when the pod is being deleted or is bound already
     * @throws io.steersman.api.client.InvalidException when the node name is missing or not a DNS subdomain
     */
    static <T extends ApiObject> T apply(ResourceType<T> type, T stored, T requested, Instant now) {
        Pod pod = (Pod) stored;
        String target = ((Pod) requested).spec().nodeName();
        if (target == null || target.isEmpty()) {
            throw StatusErrors.invalid(type, pod.name(), List.of(FieldError.required("target.name", "")));
        }
        List<String> problems = Names.isDNS1123Subdomain(target);
        if (!problems.isEmpty()) {
            throw StatusErrors.invalid(type, pod.name(), List.of(FieldError.invalid("target.name", target, String.join("; ", problems))));
        }
        if (pod.metadata().isBeingDeleted()) {
            throw StatusErrors.conflict(type, pod.name(), "pod " + pod.name() + " is being deleted, cannot be assigned to a host");
        }
        String bound = pod.spec().nodeName();
        if (bound != null && !bound.isEmpty()) {
            throw StatusErrors.conflict(type, pod.name(), "pod " + pod.name() + " is already assigned to node \"" + bound + "\"");
        }
        ObjectMeta meta = pod.metadata();
        Map<String, String> annotations = requested.metadata().annotations();
        if (!annotations.isEmpty() && !meta.annotations().entrySet().containsAll(annotations.entrySet())) {
            Map<String, String> merged = new LinkedHashMap<>(meta.annotations());
            merged.putAll(annotations);
            meta = meta.toBuilder().annotations(merged).build();
        }
        Instant since = pod.status().condition(PodCondition.POD_SCHEDULED).filter(PodCondition::isTrue)
                .map(PodCondition::lastTransitionTime).orElse(now);
        PodCondition scheduled = new PodCondition(PodCondition.POD_SCHEDULED, "True", null, since, null, null, null);
        Pod next = pod.withMetadata(meta).withSpec(pod.spec().withNodeName(target)).withStatus(pod.status().withCondition(scheduled));
        return type.cast(next);
    }
}
