package io.steersman.api.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import io.steersman.api.model.IntOrString;
import io.steersman.api.model.LabelSelector;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.Quantity;
import io.steersman.api.model.apps.Deployment;
import io.steersman.api.model.apps.DeploymentSpec;
import io.steersman.api.model.apps.DeploymentStrategy;
import io.steersman.api.model.apps.ReplicaSet;
import io.steersman.api.model.apps.ReplicaSetSpec;
import io.steersman.api.model.apps.StatefulSet;
import io.steersman.api.model.apps.StatefulSetSpec;
import io.steersman.api.model.apps.StatefulSetUpdateStrategy;
import io.steersman.api.model.core.Container;
import io.steersman.api.model.core.ContainerPort;
import io.steersman.api.model.core.Namespace;
import io.steersman.api.model.core.HostPathVolumeSource;
import io.steersman.api.model.core.PersistentVolume;
import io.steersman.api.model.core.PersistentVolumeClaim;
import io.steersman.api.model.core.PersistentVolumeClaimSpec;
import io.steersman.api.model.core.PersistentVolumeSpec;
import io.steersman.api.model.core.Pod;
import io.steersman.api.model.core.PodSpec;
import io.steersman.api.model.core.PodTemplateSpec;
import io.steersman.api.model.core.Probe;
import io.steersman.api.model.core.ResourceRequirements;
import io.steersman.api.model.core.Service;
import io.steersman.api.model.core.ServicePort;
import io.steersman.api.model.core.ServiceSpec;
import io.steersman.api.model.core.Volume;
import io.steersman.api.model.storage.StorageClass;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Upstream's core/v1 and apps/v1 defaults. */
class DefaultsTest {

    private static PodTemplateSpec template() {
        return PodTemplateSpec.of(ObjectMeta.builder().labels(Map.of("app", "nginx")).build(),
                PodSpec.of(List.of(Container.of("nginx", "nginx:1.9.1").withPorts(List.of(ContainerPort.of(null, 80))))));
    }

    @Test
    void deploymentDefaults() {
        Deployment d = Defaults.deployment(Deployment.of(ObjectMeta.named("default", "web"),
                new DeploymentSpec(null, LabelSelector.matchLabels(Map.of("app", "nginx")), template(), null, null, null, null, null, null)));
        DeploymentSpec s = d.spec();
        assertThat(s.replicas()).isEqualTo(1);
        assertThat(s.strategy().type()).isEqualTo("RollingUpdate");
        assertThat(s.strategy().rollingUpdate().maxSurge()).isEqualTo(IntOrString.of("25%"));
        assertThat(s.strategy().rollingUpdate().maxUnavailable()).isEqualTo(IntOrString.of("25%"));
        assertThat(s.revisionHistoryLimit()).isEqualTo(10);
        assertThat(s.progressDeadlineSeconds()).isEqualTo(600);
        PodSpec pod = s.template().spec();
        assertThat(pod.restartPolicy()).isEqualTo("Always");
        assertThat(pod.terminationGracePeriodSeconds()).isEqualTo(30);
        assertThat(pod.dnsPolicy()).isEqualTo("ClusterFirst");
        assertThat(pod.schedulerName()).isEqualTo("default-scheduler");
        // untyped in the model, so defaulted in its unknown fields; enableServiceLinks is for Pods only
        assertThat(pod.unknownFields()).containsExactly(Map.entry("securityContext", Map.of()));
        Container c = pod.containers().get(0);
        assertThat(c.imagePullPolicy()).isEqualTo("IfNotPresent");
        assertThat(c.unknownFields()).containsEntry("terminationMessagePath", "/dev/termination-log")
                .containsEntry("terminationMessagePolicy", "File").hasSize(2);
        assertThat(c.ports().get(0).protocol()).isEqualTo("TCP");
    }

    @Test
    void untypedDefaultsAreMadeOnceForTheSameFieldsAndAreRightForOthers() {
        Map<String, Object> none = Map.of();
        Map<String, Object> first = PodDefaults.withDefault(none, "terminationMessagePolicy", "File");
        assertThat(PodDefaults.withDefault(none, "terminationMessagePolicy", "File")).isSameAs(first);
        assertThat(first).containsExactly(Map.entry("terminationMessagePolicy", "File"));
        assertThat(PodDefaults.withDefault(none, "terminationMessagePolicy", "FallbackToLogsOnError"))
                .containsExactly(Map.entry("terminationMessagePolicy", "FallbackToLogsOnError"));
        assertThat(PodDefaults.withDefault(none, "stdin", "File")).containsExactly(Map.entry("stdin", "File"));
        Map<String, Object> some = Map.of("tty", true);
        assertThat(PodDefaults.withDefault(some, "terminationMessagePolicy", "File"))
                .containsExactly(Map.entry("tty", true), Map.entry("terminationMessagePolicy", "File"));
        assertThat(PodDefaults.withDefault(first, "terminationMessagePolicy", "Other")).isSameAs(first);
    }

    @Test
    void setFieldsAreLeftAlone() {
        Deployment d = Defaults.deployment(Deployment.of(ObjectMeta.named("default", "web"),
                DeploymentSpec.of(0, null, template()).withStrategy(DeploymentStrategy.recreate()).withRevisionHistoryLimit(0)));
        assertThat(d.spec().replicas()).isZero();
        assertThat(d.spec().strategy().type()).isEqualTo("Recreate");
        assertThat(d.spec().strategy().rollingUpdate()).isNull();
        assertThat(d.spec().revisionHistoryLimit()).isZero();
        Deployment partial = Defaults.deployment(Deployment.of(ObjectMeta.named("default", "web"),
                DeploymentSpec.of(3, null, template()).withStrategy(new DeploymentStrategy(null,
                        new DeploymentStrategy.RollingUpdateDeployment(null, IntOrString.of(1), null), null))));
        assertThat(partial.spec().strategy().rollingUpdate().maxSurge()).isEqualTo(IntOrString.of(1));
        assertThat(partial.spec().strategy().rollingUpdate().maxUnavailable()).isEqualTo(IntOrString.of("25%"));
    }

    @Test
    void defaultingIsIdempotent() {
        Deployment once = Defaults.deployment(Deployment.of(ObjectMeta.named("default", "web"), DeploymentSpec.of(2, null, template())));
        assertThat(Defaults.deployment(once)).isEqualTo(once);
        StatefulSet set = Defaults.statefulSet(StatefulSet.of(ObjectMeta.named("default", "web"),
                StatefulSetSpec.of(2, null, "nginx", template(), List.of())));
        assertThat(Defaults.statefulSet(set)).isEqualTo(set);
        Pod pod = Defaults.pod(Pod.of(ObjectMeta.named("default", "p"), template().spec()));
        assertThat(Defaults.pod(pod)).isEqualTo(pod);
    }

    @Test
    void whatIsDefaultedAlreadyKeepsItsParts() {
        Pod pod = Defaults.pod(Pod.of(ObjectMeta.named("default", "p"), template().spec()));
        assertThat(Defaults.pod(pod)).isSameAs(pod);
        ReplicaSet rs = Defaults.replicaSet(ReplicaSet.of(ObjectMeta.named("default", "web-1"),
                new ReplicaSetSpec(2, null, null, template(), null)));
        assertThat(Defaults.replicaSet(rs).spec().template()).isSameAs(rs.spec().template());
    }

    @Test
    void aPodFromADefaultedTemplateSharesItsContainers() {
        PodSpec stored = Defaults.replicaSet(ReplicaSet.of(ObjectMeta.named("default", "web-1"),
                new ReplicaSetSpec(2, null, null, template(), null))).spec().template().spec();
        Pod first = Defaults.pod(Pod.of(ObjectMeta.named("default", "web-1-a"), stored));
        // Pods get enableServiceLinks, templates do not: a new spec, but the template's containers.
        assertThat(first.spec()).isNotSameAs(stored);
        assertThat(first.spec().containers()).isSameAs(stored.containers());
        assertThat(first.spec().unknownFields()).containsEntry("enableServiceLinks", true);
    }

    @Test
    void replicaSetDefaults() {
        ReplicaSet rs = Defaults.replicaSet(ReplicaSet.of(ObjectMeta.named("default", "web-1"),
                new ReplicaSetSpec(null, null, null, template(), null)));
        assertThat(rs.spec().replicas()).isEqualTo(1);
        assertThat(rs.spec().template().spec().restartPolicy()).isEqualTo("Always");
    }

    @Test
    void statefulSetDefaults() {
        PersistentVolumeClaim claim = PersistentVolumeClaim.of(ObjectMeta.builder().name("www").build(),
                new PersistentVolumeClaimSpec(List.of("ReadWriteOnce"), null,
                        ResourceRequirements.requests(Map.of("storage", new Quantity("1Gi"))), null, null, null, null, null, null));
        StatefulSet set = Defaults.statefulSet(StatefulSet.of(ObjectMeta.named("default", "web"),
                new StatefulSetSpec(null, null, template(), List.of(claim), "nginx", null, null, null, null, null, null, null)));
        StatefulSetSpec s = set.spec();
        assertThat(s.replicas()).isEqualTo(1);
        assertThat(s.podManagementPolicy()).isEqualTo("OrderedReady");
        assertThat(s.updateStrategy().type()).isEqualTo("RollingUpdate");
        assertThat(s.updateStrategy().rollingUpdate().partition()).isZero();
        assertThat(s.revisionHistoryLimit()).isEqualTo(10);
        assertThat(s.persistentVolumeClaimRetentionPolicy().whenDeleted()).isEqualTo("Retain");
        assertThat(s.persistentVolumeClaimRetentionPolicy().whenScaled()).isEqualTo("Retain");
        assertThat(s.volumeClaimTemplates().get(0).spec().volumeMode()).isEqualTo("Filesystem");
        assertThat(s.volumeClaimTemplates().get(0).status().phase()).isEqualTo("Pending");
    }

    @Test
    void anExplicitRollingUpdateWithoutParametersGetsNoPartition() {
        // as upstream: the rollingUpdate section is only created when the type itself was defaulted
        StatefulSet set = Defaults.statefulSet(StatefulSet.of(ObjectMeta.named("default", "web"),
                StatefulSetSpec.of(1, null, "nginx", template(), List.of())
                        .withUpdateStrategy(new StatefulSetUpdateStrategy("RollingUpdate", null, null))));
        assertThat(set.spec().updateStrategy().rollingUpdate()).isNull();
        StatefulSet onDelete = Defaults.statefulSet(StatefulSet.of(ObjectMeta.named("default", "web"),
                StatefulSetSpec.of(1, null, "nginx", template(), List.of())
                        .withUpdateStrategy(new StatefulSetUpdateStrategy("OnDelete", null, null))));
        assertThat(onDelete.spec().updateStrategy().rollingUpdate()).isNull();
    }

    record Pull(String image, String policy) {}

    static Stream<Pull> pullPolicies() {
        return Stream.of(new Pull("nginx", "Always"), new Pull("nginx:latest", "Always"), new Pull("nginx:1.9.1", "IfNotPresent"),
                new Pull("nginx@sha256:abcdef", "IfNotPresent"), new Pull("nginx:latest@sha256:abcdef", "Always"),
                new Pull("localhost:5000/nginx", "Always"), new Pull("localhost:5000/nginx:1.0", "IfNotPresent"),
                new Pull("registry.example.com/team/app:v2", "IfNotPresent"));
    }

    @ParameterizedTest
    @MethodSource("pullPolicies")
    void imagePullPolicyFollowsTheTag(Pull row) {
        assertThat(PodDefaults.pullPolicyFor(row.image())).isEqualTo(row.policy());
    }

    private static PodSpec withUnknown(PodSpec s, Map<String, Object> unknown) {
        return new PodSpec(s.volumes(), s.initContainers(), s.containers(), s.restartPolicy(), s.terminationGracePeriodSeconds(),
                s.dnsPolicy(), s.serviceAccountName(), s.nodeName(), s.hostname(), s.subdomain(), s.schedulerName(),
                s.readinessGates(), unknown);
    }

    @Test
    void podDefaults() {
        Probe probe = new Probe(Map.of("port", 80), null, null, null, null, null, null, null, null, null, null);
        Container c = Container.of("app", "app:1").withReadinessProbe(probe)
                .withResources(new ResourceRequirements(Map.of("cpu", new Quantity("1")), Map.of("memory", new Quantity("1Gi")), null));
        Pod pod = Defaults.pod(Pod.of(ObjectMeta.named("default", "p"), PodSpec.of(List.of(c)).withVolumes(List.of(
                new Volume("scratch", null, null, null, null, null, null)))));
        assertThat(pod.spec().unknownFields()).containsEntry("securityContext", Map.of()).containsEntry("enableServiceLinks", true);
        Pod explicit = Defaults.pod(Pod.of(ObjectMeta.named("default", "p"), withUnknown(PodSpec.of(List.of(c)), Map.of(
                "enableServiceLinks", false, "securityContext", Map.of("runAsUser", 1000)))));
        assertThat(explicit.spec().unknownFields()).containsEntry("securityContext", Map.of("runAsUser", 1000))
                .containsEntry("enableServiceLinks", false);
        Container defaulted = pod.spec().containers().get(0);
        assertThat(defaulted.resources().requests()).containsEntry("cpu", new Quantity("1")).containsEntry("memory", new Quantity("1Gi"));
        Probe p = defaulted.readinessProbe();
        assertThat(List.of(p.timeoutSeconds(), p.periodSeconds(), p.successThreshold(), p.failureThreshold())).containsExactly(1, 10, 1, 3);
        assertThat(p.httpGet()).containsEntry("path", "/").containsEntry("scheme", "HTTP").containsEntry("port", 80);
        assertThat(pod.spec().volumes().get(0).emptyDir()).isNotNull();
    }

    @Test
    void serviceDefaults() {
        Service svc = Defaults.service(new Service(Service.API_VERSION, Service.KIND, ObjectMeta.named("default", "web"),
                ServiceSpec.of(Map.of("app", "web"), List.of(new ServicePort("http", null, null, 80, null, null, null))), null, null));
        ServiceSpec s = svc.spec();
        assertThat(s.type()).isEqualTo("ClusterIP");
        assertThat(s.sessionAffinity()).isEqualTo("None");
        assertThat(s.ports().get(0).protocol()).isEqualTo("TCP");
        assertThat(s.ports().get(0).targetPort()).isEqualTo(IntOrString.of(80));
        assertThat(s.ipFamilyPolicy()).isEqualTo("SingleStack");
        assertThat(s.ipFamilies()).containsExactly("IPv4");
        assertThat(s.unknownFields()).containsExactly(Map.entry("internalTrafficPolicy", "Cluster"));
        assertThat(s.clusterIP()).isNull();
        Service named = Defaults.service(svc.withSpec(ServiceSpec.of(Map.of(), List.of(
                new ServicePort("http", "TCP", null, 80, IntOrString.of("web"), null, null)))));
        assertThat(named.spec().ports().get(0).targetPort()).isEqualTo(IntOrString.of("web"));
        Service headlessWithoutSelector = Defaults.service(svc.withSpec(ServiceSpec.of(Map.of(), List.of()).withClusterIP("None")));
        assertThat(headlessWithoutSelector.spec().ipFamilyPolicy()).as("left to the store's allocator").isNull();
        assertThat(headlessWithoutSelector.spec().ipFamilies()).isEmpty();
    }

    /** Service type, affinity and the untyped spec fields given, and what upstream's SetDefaults_Service adds to them. */
    record Traffic(String type, String affinity, Map<String, Object> given, Map<String, Object> defaulted) {}

    static Stream<Traffic> trafficPolicies() {
        Map<String, Object> clientIp = Map.of("clientIP", Map.of("timeoutSeconds", 10800));
        return Stream.of(
                new Traffic("ClusterIP", null, Map.of(), Map.of("internalTrafficPolicy", "Cluster")),
                new Traffic("ClusterIP", null, Map.of("externalIPs", List.of("1.2.3.4")),
                        Map.of("externalIPs", List.of("1.2.3.4"), "externalTrafficPolicy", "Cluster", "internalTrafficPolicy", "Cluster")),
                new Traffic("NodePort", null, Map.of(), Map.of("externalTrafficPolicy", "Cluster", "internalTrafficPolicy", "Cluster")),
                new Traffic("NodePort", null, Map.of("externalTrafficPolicy", "Local", "internalTrafficPolicy", "Local"),
                        Map.of("externalTrafficPolicy", "Local", "internalTrafficPolicy", "Local")),
                new Traffic("LoadBalancer", null, Map.of(), Map.of("externalTrafficPolicy", "Cluster", "internalTrafficPolicy", "Cluster",
                        "allocateLoadBalancerNodePorts", true)),
                new Traffic("ExternalName", null, Map.of(), Map.of()),
                new Traffic("ClusterIP", "ClientIP", Map.of(), Map.of("internalTrafficPolicy", "Cluster", "sessionAffinityConfig", clientIp)),
                new Traffic("ClusterIP", "None", Map.of("sessionAffinityConfig", clientIp), Map.of("internalTrafficPolicy", "Cluster")));
    }

    @ParameterizedTest
    @MethodSource("trafficPolicies")
    void serviceTrafficDefaultsAsUpstream(Traffic row) {
        ServiceSpec given = new ServiceSpec(row.type(), Map.of(), List.of(), null, null, null, null, row.affinity(), null,
                row.type().equals("ExternalName") ? "example.com" : null, row.given());
        Service svc = Defaults.service(new Service(Service.API_VERSION, Service.KIND, ObjectMeta.named("default", "web"), given, null, null));
        assertThat(svc.spec().unknownFields()).isEqualTo(row.defaulted());
        assertThat(Defaults.service(svc)).isEqualTo(svc);
    }

    @Test
    void storageDefaults() {
        PersistentVolumeClaim claim = Defaults.persistentVolumeClaim(PersistentVolumeClaim.of(ObjectMeta.named("default", "c"),
                PersistentVolumeClaimSpec.EMPTY));
        assertThat(claim.spec().volumeMode()).isEqualTo("Filesystem");
        assertThat(claim.status().phase()).isEqualTo("Pending");
        PersistentVolume pv = Defaults.persistentVolume(new PersistentVolume(PersistentVolume.API_VERSION, PersistentVolume.KIND,
                ObjectMeta.named(null, "pv"), PersistentVolumeSpec.EMPTY, null, null));
        assertThat(pv.spec().persistentVolumeReclaimPolicy()).isEqualTo("Retain");
        assertThat(pv.spec().volumeMode()).isEqualTo("Filesystem");
        assertThat(pv.status().phase()).isEqualTo("Pending");
        assertThat(pv.spec().hostPath()).isNull();
        assertThat(Defaults.persistentVolume(pv.withSpec(hostPathSpec(null))).spec().hostPath().type())
                .as("SetDefaults_HostPathVolumeSource").isEmpty();
        assertThat(Defaults.persistentVolume(pv.withSpec(hostPathSpec("DirectoryOrCreate"))).spec().hostPath().type())
                .isEqualTo("DirectoryOrCreate");
        StorageClass sc = Defaults.storageClass(StorageClass.of(ObjectMeta.named(null, "standard"), "steersman.io/hostpath"));
        assertThat(sc.reclaimPolicy()).isEqualTo("Delete");
        assertThat(sc.volumeBindingMode()).isEqualTo("Immediate");
    }

    @Test
    void namespaceDefaults() {
        Namespace ns = Defaults.namespace(Namespace.of(ObjectMeta.builder().name("team-a").build(), null));
        assertThat(ns.metadata().labels()).containsEntry("kubernetes.io/metadata.name", "team-a");
        assertThat(ns.status().phase()).isEqualTo("Active");
    }

    private static PersistentVolumeSpec hostPathSpec(String type) {
        return new PersistentVolumeSpec(null, null, null, null, "manual", null, null, new HostPathVolumeSource("/mnt/data", type, null),
                null, null, null, null, null);
    }
}
