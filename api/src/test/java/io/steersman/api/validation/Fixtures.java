package io.steersman.api.validation;

import io.steersman.api.defaults.Defaults;
import io.steersman.api.model.IntOrString;
import io.steersman.api.model.LabelSelector;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.Quantity;
import io.steersman.api.model.apps.Deployment;
import io.steersman.api.model.apps.DeploymentSpec;
import io.steersman.api.model.apps.DeploymentStrategy;
import io.steersman.api.model.apps.StatefulSet;
import io.steersman.api.model.apps.StatefulSetSpec;
import io.steersman.api.model.core.Container;
import io.steersman.api.model.core.ContainerPort;
import io.steersman.api.model.core.PersistentVolumeClaim;
import io.steersman.api.model.core.PersistentVolumeClaimSpec;
import io.steersman.api.model.core.Pod;
import io.steersman.api.model.core.PodSpec;
import io.steersman.api.model.core.PodTemplateSpec;
import io.steersman.api.model.core.ResourceRequirements;
import io.steersman.api.model.core.Service;
import io.steersman.api.model.core.ServicePort;
import io.steersman.api.model.core.ServiceSpec;
import io.steersman.api.model.core.VolumeMount;
import io.steersman.api.resource.FieldError;
import java.util.List;
import java.util.Map;

/** The manifests users bring first (issue 2), as objects, and helpers to read errors. */
final class Fixtures {
    private Fixtures() {}

    static final Map<String, String> APP_NGINX = Map.of("app", "nginx");

    static PodTemplateSpec nginxTemplate() {
        return PodTemplateSpec.of(ObjectMeta.builder().labels(APP_NGINX).build(),
                PodSpec.of(List.of(Container.of("nginx", "nginx:1.9.1").withPorts(List.of(ContainerPort.of(null, 80))))));
    }

    /** nginx-deployment: 3 replicas of nginx:1.9.1, selector app=nginx, RollingUpdate 1/1; defaulted. */
    static Deployment nginxDeployment() {
        DeploymentSpec spec = DeploymentSpec.of(3, LabelSelector.matchLabels(APP_NGINX), nginxTemplate())
                .withStrategy(DeploymentStrategy.rollingUpdate(IntOrString.of(1), IntOrString.of(1)));
        return Defaults.deployment(Deployment.of(ObjectMeta.named("default", "nginx-deployment"), spec));
    }

    /** The headless Service nginx: clusterIP None, port 80 named web, selector app=nginx; defaulted. */
    static Service nginxService() {
        ServiceSpec spec = ServiceSpec.of(APP_NGINX, List.of(ServicePort.of("web", 80))).withClusterIP(ServiceSpec.CLUSTER_IP_NONE);
        return Defaults.service(new Service(Service.API_VERSION, Service.KIND, ObjectMeta.named("default", "nginx"), spec, null, null));
    }

    /** The StatefulSet web: serviceName nginx, 2 replicas, a www claim template of 1Gi ReadWriteOnce mounted at /usr/share/nginx/html; defaulted. */
    static StatefulSet webStatefulSet() {
        Container nginx = Container.of("nginx", "nginx:1.9.1")
                .withPorts(List.of(ContainerPort.of("web", 80)))
                .withVolumeMounts(List.of(VolumeMount.of("www", "/usr/share/nginx/html")));
        PodTemplateSpec template = PodTemplateSpec.of(ObjectMeta.builder().labels(APP_NGINX).build(), PodSpec.of(List.of(nginx)));
        StatefulSetSpec spec = StatefulSetSpec.of(2, LabelSelector.matchLabels(APP_NGINX), "nginx", template, List.of(wwwClaim()));
        return Defaults.statefulSet(StatefulSet.of(ObjectMeta.named("default", "web"), spec));
    }

    static PersistentVolumeClaim wwwClaim() {
        PersistentVolumeClaimSpec spec = new PersistentVolumeClaimSpec(List.of("ReadWriteOnce"), null,
                ResourceRequirements.requests(Map.of("storage", new Quantity("1Gi"))), null, null, null, null, null, null);
        return PersistentVolumeClaim.of(ObjectMeta.builder().name("www").build(), spec);
    }

    static Pod pod() {
        return Defaults.pod(Pod.of(ObjectMeta.named("default", "web-0"),
                PodSpec.of(List.of(Container.of("nginx", "nginx:1.9.1").withPorts(List.of(ContainerPort.of("web", 80)))))));
    }

    /** The errors as kubectl prints them, {@code field: message}. */
    static List<String> printed(List<FieldError> errors) {
        return errors.stream().map(FieldError::toString).toList();
    }
}
