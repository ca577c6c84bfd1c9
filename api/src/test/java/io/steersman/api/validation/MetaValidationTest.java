package io.steersman.api.validation;

import static io.steersman.api.validation.Fixtures.printed;
import static org.assertj.core.api.Assertions.assertThat;

import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.OwnerReference;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetaValidationTest {

    private static final FieldPath METADATA = FieldPath.of("metadata");

    private static List<String> create(ObjectMeta meta) {
        return printed(MetaValidation.objectMeta(meta, true, NameRule.DNS_SUBDOMAIN, METADATA));
    }

    @Test
    void aNameOrAGenerateNameIsRequired() {
        assertThat(create(ObjectMeta.builder().namespace("default").build()))
                .containsExactly("metadata.name: Required value: name or generateName is required");
        assertThat(create(ObjectMeta.builder().namespace("default").generateName("web-").build())).isEmpty();
        assertThat(create(ObjectMeta.builder().namespace("default").generateName("Web-").build())).singleElement().asString()
                .startsWith("metadata.generateName: Invalid value: \"Web-\": a lowercase RFC 1123 subdomain");
    }

    @Test
    void labelsAndAnnotationsFollowUpstreamRules() {
        ObjectMeta meta = ObjectMeta.builder().namespace("default").name("x")
                .labels(Map.of("invalid label", "spaces are not allowed")).build();
        assertThat(create(meta)).containsExactly(
                "metadata.labels: Invalid value: \"invalid label\": name part must consist of alphanumeric characters, '-', '_' or '.', "
                        + "and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used "
                        + "for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
                "metadata.labels: Invalid value: \"spaces are not allowed\": a valid label must be an empty string or consist of "
                        + "alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. "
                        + "'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')");
        ObjectMeta upper = ObjectMeta.builder().namespace("default").name("x").annotations(Map.of("Example.com/Note", "fine")).build();
        assertThat(create(upper)).isEmpty();
        ObjectMeta huge = ObjectMeta.builder().namespace("default").name("x").annotations(Map.of("a", "x".repeat(256 * 1024))).build();
        assertThat(create(huge)).containsExactly("metadata.annotations: Too long: may not be more than 262144 bytes");
    }

    @Test
    void labelAndAnnotationErrorsComeInKeyOrderWhateverTheMapsOrder() {
        Map<String, String> labels = new java.util.LinkedHashMap<>();
        labels.put("fine", "ok");
        labels.put("z z", "ok");
        labels.put("a/b/c", "ok");
        labels.put("m", "-bad");
        assertThat(create(ObjectMeta.builder().namespace("default").name("x").labels(labels).build()))
                .extracting(line -> line.split("\"")[1])
                .containsExactly("a/b/c", "-bad", "z z");
        Map<String, String> annotations = new java.util.LinkedHashMap<>();
        annotations.put("y y", "1");
        annotations.put("b b", "2");
        assertThat(create(ObjectMeta.builder().namespace("default").name("x").annotations(annotations).build()))
                .extracting(line -> line.split("\"")[1])
                .containsExactly("b b", "y y");
        assertThat(create(ObjectMeta.builder().namespace("default").name("x").labels(Map.of("app", "web", "example.com/tier", "a.b_c-d"))
                .annotations(Map.of("only", "one")).build())).isEmpty();
    }

    @Test
    void atMostOneOwnerIsTheController() {
        OwnerReference a = new OwnerReference("apps/v1", "ReplicaSet", "a", "uid-a", true, true, null);
        OwnerReference b = new OwnerReference("apps/v1", "ReplicaSet", "b", "uid-b", true, true, null);
        OwnerReference blank = new OwnerReference("", "", "", "", null, null, null);
        ObjectMeta meta = ObjectMeta.builder().namespace("default").name("x").ownerReferences(List.of(a, b, blank)).build();
        assertThat(create(meta)).containsExactly(
                "metadata.ownerReferences: Invalid value: []v1.OwnerReference{...}: Only one reference can have Controller set to "
                        + "true. Found \"true\" in references for ReplicaSet/a and ReplicaSet/b",
                "metadata.ownerReferences.apiVersion: Invalid value: \"\": version must not be empty",
                "metadata.ownerReferences.kind: Invalid value: \"\": kind must not be empty",
                "metadata.ownerReferences.name: Invalid value: \"\": name must not be empty",
                "metadata.ownerReferences.uid: Invalid value: \"\": uid must not be empty");
    }

    @Test
    void updatesKeepIdentityAndAddNoFinalizersWhileDeleting() {
        ObjectMeta old = ObjectMeta.builder().namespace("default").name("x").uid("u1").generation(3L)
                .deletionTimestamp(Instant.parse("2025-01-01T00:00:00Z")).finalizers(List.of("a.io/f")).build();
        ObjectMeta next = old.toBuilder().uid("u2").generation(2L).finalizers(List.of("a.io/f", "b.io/g")).build();
        assertThat(printed(MetaValidation.objectMetaUpdate(next, old, METADATA))).containsExactly(
                "metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers "
                        + "[]string{\"b.io/g\"}",
                "metadata.generation: Invalid value: 2: must not be decremented",
                "metadata.uid: Invalid value: \"u2\": field is immutable");
    }

    @Test
    void orphanAndForegroundCannotBothBeSet() {
        ObjectMeta meta = ObjectMeta.builder().namespace("default").name("x").finalizers(List.of("orphan", "foregroundDeletion")).build();
        assertThat(create(meta)).containsExactly("metadata.finalizers: Invalid value: []string{\"orphan\", \"foregroundDeletion\"}: "
                + "finalizer orphan and foregroundDeletion cannot be both set");
    }

    @Test
    void generateNamesMayEndWithADash() {
        assertThat(NameRule.DNS_SUBDOMAIN.validate("web-", true)).isEmpty();
        assertThat(NameRule.DNS_SUBDOMAIN.validate("web-", false)).isNotEmpty();
        assertThat(NameRule.PATH_SEGMENT.validate("..", false)).containsExactly("may not be '..'");
        assertThat(NameRule.PATH_SEGMENT.validate("a/b%c", false)).containsExactly("may not contain '/'", "may not contain '%'");
    }
}
