package io.steersman.core.node;

import io.steersman.api.client.DeleteOptions;
import io.steersman.api.client.NotFoundException;
import io.steersman.api.controller.Context;
import io.steersman.api.controller.EventRecorder;
import io.steersman.api.controller.Reconciler;
import io.steersman.api.controller.Request;
import io.steersman.api.controller.Result;
import io.steersman.api.model.core.Node;
import io.steersman.api.model.core.Pod;
import io.steersman.api.model.core.PodCondition;
import io.steersman.api.model.core.PodStatus;
import io.steersman.api.resource.ResourceRegistry;
import io.steersman.api.resource.ResourceType;
import io.steersman.core.store.Store;
import io.steersman.core.store.WriteOptions;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Binds each unscheduled pod (no {@code spec.nodeName}, scheduler {@code default-scheduler} or
 * none), through the pods/binding subresource, to a Ready, schedulable node whose labels match the pod's {@code nodeSelector}, round-robin
 * over the candidates. With no candidate the pod stays Pending with PodScheduled False
 * ({@code Unschedulable}) and a FailedScheduling event, as upstream reports it, until a node
 * changes. A pod whose claims are not all bound waits for them ({@link VolumeBinding}), woken by
 * the claims' changes; a WaitForFirstConsumer claim gets the chosen node as its selected-node, and
 * the pod goes there once it is bound. Resources, affinity and taints are not considered. Its events go through a recorder
 * limited as kube-scheduler's events client is ({@link SchedulerEvents}).
 */
final class Scheduler implements Reconciler<Pod> {
    static final String NAME = "default-scheduler";

    private final SimulatedNodes nodes;
    private final Store store;
    private final ResourceType<Pod> pods;
    private final SchedulerEvents events;

    @Inject
    Scheduler(SimulatedNodes nodes, Store store, ResourceRegistry registry, SchedulerEvents events) {
        this.nodes = nodes;
        this.store = store;
        this.pods = registry.forType(Pod.class);
        this.events = events;
    }

    @Override
    public Result reconcile(Request request, Context<Pod> context) {
        schedule(context, events.forSource(SchedulerEvents.SOURCE, context));
        return events.drain(request, context.clock().now());
    }

    private void schedule(Context<Pod> context, EventRecorder recorder) {
        Optional<Pod> found = context.primary();
        if (found.isEmpty() || found.get().spec().nodeName() != null) {
            return;
        }
        Pod pod = found.get();
        String schedulerName = pod.spec().schedulerName();
        if (schedulerName != null && !NAME.equals(schedulerName)) {
            return;
        }
        if (pod.metadata().isBeingDeleted()) {
            // No kubelet runs it, so nothing waits for it to stop: it goes at once, as upstream's apiserver does.
            try {
                context.client().delete(Pod.class, pod.namespace(), pod.name(), new DeleteOptions(null, 0L, pod.uid(), null));
            } catch (NotFoundException gone) {
                // Gone already.
            }
            return;
        }
        List<Node> all = context.client().list(Node.class, null);
        VolumeBinding.Verdict volumes = VolumeBinding.check(pod, context.client());
        if (volumes instanceof VolumeBinding.Unschedulable unschedulable && !all.isEmpty()) {
            unschedulable(pod, nodesAvailable(all.size(), unschedulable.reason() + "."), context, recorder);
            return;
        }
        List<String> candidates = new ArrayList<>();
        for (Node node : all) {
            if (isReady(node) && !Boolean.TRUE.equals(node.spec().unschedulable()) && matches(pod, node)) {
                candidates.add(node.name());
            }
        }
        if (candidates.isEmpty()) {
            unschedulable(pod, all.isEmpty() ? "no nodes available to schedule pods"
                    : nodesAvailable(all.size(), all.size() + " node(s) didn't match Pod's node affinity/selector."), context, recorder);
            return;
        }
        candidates.sort(Comparator.naturalOrder());
        String node = candidates.contains(volumes.selectedNode()) ? volumes.selectedNode() : nodes.pick(candidates);
        if (volumes instanceof VolumeBinding.Wait wait) {
            VolumeBinding.selectNode(wait.unselected(), node, context.client());
            return; // the claims' binding wakes the pod again
        }
        Pod bound = bind(pod, node);
        if (bound != null) {
            recorder.normal(bound, "Scheduled", "Successfully assigned %s/%s to %s", pod.namespace(), pod.name(), node);
        }
    }

    /**
     * Binds through the pods/binding subresource, as kube-scheduler does: one write that changes
     * nothing but the node name and PodScheduled. Null when the pod was replaced or bound meanwhile.
     */
    private Pod bind(Pod pod, String node) {
        boolean[] bound = {false};
        Pod written = store.guaranteedUpdate(pods, pod.namespace(), pod.name(), Store.Subresource.BINDING, current -> {
            bound[0] = false; // a retry after a lost race decides afresh
            if (!current.uid().equals(pod.uid()) || current.spec().nodeName() != null) {
                return null;
            }
            bound[0] = true;
            return current.withSpec(current.spec().withNodeName(node));
        }, WriteOptions.DEFAULT);
        return bound[0] ? written : null;
    }

    /**
     * Upstream's FitError text when every node rejected the pod for a reason preemption cannot fix:
     * {@code 0/1 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption:
     * 0/1 nodes are available: 1 Preemption is not helpful for scheduling.}
     */
    private static String nodesAvailable(int nodeCount, String reasons) {
        return "0/" + nodeCount + " nodes are available: " + reasons
                + " preemption: 0/" + nodeCount + " nodes are available: " + nodeCount + " Preemption is not helpful for scheduling.";
    }

    private static void unschedulable(Pod pod, String message, Context<Pod> context, EventRecorder recorder) {
        Optional<PodCondition> current = pod.status().condition(PodCondition.POD_SCHEDULED);
        if (current.isPresent() && "False".equals(current.get().status()) && message.equals(current.get().message())) {
            return;
        }
        PodCondition condition = new PodCondition(PodCondition.POD_SCHEDULED, "False", null, context.clock().now(),
                "Unschedulable", message, null);
        PodStatus status = pod.status().withCondition(condition);
        if (status.phase() == null) {
            status = status.withPhase(PodStatus.PENDING);
        }
        context.client().updateStatus(pod.withStatus(status));
        recorder.warning(pod, "FailedScheduling", "%s", message);
    }

    private static boolean isReady(Node node) {
        return node.status().conditions().stream()
                .anyMatch(c -> "Ready".equals(c.get("type")) && "True".equals(c.get("status")));
    }

    private static boolean matches(Pod pod, Node node) {
        if (!(pod.spec().unknownFields().get("nodeSelector") instanceof Map<?, ?> selector)) {
            return true;
        }
        for (Map.Entry<?, ?> term : selector.entrySet()) {
            if (!String.valueOf(term.getValue()).equals(node.metadata().labels().get(String.valueOf(term.getKey())))) {
                return false;
            }
        }
        return true;
    }
}
