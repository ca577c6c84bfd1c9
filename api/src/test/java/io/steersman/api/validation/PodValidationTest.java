package io.steersman.api.validation;

import static io.steersman.api.validation.Fixtures.printed;
import static org.assertj.core.api.Assertions.assertThat;

import io.steersman.api.defaults.Defaults;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.Quantity;
import io.steersman.api.model.core.Container;
import io.steersman.api.model.core.ContainerPort;
import io.steersman.api.model.core.EmptyDirVolumeSource;
import io.steersman.api.model.core.EnvVar;
import io.steersman.api.model.core.Pod;
import io.steersman.api.model.core.PodSpec;
import io.steersman.api.model.core.PodStatus;
import io.steersman.api.model.core.ResourceRequirements;
import io.steersman.api.model.core.Volume;
import io.steersman.api.model.core.VolumeMount;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Upstream's pod spec rules, each with the line kubectl prints. */
class PodValidationTest {

    record Case(String name, UnaryOperator<PodSpec> change, List<String> errors) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static PodSpec withContainer(PodSpec spec, UnaryOperator<Container> change) {
        return spec.withContainers(List.of(change.apply(spec.containers().get(0))));
    }

    private static Container nginx() {
        return Fixtures.pod().spec().containers().get(0);
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("valid", s -> s, List.of()),
                new Case("no containers", s -> s.withContainers(List.of()), List.of("spec.containers: Required value")),
                new Case("duplicate container names", s -> s.withContainers(List.of(nginx(), nginx())),
                        List.of("spec.containers[1].name: Duplicate value: \"nginx\"")),
                new Case("container name not a DNS label", s -> s.withContainers(List.of(defaulted(Container.of("Web_1", "nginx")))),
                        List.of("spec.containers[0].name: Invalid value: \"Web_1\": a lowercase RFC 1123 label must consist of lower case "
                                + "alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  "
                                + "or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')")),
                new Case("no image", s -> withContainer(s, c -> c.withImage("")), List.of("spec.containers[0].image: Required value")),
                new Case("port out of range", s -> withContainer(s, c -> c.withPorts(List.of(port("web", 70000)))),
                        List.of("spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive")),
                new Case("port missing", s -> withContainer(s, c -> c.withPorts(List.of(port("web", 0)))),
                        List.of("spec.containers[0].ports[0].containerPort: Required value")),
                new Case("unknown protocol", s -> withContainer(s, c -> c.withPorts(List.of(
                        new ContainerPort("web", 80, "HTTP", null, null, null)))),
                        List.of("spec.containers[0].ports[0].protocol: Unsupported value: \"HTTP\": supported values: \"SCTP\", \"TCP\", \"UDP\"")),
                new Case("duplicate port names", s -> withContainer(s, c -> c.withPorts(List.of(port("web", 80), port("web", 81)))),
                        List.of("spec.containers[0].ports[1].name: Duplicate value: \"web\"")),
                new Case("port name not an IANA name", s -> withContainer(s, c -> c.withPorts(List.of(port("8080", 80)))),
                        List.of("spec.containers[0].ports[0].name: Invalid value: \"8080\": must contain at least one letter (a-z)")),
                new Case("mount of a missing volume", s -> withContainer(s, c -> c.withVolumeMounts(List.of(VolumeMount.of("www", "/data")))),
                        List.of("spec.containers[0].volumeMounts[0].name: Not found: \"www\"")),
                new Case("mount of a declared volume", s -> withContainer(s.withVolumes(List.of(Volume.emptyDir("www"))),
                        c -> c.withVolumeMounts(List.of(VolumeMount.of("www", "/data")))), List.of()),
                new Case("two mounts at one path", s -> withContainer(s.withVolumes(List.of(Volume.emptyDir("a"), Volume.emptyDir("b"))),
                        c -> c.withVolumeMounts(List.of(VolumeMount.of("a", "/data"), VolumeMount.of("b", "/data")))),
                        List.of("spec.containers[0].volumeMounts[1].mountPath: Invalid value: \"/data\": must be unique")),
                new Case("duplicate volumes", s -> s.withVolumes(List.of(Volume.emptyDir("a"), Volume.emptyDir("a"))),
                        List.of("spec.volumes[1].name: Duplicate value: \"a\"")),
                new Case("volume with two sources", s -> s.withVolumes(List.of(new Volume("a", Volume.ofClaim("a", "claim").persistentVolumeClaim(),
                        EmptyDirVolumeSource.EMPTY, null, null, null, null))),
                        List.of("spec.volumes[0].persistentVolumeClaim: Forbidden: may not specify more than 1 volume type")),
                new Case("claim volume without a claim name", s -> s.withVolumes(List.of(Volume.ofClaim("a", ""))),
                        List.of("spec.volumes[0].persistentVolumeClaim.claimName: Required value")),
                new Case("env name with '='", s -> withContainer(s, c -> c.withEnv(List.of(EnvVar.of("A=B", "x")))),
                        List.of("spec.containers[0].env[0].name: Invalid value: \"A=B\": a valid environment variable name must consist "
                                + "only of printable ASCII characters other than '='")),
                new Case("request above limit", s -> withContainer(s, c -> c.withResources(new ResourceRequirements(
                        Map.of("cpu", new Quantity("500m")), Map.of("cpu", new Quantity("1")), null))),
                        List.of("spec.containers[0].resources.requests[cpu]: Invalid value: \"1\": must be less than or equal to cpu limit of 500m")),
                new Case("negative quantity", s -> withContainer(s, c -> c.withResources(ResourceRequirements.requests(
                        Map.of("memory", new Quantity("-1Gi"))))),
                        List.of("spec.containers[0].resources.requests[memory]: Invalid value: \"-1Gi\": must be greater than or equal to 0")),
                new Case("unknown restart policy", s -> s.withRestartPolicy("Sometimes"),
                        List.of("spec.restartPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", \"OnFailure\", \"Never\"")),
                new Case("hostname not a label", s -> s.withHostname("web.0", "nginx"),
                        List.of("spec.hostname: Invalid value: \"web.0\": a lowercase RFC 1123 label must consist of lower case alphanumeric "
                                + "characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', "
                                + "regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')")));
    }

    private static ContainerPort port(String name, int number) {
        return new ContainerPort(name, number, "TCP", null, null, null);
    }

    private static Container defaulted(Container c) {
        return Defaults.pod(Pod.of(ObjectMeta.EMPTY, PodSpec.of(List.of(c)))).spec().containers().get(0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void podSpecRules(Case row) {
        Pod pod = Fixtures.pod();
        Pod changed = new Pod(pod.apiVersion(), pod.kind(), pod.metadata(), row.change().apply(pod.spec()), null, null);
        assertThat(printed(PodValidation.pod(changed, null))).containsExactlyElementsOf(row.errors());
    }

    @Test
    void undefaultedPodsMissTheFieldsDefaultingSets() {
        Pod raw = Pod.of(ObjectMeta.named("default", "raw"), PodSpec.of(List.of(Container.of("nginx", "nginx"))));
        assertThat(printed(PodValidation.pod(raw, null))).containsExactly(
                "spec.containers[0].imagePullPolicy: Required value",
                "spec.restartPolicy: Required value",
                "spec.dnsPolicy: Required value");
    }

    @Test
    void aGivenTerminationMessagePolicyMustBeKnown() {
        Pod pod = Fixtures.pod();
        Container c = pod.spec().containers().get(0);
        Container odd = new Container(c.name(), c.image(), c.imagePullPolicy(), c.command(), c.args(), c.ports(), c.env(), c.resources(),
                c.volumeMounts(), null, null, null, Map.of("terminationMessagePolicy", "Sometimes"));
        Pod changed = withSpec(pod, s -> s.withContainers(List.of(odd)));
        assertThat(printed(PodValidation.pod(changed, null))).containsExactly("spec.containers[0].terminationMessagePolicy: Unsupported "
                + "value: \"Sometimes\": supported values: \"File\", \"FallbackToLogsOnError\"");
    }

    @Test
    void updatesMayChangeImagesAndAFirstNodeNameOnly() {
        Pod old = Fixtures.pod();
        Pod newImage = withSpec(old, s -> withContainer(s, c -> c.withImage("nginx:1.10")));
        assertThat(PodValidation.pod(newImage, old)).isEmpty();
        Pod scheduled = withSpec(old, s -> s.withNodeName("node-1"));
        assertThat(PodValidation.pod(scheduled, old)).isEmpty();
        Pod moved = withSpec(scheduled, s -> s.withNodeName("node-2"));
        assertThat(printed(PodValidation.pod(moved, scheduled))).singleElement().asString()
                .startsWith("spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`");
        Pod newPorts = withSpec(old, s -> withContainer(s, c -> c.withPorts(List.of(port("web", 81)))));
        assertThat(PodValidation.pod(newPorts, old)).hasSize(1);
    }

    @Test
    void aStatusWriteOverTheStoredSpecAndMetadataIsValid() {
        Pod stored = Fixtures.pod();
        Pod running = new Pod(stored.apiVersion(), stored.kind(), stored.metadata(), stored.spec(),
                PodStatus.EMPTY.withPhase(PodStatus.RUNNING), stored.unknownFields());
        assertThat(PodValidation.pod(running, stored)).isEmpty();
    }

    @Test
    void anUpdateWithARebuiltSpecIsValidatedEvenWhenItEqualsTheStoredOne() {
        Pod raw = Pod.of(ObjectMeta.named("default", "raw"), PodSpec.of(List.of(Container.of("nginx", "nginx"))));
        Pod copy = withSpec(raw, s -> new PodSpec(s.volumes(), s.initContainers(), s.containers(), s.restartPolicy(),
                s.terminationGracePeriodSeconds(), s.dnsPolicy(), s.serviceAccountName(), s.nodeName(), s.hostname(),
                s.subdomain(), s.schedulerName(), s.readinessGates(), s.unknownFields()));
        assertThat(copy.spec()).isEqualTo(raw.spec()).isNotSameAs(raw.spec());
        assertThat(printed(PodValidation.pod(copy, raw))).contains("spec.restartPolicy: Required value");
    }

    private static Pod withSpec(Pod pod, UnaryOperator<PodSpec> change) {
        return new Pod(pod.apiVersion(), pod.kind(), pod.metadata(), change.apply(pod.spec()), pod.status(), pod.unknownFields());
    }

    @Test
    void templateLabelsAreReportedAtTemplateLabels() {
        var template = Fixtures.nginxTemplate();
        var bad = template.withMetadata(ObjectMeta.builder().labels(Map.of("app", "-x")).build())
                .withSpec(Fixtures.pod().spec());
        assertThat(printed(PodValidation.podTemplateSpec(bad, FieldPath.of("spec", "template")))).singleElement().asString()
                .startsWith("spec.template.labels: Invalid value: \"-x\": a valid label must be an empty string");
    }
}
