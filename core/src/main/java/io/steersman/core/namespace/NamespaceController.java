package io.steersman.core.namespace;

import io.steersman.api.client.Client;
import io.steersman.api.client.ConflictException;
import io.steersman.api.client.DeleteOptions;
import io.steersman.api.client.DeleteOptions.PropagationPolicy;
import io.steersman.api.client.NotFoundException;
import io.steersman.api.controller.Result;
import io.steersman.api.model.ApiObject;
import io.steersman.api.model.Times;
import io.steersman.api.model.core.Namespace;
import io.steersman.api.model.core.NamespaceSpec;
import io.steersman.api.model.core.NamespaceStatus;
import io.steersman.api.resource.ResourceRegistry;
import io.steersman.api.resource.ResourceType;
import io.steersman.core.controller.KindReconciler;
import io.steersman.core.controller.ObjectRef;
import io.steersman.core.store.ListOptions;
import io.steersman.core.store.Store;
import io.steersman.core.store.WriteOptions;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The namespace controller, as upstream's ({@code pkg/controller/namespace}): a Namespace with a
 * deletionTimestamp (phase Terminating) has every namespaced object in it deleted, in the
 * background; once none is left, its {@code kubernetes} finalizer is removed from
 * {@code spec.finalizers} and it is deleted again, so the store removes it. While content remains,
 * the Namespace carries upstream's {@code NamespaceContentRemaining} condition naming what is left.
 * Reads the store, not the caches, so a cache a moment behind never finalizes a namespace early.
 * Thread-safe; idempotent.
 */
final class NamespaceController implements KindReconciler {

    static final String FINALIZER = "kubernetes";
    /** A safety net for content whose deletion no event reports (a finalizer no controller removes). */
    private static final Duration RECHECK = Duration.ofSeconds(5);

    private final Store store;
    private final ResourceRegistry registry;

    @Inject
    NamespaceController(Store store, ResourceRegistry registry) {
        this.store = store;
        this.registry = registry;
    }

    @Override
    public Result reconcile(ObjectRef ref, Client client) {
        if (!Namespace.KIND.equals(ref.type().kind()) || !ref.type().group().isEmpty()) {
            return Result.done();
        }
        ResourceType<Namespace> type = registry.forType(Namespace.class);
        Optional<Namespace> found = store.get(type, null, ref.name());
        if (found.isPresent() && !found.get().metadata().isBeingDeleted()) {
            return Result.done();
        }
        Map<String, Integer> remaining = deleteContent(ref.name());
        if (found.isEmpty()) {
            return Result.done();
        }
        Namespace namespace = found.get();
        if (!remaining.isEmpty()) {
            markTerminating(type, namespace, remaining);
            return Result.requeueAfter(RECHECK);
        }
        finalize(type, namespace);
        return Result.done();
    }

    /** Deletes what is left in the namespace; returns how many objects of each resource remain (being deleted or just deleted). */
    private Map<String, Integer> deleteContent(String namespace) {
        Map<String, Integer> remaining = new TreeMap<>();
        for (ResourceType<?> type : registry.all()) {
            if (!type.namespaced()) {
                continue;
            }
            List<? extends ApiObject> items = store.list(type, ListOptions.in(namespace)).items();
            for (ApiObject object : items) {
                remaining.merge(type.qualifiedPlural(), 1, Integer::sum);
                if (!object.metadata().isBeingDeleted()) {
                    try {
                        store.delete(type, namespace, object.name(),
                                new DeleteOptions(PropagationPolicy.Background, null, object.uid(), null), WriteOptions.DEFAULT);
                    } catch (NotFoundException | ConflictException gone) {
                        // Deleted meanwhile, or replaced: the next pass sees what is there now.
                    }
                }
            }
        }
        return remaining;
    }

    private void markTerminating(ResourceType<Namespace> type, Namespace namespace, Map<String, Integer> remaining) {
        List<String> parts = new ArrayList<>();
        remaining.forEach((resource, count) -> parts.add(resource + " has " + count + " resource instances"));
        Map<String, Object> condition = Map.of("type", "NamespaceContentRemaining", "status", "True",
                "reason", "SomeResourcesRemain", "message", "Some resources are remaining: " + String.join(", ", parts),
                "lastTransitionTime", Times.format(namespace.metadata().deletionTimestamp()));
        NamespaceStatus wanted = new NamespaceStatus(NamespaceStatus.TERMINATING, List.of(condition), namespace.status().unknownFields());
        if (wanted.equals(namespace.status())) {
            return;
        }
        try {
            store.guaranteedUpdate(type, null, namespace.name(), Store.Subresource.STATUS,
                    current -> sameNamespace(current, namespace) ? current.withStatus(wanted) : current, WriteOptions.DEFAULT);
        } catch (NotFoundException gone) {
            // Removed meanwhile.
        }
    }

    /** Upstream's finalizeNamespace then the final delete: the store removes a namespace without finalizers. */
    private void finalize(ResourceType<Namespace> type, Namespace namespace) {
        try {
            if (namespace.spec().finalizers().contains(FINALIZER)) {
                store.guaranteedUpdate(type, null, namespace.name(), Store.Subresource.MAIN, current -> {
                    if (!sameNamespace(current, namespace)) {
                        return current;
                    }
                    List<String> rest = new ArrayList<>(current.spec().finalizers());
                    rest.remove(FINALIZER);
                    return current.withSpec(new NamespaceSpec(rest, current.spec().unknownFields()));
                }, WriteOptions.DEFAULT);
            }
            store.delete(type, null, namespace.name(), DeleteOptions.ifUid(namespace.uid()), WriteOptions.DEFAULT);
        } catch (NotFoundException | ConflictException gone) {
            // Removed already (the store needs no second delete), or replaced by a new namespace.
        }
    }

    private static boolean sameNamespace(Namespace current, Namespace seen) {
        return current.uid() != null && current.uid().equals(seen.uid());
    }
}
