package io.steersman.api.validation;

import static io.steersman.api.validation.Fixtures.printed;
import static org.assertj.core.api.Assertions.assertThat;

import io.steersman.api.model.IntOrString;
import io.steersman.api.model.LabelSelector;
import io.steersman.api.model.LabelSelectorRequirement;
import io.steersman.api.model.apps.ControllerRevision;
import io.steersman.api.model.apps.Deployment;
import io.steersman.api.model.apps.DeploymentStrategy;
import io.steersman.api.model.apps.StatefulSet;
import io.steersman.api.model.apps.StatefulSetPersistentVolumeClaimRetentionPolicy;
import io.steersman.api.model.apps.StatefulSetSpec;
import io.steersman.api.model.apps.StatefulSetUpdateStrategy;
import io.steersman.api.model.core.Container;
import io.steersman.api.model.core.PodTemplateSpec;
import io.steersman.api.model.ObjectMeta;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Upstream's apps validation rules, each with the exact line kubectl prints. */
class AppsValidationTest {

    record DeploymentCase(String name, UnaryOperator<Deployment> change, List<String> errors) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Deployment withStrategy(Deployment d, DeploymentStrategy strategy) {
        return d.withSpec(d.spec().withStrategy(strategy));
    }

    private static Deployment withTemplate(Deployment d, UnaryOperator<PodTemplateSpec> change) {
        return d.withSpec(d.spec().withTemplate(change.apply(d.spec().template())));
    }

    private static Deployment withSelector(Deployment d, LabelSelector selector) {
        var s = d.spec();
        return d.withSpec(new io.steersman.api.model.apps.DeploymentSpec(s.replicas(), selector, s.template(), s.strategy(),
                s.minReadySeconds(), s.revisionHistoryLimit(), s.paused(), s.progressDeadlineSeconds(), s.unknownFields()));
    }

    static Stream<DeploymentCase> deployments() {
        String mismatch = "spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"nginx\"}: "
                + "`selector` does not match template `labels`";
        return Stream.of(
                new DeploymentCase("valid", d -> d, List.of()),
                new DeploymentCase("negative replicas", d -> d.withSpec(d.spec().withReplicas(-1)),
                        List.of("spec.replicas: Invalid value: -1: must be greater than or equal to 0")),
                new DeploymentCase("no selector", d -> withSelector(d, null),
                        List.of("spec.selector: Required value", mismatch)),
                new DeploymentCase("empty selector", d -> withSelector(d, new LabelSelector(null, null, null)),
                        List.of("spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), "
                                + "MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment")),
                new DeploymentCase("selector not matching the template", d -> withSelector(d, LabelSelector.matchLabels(Map.of("app", "web"))),
                        List.of(mismatch)),
                new DeploymentCase("bad selector operator", d -> withSelector(d, new LabelSelector(Map.of("app", "nginx"),
                        List.of(new LabelSelectorRequirement("tier", "Gt", List.of("1"), null)), null)),
                        List.of("spec.selector.matchExpressions[0].operator: Invalid value: \"Gt\": not a valid selector operator",
                                "spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{\"app\":\"nginx\"}, "
                                        + "MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:\"tier\", "
                                        + "Operator:\"Gt\", Values:[]string{\"1\"}}}}: invalid label selector")),
                new DeploymentCase("restartPolicy Never", d -> withTemplate(d, t -> t.withSpec(t.spec().withRestartPolicy("Never"))),
                        List.of("spec.template.spec.restartPolicy: Unsupported value: \"Never\": supported values: \"Always\"")),
                new DeploymentCase("activeDeadlineSeconds", d -> withTemplate(d, t -> t.withSpec(new io.steersman.api.model.core.PodSpec(
                        t.spec().volumes(), t.spec().initContainers(), t.spec().containers(), t.spec().restartPolicy(),
                        t.spec().terminationGracePeriodSeconds(), t.spec().dnsPolicy(), null, null, null, null, t.spec().schedulerName(), null,
                        Map.of("activeDeadlineSeconds", 30)))),
                        List.of("spec.template.spec.activeDeadlineSeconds: Invalid value: 30: activeDeadlineSeconds in ReplicaSet is not Supported")),
                new DeploymentCase("no image", d -> withTemplate(d, t -> t.withSpec(t.spec().withContainers(
                        List.of(t.spec().containers().get(0).withImage(null))))),
                        List.of("spec.template.spec.containers[0].image: Required value")),
                new DeploymentCase("Recreate with rollingUpdate", d -> withStrategy(d, new DeploymentStrategy("Recreate",
                        d.spec().strategy().rollingUpdate(), null)),
                        List.of("spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'")),
                new DeploymentCase("unknown strategy", d -> withStrategy(d, new DeploymentStrategy("Canary", null, null)),
                        List.of("spec.strategy: Unsupported value: \"Canary\": supported values: \"Recreate\", \"RollingUpdate\"")),
                new DeploymentCase("RollingUpdate without parameters", d -> withStrategy(d, new DeploymentStrategy("RollingUpdate", null, null)),
                        List.of("spec.strategy.rollingUpdate: Required value: this should be defaulted and never be nil")),
                new DeploymentCase("maxSurge and maxUnavailable both 0",
                        d -> withStrategy(d, DeploymentStrategy.rollingUpdate(IntOrString.of(0), IntOrString.of(0))),
                        List.of("spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}: "
                                + "may not be 0 when `maxSurge` is 0")),
                new DeploymentCase("0% and 0", d -> withStrategy(d, DeploymentStrategy.rollingUpdate(IntOrString.of(0), IntOrString.of("0%"))),
                        List.of("spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"0%\"}: "
                                + "may not be 0 when `maxSurge` is 0")),
                new DeploymentCase("maxUnavailable over 100%",
                        d -> withStrategy(d, DeploymentStrategy.rollingUpdate(IntOrString.of(1), IntOrString.of("110%"))),
                        List.of("spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, "
                                + "StrVal:\"110%\"}: must not be greater than 100%")),
                new DeploymentCase("maxSurge over 100% is fine",
                        d -> withStrategy(d, DeploymentStrategy.rollingUpdate(IntOrString.of("200%"), IntOrString.of(0))), List.of()),
                new DeploymentCase("maxSurge not a percent",
                        d -> withStrategy(d, DeploymentStrategy.rollingUpdate(IntOrString.of("abc"), IntOrString.of(1))),
                        List.of("spec.strategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"abc\"}: "
                                + "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', "
                                + "regex used for validation is '[0-9]+%')")),
                new DeploymentCase("negative maxSurge",
                        d -> withStrategy(d, DeploymentStrategy.rollingUpdate(IntOrString.of(-1), IntOrString.of(1))),
                        List.of("spec.strategy.rollingUpdate.maxSurge: Invalid value: -1: must be greater than or equal to 0")),
                new DeploymentCase("negative revisionHistoryLimit", d -> d.withSpec(d.spec().withRevisionHistoryLimit(-1)),
                        List.of("spec.revisionHistoryLimit: Invalid value: -1: must be greater than or equal to 0")),
                new DeploymentCase("zero revisionHistoryLimit is fine", d -> d.withSpec(d.spec().withRevisionHistoryLimit(0)), List.of()),
                new DeploymentCase("negative minReadySeconds", d -> d.withSpec(d.spec().withMinReadySeconds(-5)),
                        List.of("spec.minReadySeconds: Invalid value: -5: must be greater than or equal to 0")),
                new DeploymentCase("progress deadline not above minReadySeconds",
                        d -> d.withSpec(d.spec().withMinReadySeconds(10).withProgressDeadlineSeconds(10)),
                        List.of("spec.progressDeadlineSeconds: Invalid value: 10: must be greater than minReadySeconds")),
                new DeploymentCase("zero progress deadline", d -> d.withSpec(d.spec().withProgressDeadlineSeconds(0)),
                        List.of("spec.progressDeadlineSeconds: Invalid value: 0: must be greater than zero",
                                "spec.progressDeadlineSeconds: Invalid value: 0: must be greater than minReadySeconds")),
                new DeploymentCase("invalid name", d -> d.withMetadata(d.metadata().withName("Nginx")),
                        List.of("metadata.name: Invalid value: \"Nginx\": a lowercase RFC 1123 subdomain must consist of lower case "
                                + "alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. "
                                + "'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')")),
                new DeploymentCase("no namespace", d -> d.withMetadata(d.metadata().withNamespace(null)),
                        List.of("metadata.namespace: Required value")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deployments")
    void deploymentRules(DeploymentCase row) {
        Deployment changed = row.change().apply(Fixtures.nginxDeployment());
        assertThat(printed(AppsValidation.deployment(changed, null))).containsExactlyElementsOf(row.errors());
    }

    @Test
    void deploymentSelectorIsImmutable() {
        Deployment old = Fixtures.nginxDeployment();
        Deployment changed = withTemplate(withSelector(old, LabelSelector.matchLabels(Map.of("app", "web"))),
                t -> t.withMetadata(t.metadata().withLabels(Map.of("app", "web"))));
        assertThat(printed(AppsValidation.deployment(changed, old))).containsExactly(
                "spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{\"app\":\"web\"}, "
                        + "MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable");
        assertThat(AppsValidation.deployment(old.withSpec(old.spec().withReplicas(5)), old)).isEmpty();
    }

    @Test
    void replicaSetRulesMirrorTheDeploymentOnes() {
        Deployment d = Fixtures.nginxDeployment();
        var rs = io.steersman.api.defaults.Defaults.replicaSet(io.steersman.api.model.apps.ReplicaSet.of(
                ObjectMeta.named("default", "nginx-abc"),
                io.steersman.api.model.apps.ReplicaSetSpec.of(-1, new LabelSelector(null, null, null), d.spec().template())));
        assertThat(printed(AppsValidation.replicaSet(rs, null))).containsExactly(
                "spec.replicas: Invalid value: -1: must be greater than or equal to 0",
                "spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), "
                        + "MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment");
    }

    record StatefulSetCase(String name, UnaryOperator<StatefulSetSpec> change, List<String> errors) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static StatefulSetSpec spec(StatefulSetSpec s, String policy, StatefulSetUpdateStrategy strategy,
            StatefulSetPersistentVolumeClaimRetentionPolicy retention, String serviceName) {
        return new StatefulSetSpec(s.replicas(), s.selector(), s.template(), s.volumeClaimTemplates(), serviceName, policy, strategy,
                s.revisionHistoryLimit(), s.minReadySeconds(), retention, s.ordinals(), s.unknownFields());
    }

    static Stream<StatefulSetCase> statefulSets() {
        return Stream.of(
                new StatefulSetCase("valid", s -> s, List.of()),
                new StatefulSetCase("unknown podManagementPolicy",
                        s -> spec(s, "Sometimes", s.updateStrategy(), s.persistentVolumeClaimRetentionPolicy(), s.serviceName()),
                        List.of("spec.podManagementPolicy: Invalid value: \"Sometimes\": must be 'OrderedReady' or 'Parallel'")),
                new StatefulSetCase("OnDelete with rollingUpdate",
                        s -> spec(s, s.podManagementPolicy(), new StatefulSetUpdateStrategy("OnDelete", s.updateStrategy().rollingUpdate(), null),
                                s.persistentVolumeClaimRetentionPolicy(), s.serviceName()),
                        List.of("spec.updateStrategy.rollingUpdate: Invalid value: &apps.RollingUpdateStatefulSetStrategy{...}: "
                                + "only allowed for updateStrategy 'RollingUpdate'")),
                new StatefulSetCase("unknown update strategy",
                        s -> spec(s, s.podManagementPolicy(), new StatefulSetUpdateStrategy("Blue", null, null),
                                s.persistentVolumeClaimRetentionPolicy(), s.serviceName()),
                        List.of("spec.updateStrategy: Invalid value: \"Blue\": must be 'RollingUpdate' or 'OnDelete'")),
                new StatefulSetCase("negative partition",
                        s -> spec(s, s.podManagementPolicy(), StatefulSetUpdateStrategy.rollingUpdate(-1),
                                s.persistentVolumeClaimRetentionPolicy(), s.serviceName()),
                        List.of("spec.updateStrategy.rollingUpdate.partition: Invalid value: -1: must be greater than or equal to 0")),
                new StatefulSetCase("maxUnavailable 0",
                        s -> spec(s, s.podManagementPolicy(), new StatefulSetUpdateStrategy("RollingUpdate",
                                new StatefulSetUpdateStrategy.RollingUpdateStatefulSetStrategy(0, IntOrString.of(0), null), null),
                                s.persistentVolumeClaimRetentionPolicy(), s.serviceName()),
                        List.of("spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, "
                                + "StrVal:\"\"}: cannot be 0")),
                new StatefulSetCase("unknown retention policy",
                        s -> spec(s, s.podManagementPolicy(), s.updateStrategy(),
                                new StatefulSetPersistentVolumeClaimRetentionPolicy("Keep", "Retain", null), s.serviceName()),
                        List.of("spec.persistentVolumeClaimRetentionPolicy.whenDeleted: Unsupported value: \"Keep\": supported values: "
                                + "\"Retain\", \"Delete\"")),
                new StatefulSetCase("service name not a DNS-1035 label",
                        s -> spec(s, s.podManagementPolicy(), s.updateStrategy(), s.persistentVolumeClaimRetentionPolicy(), "1nginx"),
                        List.of("spec.serviceName: Invalid value: \"1nginx\": a DNS-1035 label must consist of lower case alphanumeric "
                                + "characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. "
                                + "'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')")),
                new StatefulSetCase("no service name is fine",
                        s -> spec(s, s.podManagementPolicy(), s.updateStrategy(), s.persistentVolumeClaimRetentionPolicy(), null),
                        List.of()),
                new StatefulSetCase("negative replicas", s -> s.withReplicas(-1),
                        List.of("spec.replicas: Invalid value: -1: must be greater than or equal to 0")),
                new StatefulSetCase("template labels not matching",
                        s -> s.withTemplate(s.template().withMetadata(ObjectMeta.builder().labels(Map.of("app", "web")).build())),
                        List.of("spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"web\"}: "
                                + "`selector` does not match template `labels`")),
                new StatefulSetCase("restartPolicy OnFailure",
                        s -> s.withTemplate(s.template().withSpec(s.template().spec().withRestartPolicy("OnFailure"))),
                        List.of("spec.template.spec.restartPolicy: Unsupported value: \"OnFailure\": supported values: \"Always\"")),
                new StatefulSetCase("pod spec is not validated, as upstream",
                        s -> s.withTemplate(s.template().withSpec(s.template().spec().withContainers(List.of(Container.of("Bad_Name", null))))),
                        List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statefulSets")
    void statefulSetRules(StatefulSetCase row) {
        StatefulSet web = Fixtures.webStatefulSet();
        StatefulSet changed = web.withSpec(row.change().apply(web.spec()));
        assertThat(printed(AppsValidation.statefulSet(changed, null))).containsExactlyElementsOf(row.errors());
    }

    @Test
    void statefulSetUpdatesMayChangeOnlySomeFields() {
        StatefulSet old = Fixtures.webStatefulSet();
        StatefulSetSpec s = old.spec();
        assertThat(AppsValidation.statefulSet(old.withSpec(s.withReplicas(5)), old)).isEmpty();
        assertThat(AppsValidation.statefulSet(old.withSpec(s.withUpdateStrategy(StatefulSetUpdateStrategy.rollingUpdate(1))), old)).isEmpty();
        StatefulSet renamed = old.withSpec(spec(s, s.podManagementPolicy(), s.updateStrategy(), s.persistentVolumeClaimRetentionPolicy(),
                "other"));
        assertThat(printed(AppsValidation.statefulSet(renamed, old))).containsExactly("spec: Forbidden: updates to statefulset spec for "
                + "fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', "
                + "'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden");
    }

    @Test
    void controllerRevisionsNeedDataAndKeepIt() {
        ControllerRevision rev = ControllerRevision.of(ObjectMeta.named("default", "web-5d8f"), Map.of("spec", Map.of()), 1);
        assertThat(AppsValidation.controllerRevision(rev, null)).isEmpty();
        assertThat(printed(AppsValidation.controllerRevision(rev.withRevision(-1), null)))
                .containsExactly("revision: Invalid value: -1: must be greater than or equal to 0");
        assertThat(printed(AppsValidation.controllerRevision(ControllerRevision.of(rev.metadata(), Map.of(), 1), null)))
                .containsExactly("data: Required value: data is mandatory");
        ControllerRevision changed = ControllerRevision.of(rev.metadata(), Map.of("spec", Map.of("x", 1)), 1);
        assertThat(printed(AppsValidation.controllerRevision(changed, rev))).containsExactly("data: Invalid value: runtime.RawExtension{...}: field is immutable");
    }
}
