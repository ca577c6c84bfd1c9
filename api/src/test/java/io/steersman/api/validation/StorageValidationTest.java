package io.steersman.api.validation;

import static io.steersman.api.validation.Fixtures.printed;
import static org.assertj.core.api.Assertions.assertThat;

import io.steersman.api.defaults.Defaults;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.Quantity;
import io.steersman.api.model.core.HostPathVolumeSource;
import io.steersman.api.model.core.PersistentVolume;
import io.steersman.api.model.core.PersistentVolumeClaim;
import io.steersman.api.model.core.PersistentVolumeClaimSpec;
import io.steersman.api.model.core.PersistentVolumeClaimStatus;
import io.steersman.api.model.core.PersistentVolumeSpec;
import io.steersman.api.model.core.ResourceRequirements;
import io.steersman.api.model.storage.StorageClass;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class StorageValidationTest {

    static PersistentVolumeClaim claim(List<String> modes, Map<String, Quantity> requests) {
        return Defaults.persistentVolumeClaim(PersistentVolumeClaim.of(ObjectMeta.named("default", "www-web-0"),
                new PersistentVolumeClaimSpec(modes, null, ResourceRequirements.requests(requests), null, null, null, null, null, null)));
    }

    record ClaimCase(String name, List<String> modes, Map<String, Quantity> requests, List<String> errors) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<ClaimCase> claims() {
        Map<String, Quantity> gi = Map.of("storage", new Quantity("1Gi"));
        return Stream.of(
                new ClaimCase("valid", List.of("ReadWriteOnce"), gi, List.of()),
                new ClaimCase("no access mode", List.of(), gi, List.of("spec.accessModes: Required value: at least 1 access mode is required")),
                new ClaimCase("unknown access mode", List.of("ReadWriteSometimes"), gi,
                        List.of("spec.accessModes: Unsupported value: \"ReadWriteSometimes\": supported values: \"ReadOnlyMany\", "
                                + "\"ReadWriteMany\", \"ReadWriteOnce\", \"ReadWriteOncePod\"")),
                new ClaimCase("ReadWriteOncePod with another mode", List.of("ReadWriteOncePod", "ReadOnlyMany"), gi,
                        List.of("spec.accessModes: Forbidden: may not use ReadWriteOncePod with other access modes")),
                new ClaimCase("no storage request", List.of("ReadWriteOnce"), Map.of(), List.of("spec.resources[storage]: Required value")),
                new ClaimCase("zero storage", List.of("ReadWriteOnce"), Map.of("storage", new Quantity("0")),
                        List.of("spec.resources[storage]: Invalid value: \"0\": must be greater than zero")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("claims")
    void claimRules(ClaimCase row) {
        assertThat(printed(StorageValidation.persistentVolumeClaim(claim(row.modes(), row.requests()), null)))
                .containsExactlyElementsOf(row.errors());
    }

    @Test
    void claimSpecIsImmutableButBindingAndExpansionAreAllowed() {
        PersistentVolumeClaim old = claim(List.of("ReadWriteOnce"), Map.of("storage", new Quantity("1Gi")));
        PersistentVolumeClaimSpec s = old.spec();
        PersistentVolumeClaim bound = new PersistentVolumeClaim(old.apiVersion(), old.kind(), old.metadata(),
                new PersistentVolumeClaimSpec(s.accessModes(), s.selector(), s.resources(), "pv-1", "standard", s.volumeMode(), null, null, null),
                new PersistentVolumeClaimStatus("Bound", null, null, null, null), null);
        assertThat(StorageValidation.persistentVolumeClaim(bound, old)).isEmpty();
        PersistentVolumeClaim expanded = new PersistentVolumeClaim(bound.apiVersion(), bound.kind(), bound.metadata(),
                new PersistentVolumeClaimSpec(s.accessModes(), s.selector(), ResourceRequirements.requests(Map.of("storage", new Quantity("2Gi"))),
                        "pv-1", "standard", s.volumeMode(), null, null, null), bound.status(), null);
        assertThat(StorageValidation.persistentVolumeClaim(expanded, bound)).isEmpty();
        assertThat(printed(StorageValidation.persistentVolumeClaim(bound, expanded)))
                .containsExactly("spec.resources.requests.storage: Forbidden: field can not be less than previous value");
        PersistentVolumeClaim rebound = new PersistentVolumeClaim(bound.apiVersion(), bound.kind(), bound.metadata(),
                new PersistentVolumeClaimSpec(s.accessModes(), s.selector(), s.resources(), "pv-2", "standard", s.volumeMode(), null, null, null),
                bound.status(), null);
        assertThat(printed(StorageValidation.persistentVolumeClaim(rebound, bound))).containsExactly("spec: Forbidden: spec is immutable "
                + "after creation except resources.requests and volumeAttributesClassName for bound claims");
    }

    static PersistentVolume volume(Map<String, Quantity> capacity, String policy, HostPathVolumeSource hostPath) {
        return Defaults.persistentVolume(new PersistentVolume(PersistentVolume.API_VERSION, PersistentVolume.KIND, ObjectMeta.named(null, "pv-1"),
                new PersistentVolumeSpec(capacity, List.of("ReadWriteOnce"), null, policy, null, null, null, hostPath, null, null, null, null, null),
                null, null));
    }

    @Test
    void volumeRules() {
        HostPathVolumeSource data = new HostPathVolumeSource("/data", null, null);
        Map<String, Quantity> gi = Map.of("storage", new Quantity("1Gi"));
        assertThat(StorageValidation.persistentVolume(volume(gi, null, data), null)).isEmpty();
        assertThat(printed(StorageValidation.persistentVolume(volume(gi, "Keep", data), null))).containsExactly(
                "spec.persistentVolumeReclaimPolicy: Unsupported value: \"Keep\": supported values: \"Delete\", \"Recycle\", \"Retain\"");
        assertThat(printed(StorageValidation.persistentVolume(volume(gi, null, null), null)))
                .containsExactly("spec: Required value: must specify a volume type");
        assertThat(printed(StorageValidation.persistentVolume(volume(Map.of(), null, data), null))).containsExactly(
                "spec.capacity: Required value", "spec.capacity: Unsupported value: core.ResourceList{}: supported values: \"storage\"");
        assertThat(printed(StorageValidation.persistentVolume(volume(gi, "Recycle", new HostPathVolumeSource("/", null, null)), null)))
                .containsExactly("spec.persistentVolumeReclaimPolicy: Forbidden: may not be 'recycle' for a hostPath mount of '/'");
        PersistentVolume old = volume(gi, null, data);
        assertThat(printed(StorageValidation.persistentVolume(volume(gi, null, new HostPathVolumeSource("/other", null, null)), old)))
                .containsExactly("spec.persistentvolumesource: Forbidden: spec.persistentvolumesource is immutable after creation");
    }

    @Test
    void volumesAreClusterScoped() {
        PersistentVolume pv = volume(Map.of("storage", new Quantity("1Gi")), null, new HostPathVolumeSource("/data", null, null));
        PersistentVolume namespaced = pv.withMetadata(pv.metadata().withNamespace("default"));
        assertThat(printed(StorageValidation.persistentVolume(namespaced, null))).containsExactly("metadata.namespace: Forbidden: not allowed on this type");
    }

    @Test
    void storageClassRules() {
        StorageClass sc = Defaults.storageClass(StorageClass.of(ObjectMeta.named(null, "standard"), "steersman.io/hostpath"));
        assertThat(StorageValidation.storageClass(sc, null)).isEmpty();
        StorageClass bad = new StorageClass(sc.apiVersion(), sc.kind(), sc.metadata(), "", null, "Recycle", null, null, "Later", null, null);
        assertThat(printed(StorageValidation.storageClass(bad, null))).containsExactly(
                "provisioner: Required value",
                "reclaimPolicy: Unsupported value: \"Recycle\": supported values: \"Delete\", \"Retain\"",
                "volumeBindingMode: Unsupported value: \"Later\": supported values: \"Immediate\", \"WaitForFirstConsumer\"");
        StorageClass changed = new StorageClass(sc.apiVersion(), sc.kind(), sc.metadata(), "other.io/x", Map.of("a", "b"), "Retain", null,
                null, "WaitForFirstConsumer", null, null);
        assertThat(printed(StorageValidation.storageClass(changed, sc))).containsExactly(
                "parameters: Forbidden: updates to parameters are forbidden.",
                "provisioner: Forbidden: updates to provisioner are forbidden.",
                "reclaimPolicy: Forbidden: updates to reclaimPolicy are forbidden.",
                "volumeBindingMode: Invalid value: \"WaitForFirstConsumer\": field is immutable");
    }
}
