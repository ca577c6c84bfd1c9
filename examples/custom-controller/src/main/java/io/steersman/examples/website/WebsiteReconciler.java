package io.steersman.examples.website;

import io.steersman.api.client.Client;
import io.steersman.api.controller.Context;
import io.steersman.api.controller.Reconciler;
import io.steersman.api.controller.Request;
import io.steersman.api.controller.Result;
import io.steersman.api.model.LabelSelector;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.OwnerReference;
import io.steersman.api.model.apps.Deployment;
import io.steersman.api.model.apps.DeploymentSpec;
import io.steersman.api.model.core.Container;
import io.steersman.api.model.core.PodSpec;
import io.steersman.api.model.core.PodTemplateSpec;
import io.steersman.api.model.core.Service;
import io.steersman.api.model.core.ServicePort;
import io.steersman.api.model.core.ServiceSpec;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps a Deployment and a Service named after each Website, both owned by it (so deleting the
 * Website deletes them), and reports the Deployment's available replicas in the Website's status.
 * Level-triggered: every pass compares what exists with what the Website asks for and fixes the
 * difference, whatever woke it.
 */
public final class WebsiteReconciler implements Reconciler<Website> {

    @Override
    public Result reconcile(Request request, Context<Website> context) {
        Optional<Website> found = context.primary();
        if (found.isEmpty() || found.get().metadata().isBeingDeleted()) {
            return Result.done(); // garbage collection removes what the Website owned
        }
        Website site = found.get();
        Client client = context.client();
        Deployment deployment = ensureDeployment(site, client);
        ensureService(site, client);

        Website.Status status = new Website.Status(deployment.status().availableReplicas(), site.metadata().generation());
        if (!status.equals(site.status())) {
            client.updateStatus(site.withStatus(status));
        }
        return Result.done();
    }

    private static Deployment ensureDeployment(Website site, Client client) {
        DeploymentSpec wanted = deploymentSpec(site);
        Optional<Deployment> current = client.get(Deployment.class, site.namespace(), site.name());
        if (current.isEmpty()) {
            return client.create(Deployment.of(ownedMeta(site), wanted));
        }
        DeploymentSpec actual = current.get().spec();
        String actualImage = actual.template().spec().containers().get(0).image();
        if (!Objects.equals(actual.replicas(), wanted.replicas()) || !site.spec().image().equals(actualImage)) {
            return client.update(current.get().withSpec(actual.withReplicas(wanted.replicas()).withTemplate(wanted.template())));
        }
        return current.get();
    }

    private static void ensureService(Website site, Client client) {
        if (client.get(Service.class, site.namespace(), site.name()).isEmpty()) {
            client.create(Service.of(ownedMeta(site), ServiceSpec.of(labels(site), List.of(ServicePort.of("http", 80)))));
        }
    }

    private static DeploymentSpec deploymentSpec(Website site) {
        PodTemplateSpec template = PodTemplateSpec.of(
                ObjectMeta.builder().labels(labels(site)).build(),
                PodSpec.of(List.of(Container.of("web", site.spec().image()))));
        return DeploymentSpec.of(site.spec().replicasOrDefault(), LabelSelector.matchLabels(labels(site)), template);
    }

    private static ObjectMeta ownedMeta(Website site) {
        return ObjectMeta.builder()
                .namespace(site.namespace())
                .name(site.name())
                .labels(labels(site))
                .ownerReferences(List.of(OwnerReference.controllerOf(site)))
                .build();
    }

    private static Map<String, String> labels(Website site) {
        return Map.of("app.kubernetes.io/name", "website", "app.kubernetes.io/instance", site.name());
    }
}
