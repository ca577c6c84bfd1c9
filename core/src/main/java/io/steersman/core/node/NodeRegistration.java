package io.steersman.core.node;

import io.steersman.api.client.AlreadyExistsException;
import io.steersman.api.controller.Context;
import io.steersman.api.controller.Reconciler;
import io.steersman.api.controller.Request;
import io.steersman.api.controller.Result;
import io.steersman.api.model.core.Node;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Registers the simulated nodes, as a kubelet registers its Node on start: creates a missing one
 * (again, if someone deleted it) and sets its status to a healthy, Ready node once. A node's
 * conditions are written when it is registered and not refreshed afterwards (no heartbeats: a
 * simulated node never goes NotReady on its own).
 */
final class NodeRegistration implements Reconciler<Node> {
    /** Not a node name (names cannot hold '*'): the request to register every configured node. */
    static final Request EVERY_NODE = new Request(null, "*");

    private final SimulatedNodes nodes;

    @Inject
    NodeRegistration(SimulatedNodes nodes) {
        this.nodes = nodes;
    }

    @Override
    public Result reconcile(Request request, Context<Node> context) {
        if (EVERY_NODE.equals(request)) {
            for (String name : nodes.names()) {
                register(name, context.client().get(Node.class, null, name), context);
            }
        } else if (nodes.simulates(request.name())) {
            register(request.name(), context.primary(), context);
        }
        return Result.done();
    }

    private void register(String name, Optional<Node> current, Context<Node> context) {
        if (current.isEmpty()) {
            try {
                Node created = context.client().create(nodes.node(name, context.clock().now()));
                context.events().normal(created, "RegisteredNode", "Node %s event: Registered Node %s in Controller", name, name);
            } catch (AlreadyExistsException raced) {
                // Registered meanwhile; its status is checked when the cache has it.
            }
            return;
        }
        Node node = current.get();
        if (node.metadata().isBeingDeleted() || hasReadyCondition(node)) {
            return;
        }
        // Created without status (the store may drop status on create): write it now.
        context.client().updateStatus(node.withStatus(nodes.status(node.name(), context.clock().now())));
        context.events().normal(node, "NodeReady", "Node %s status is now: NodeReady", node.name());
    }

    private static boolean hasReadyCondition(Node node) {
        return node.status().conditions().stream().anyMatch(c -> "Ready".equals(c.get("type")));
    }
}
