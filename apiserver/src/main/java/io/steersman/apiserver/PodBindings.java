package io.steersman.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.steersman.api.model.ListMeta;
import io.steersman.api.model.Status;
import io.steersman.api.model.core.Pod;
import io.steersman.api.resource.ResourceType;
import io.steersman.core.store.Store;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST .../pods/<name>/binding} (or {@code .../namespaces/<ns>/bindings}, the pod named by the
 * body), as upstream's {@code BindingREST}: a {@code v1 Binding}
 * assigns the pod to the node it targets (what kube-scheduler and custom schedulers send). The store
 * sets {@code spec.nodeName} and PodScheduled, or answers Conflict when the pod is bound already or
 * being deleted; the answer is a {@code Status} Success with code 201.
 */
final class PodBindings {
    private final Store store;

    PodBindings(Store store) {
        this.store = store;
    }

    /** {@code podName} is null for the {@code bindings} collection: the body names the pod then. */
    @SuppressWarnings("unchecked")
    void create(Exchange ex, ResourceType<?> podType, String namespace, String podName) {
        ObjectNode binding = Bodies.objectTree(ex);
        String apiVersion = binding.path("apiVersion").asText("");
        String kind = binding.path("kind").asText("");
        if (!apiVersion.isEmpty() && !apiVersion.equals("v1") || !kind.isEmpty() && !kind.equals("Binding")) {
            throw Errors.badRequest("the body must be a v1 Binding, not " + (apiVersion + " " + kind).trim());
        }
        JsonNode metadata = binding.path("metadata");
        String name = metadata.path("name").asText("");
        if (podName == null) {
            if (name.isEmpty()) {
                throw Errors.badRequest("the Binding must name the pod in metadata.name");
            }
            podName = name;
        } else if (!name.isEmpty() && !name.equals(podName)) {
            throw Errors.badRequest("name in URL does not match name in Binding object");
        }
        String bindingNamespace = metadata.path("namespace").asText("");
        if (!bindingNamespace.isEmpty() && !bindingNamespace.equals(namespace)) {
            throw Errors.badRequest("the namespace of the object (" + bindingNamespace + ") does not match the namespace on the URL ("
                    + namespace + ")");
        }
        JsonNode target = binding.path("target");
        String targetKind = target.path("kind").asText("");
        if (!targetKind.isEmpty() && !targetKind.equals("Node")) {
            throw Errors.badRequest("the binding target must be a Node, not a " + targetKind);
        }
        String node = target.path("name").asText("");
        Map<String, String> annotations = new LinkedHashMap<>();
        metadata.path("annotations").fields().forEachRemaining(e -> annotations.put(e.getKey(), e.getValue().asText()));
        ResourceType<Pod> pods = (ResourceType<Pod>) podType;
        // The store's binding merges the annotations a change carries into the stored pod's (BindingREST).
        store.guaranteedUpdate(pods, namespace, podName, Store.Subresource.BINDING,
                current -> current.withMetadata(current.metadata().toBuilder().annotations(annotations).build())
                        .withSpec(current.spec().withNodeName(node)),
                RequestOptions.write(ex));
        ex.sendJson(201, Json.write(new Status("v1", "Status", new ListMeta(null, null, null), Status.SUCCESS, null, null, null, 201)));
    }
}
