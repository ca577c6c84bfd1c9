package io.steersman.api.validation;

import static io.steersman.api.validation.Fixtures.printed;
import static org.assertj.core.api.Assertions.assertThat;

import io.steersman.api.defaults.Defaults;
import io.steersman.api.model.MicroTime;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.coordination.Lease;
import io.steersman.api.model.coordination.LeaseSpec;
import io.steersman.api.model.core.ConfigMap;
import io.steersman.api.model.core.Event;
import io.steersman.api.model.core.Namespace;
import io.steersman.api.model.core.NamespaceSpec;
import io.steersman.api.model.core.ObjectReference;
import io.steersman.api.model.core.Secret;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CoreValidationTest {

    @Test
    void namespacesAreDnsLabelsWithStandardOrQualifiedFinalizers() {
        Namespace ok = Defaults.namespace(Namespace.of(ObjectMeta.builder().name("team-a").build(), new NamespaceSpec(List.of("kubernetes"), null)));
        assertThat(CoreValidation.namespace(ok, null)).isEmpty();
        Namespace dotted = ok.withMetadata(ok.metadata().withName("team.a"));
        assertThat(printed(CoreValidation.namespace(dotted, null))).singleElement().asString()
                .startsWith("metadata.name: Invalid value: \"team.a\": a lowercase RFC 1123 label must consist of");
        Namespace custom = Namespace.of(ObjectMeta.builder().name("b").build(), new NamespaceSpec(List.of("cleanup", "example.com/cleanup"), null));
        assertThat(printed(CoreValidation.namespace(custom, null)))
                .containsExactly("spec.finalizers: Invalid value: \"cleanup\": name is neither a standard finalizer name nor is it fully qualified");
        Namespace namespaced = ok.withMetadata(ok.metadata().withNamespace("default"));
        assertThat(printed(CoreValidation.namespace(namespaced, null))).containsExactly("metadata.namespace: Forbidden: not allowed on this type");
    }

    @Test
    void configMapKeysAndSize() {
        ConfigMap ok = ConfigMap.of(ObjectMeta.named("default", "settings"), Map.of("app.properties", "a=b", "KEY_1", "x"));
        assertThat(CoreValidation.configMap(ok, null)).isEmpty();
        ConfigMap badKey = ConfigMap.of(ok.metadata(), Map.of("a b", "x", "..x", "y"));
        assertThat(printed(CoreValidation.configMap(badKey, null))).containsExactly(
                "data[..x]: Invalid value: \"..x\": must not start with '..'",
                "data[a b]: Invalid value: \"a b\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' "
                        + "(e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')");
        ConfigMap both = new ConfigMap(ConfigMap.API_VERSION, ConfigMap.KIND, ok.metadata(), Map.of("k", "v"), Map.of("k", "dg=="), null, null);
        assertThat(printed(CoreValidation.configMap(both, null))).containsExactly("data[k]: Invalid value: \"k\": duplicate of key present in binaryData");
        ConfigMap big = ConfigMap.of(ok.metadata(), Map.of("big", "x".repeat(CoreValidation.MAX_SECRET_SIZE + 1)));
        assertThat(printed(CoreValidation.configMap(big, null))).containsExactly(": Too long: may not be more than 1048576 bytes");
    }

    @Test
    void immutableConfigMapsStaySo() {
        ConfigMap frozen = new ConfigMap(ConfigMap.API_VERSION, ConfigMap.KIND, ObjectMeta.named("default", "c"), Map.of("k", "v"), null, true, null);
        ConfigMap changed = new ConfigMap(ConfigMap.API_VERSION, ConfigMap.KIND, frozen.metadata(), Map.of("k", "w"), null, false, null);
        assertThat(printed(CoreValidation.configMap(changed, frozen))).containsExactly(
                "immutable: Forbidden: field is immutable when `immutable` is set",
                "data: Forbidden: field is immutable when `immutable` is set");
    }

    @Test
    void secretsOfWellKnownTypesNeedTheirKeys() {
        Secret tls = Defaults.secret(Secret.of(ObjectMeta.named("default", "cert"), "kubernetes.io/tls", Map.of("tls.crt", "Y2VydA==")));
        assertThat(printed(CoreValidation.secret(tls, null))).containsExactly("data[tls.key]: Required value");
        Secret opaque = Defaults.secret(Secret.of(ObjectMeta.named("default", "s"), null, Map.of("password", "cGFzcw==")));
        assertThat(opaque.type()).isEqualTo("Opaque");
        assertThat(CoreValidation.secret(opaque, null)).isEmpty();
        Secret retyped = Secret.of(opaque.metadata(), "kubernetes.io/basic-auth", opaque.data());
        assertThat(printed(CoreValidation.secret(retyped, opaque)))
                .containsExactly("type: Invalid value: \"kubernetes.io/basic-auth\": field is immutable");
    }

    @Test
    void eventsMatchTheirInvolvedObjectsNamespace() {
        ObjectReference pod = new ObjectReference("v1", "Pod", "default", "web-0", "uid-1", null, null, null);
        Event event = Event.of(ObjectMeta.named("default", "web-0.1"), pod, Event.NORMAL, "Scheduled", "assigned", "default-scheduler",
                Instant.parse("2025-01-01T00:00:00Z"));
        assertThat(CoreValidation.event(event, null)).isEmpty();
        Event elsewhere = event.withMetadata(event.metadata().withNamespace("other"));
        assertThat(printed(CoreValidation.event(elsewhere, null)))
                .containsExactly("involvedObject.namespace: Invalid value: \"default\": does not match event.namespace");
    }

    @Test
    void newStyleEventsNameTheirReporter() {
        ObjectReference node = new ObjectReference("v1", "Node", null, "node-1", "uid-1", null, null, null);
        Event event = new Event(Event.API_VERSION, Event.KIND, ObjectMeta.named("default", "node-1.1"), node, null, "x", null, null, null,
                null, "Normal", MicroTime.of(Instant.parse("2025-01-01T00:00:00Z")), null, null, null, null, null, null);
        assertThat(printed(CoreValidation.event(event, null))).containsExactly(
                "reportingComponent: Required value",
                "reportingComponent: Invalid value: \"\": name part must be non-empty",
                "reportingComponent: Invalid value: \"\": name part must consist of alphanumeric characters, '-', '_' or '.', and must "
                        + "start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for "
                        + "validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
                "reportingInstance: Required value",
                "action: Required value",
                "reason: Required value");
    }

    @Test
    void leasesKeepUpstreamsWords() {
        Lease lease = Lease.of(ObjectMeta.named("kube-node-lease", "node-1"), new LeaseSpec("node-1", 0, null, null, -1, null));
        assertThat(printed(CoreValidation.lease(lease, null))).containsExactly(
                "spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0",
                "spec.leaseTransitions: Invalid value: -1: must to greater or equal than 0");
    }
}
