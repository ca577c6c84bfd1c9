package io.steersman.core.node;

import io.steersman.api.client.Client;
import io.steersman.api.controller.ControllerPlugin;
import io.steersman.api.controller.ControllerSpec;
import io.steersman.api.controller.Request;
import io.steersman.api.model.core.Namespace;
import io.steersman.api.model.core.Node;
import io.steersman.api.model.core.PersistentVolumeClaim;
import io.steersman.api.model.core.PersistentVolumeClaims;
import io.steersman.api.model.core.Pod;
import io.steersman.api.resource.BuiltinResources;
import io.steersman.api.resource.ResourceType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The simulated node agent: a plugin like any other (found through
 * {@code META-INF/services/io.steersman.api.controller.ControllerPlugin}, and left out by a
 * control plane that replaces it). Three controllers:
 * <ul>
 *   <li>{@code node-registration} registers the nodes; it is woken by the namespaces every
 *       cluster has from its start, so the nodes exist before any pod does;</li>
 *   <li>{@code default-scheduler} binds unscheduled pods to nodes, and looks again at the pods
 *       still waiting whenever a node changes, or a claim one of their volumes names;</li>
 *   <li>{@code kubelet} runs the pods bound to the simulated nodes (and looks again at a pod not
 *       started yet when a claim it names changes).</li>
 * </ul>
 * See the package documentation for the settings and the pod annotations.
 */
public final class NodeAgentPlugin implements ControllerPlugin {

    @Override
    public String name() {
        return "node-agent";
    }

    /** The built-in kinds it works on, so it also runs beside a registry that lacks them. */
    @Override
    public List<ResourceType<?>> resourceTypes() {
        return List.of(BuiltinResources.NAMESPACES, BuiltinResources.NODES, BuiltinResources.PODS,
                BuiltinResources.PERSISTENT_VOLUME_CLAIMS, BuiltinResources.STORAGE_CLASSES);
    }

    @Override
    public List<ControllerSpec<?>> controllers() {
        return List.of(
                ControllerSpec.builder("node-registration", Node.class, NodeRegistration.class)
                        .watches(Namespace.class, NodeAgentPlugin::everyNode)
                        .build(),
                ControllerSpec.builder(Scheduler.NAME, Pod.class, Scheduler.class)
                        .watches(Node.class, NodeAgentPlugin::unscheduledPods)
                        .watches(PersistentVolumeClaim.class, NodeAgentPlugin::unscheduledPodsUsing)
                        .build(),
                ControllerSpec.builder(Kubelet.NAME, Pod.class, Kubelet.class)
                        .watches(PersistentVolumeClaim.class, NodeAgentPlugin::unstartedPodsUsing)
                        .workers(2)
                        .build());
    }

    /** The node count is a setting the registration reads, so a namespace wakes it with the key that means every node. */
    private static Collection<Request> everyNode(Namespace namespace, Client cache) {
        return List.of(NodeRegistration.EVERY_NODE);
    }

    private static Collection<Request> unscheduledPods(Node node, Client cache) {
        List<Request> requests = new ArrayList<>();
        for (Pod pod : cache.list(Pod.class, null)) {
            if (pod.spec().nodeName() == null) {
                requests.add(Request.of(pod));
            }
        }
        return requests;
    }

    /** The unscheduled pods whose volumes name the claim: its binding may let them be placed. */
    private static Collection<Request> unscheduledPodsUsing(PersistentVolumeClaim claim, Client cache) {
        return podsUsing(claim, cache, pod -> pod.spec().nodeName() == null);
    }

    /** The pods on a node, not started yet, whose volumes name the claim: its binding lets the kubelet start them. */
    private static Collection<Request> unstartedPodsUsing(PersistentVolumeClaim claim, Client cache) {
        return podsUsing(claim, cache, pod -> pod.spec().nodeName() != null && pod.status().startTime() == null);
    }

    private static Collection<Request> podsUsing(PersistentVolumeClaim claim, Client cache, java.util.function.Predicate<Pod> which) {
        List<Request> requests = new ArrayList<>();
        for (Pod pod : cache.list(Pod.class, claim.namespace())) {
            if (which.test(pod) && PersistentVolumeClaims.claimNames(pod).contains(claim.name())) {
                requests.add(Request.of(pod));
            }
        }
        return requests;
    }
}
