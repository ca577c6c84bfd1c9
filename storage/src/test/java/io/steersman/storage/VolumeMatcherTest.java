package io.steersman.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.steersman.api.model.LabelSelector;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.Quantity;
import io.steersman.api.model.core.HostPathVolumeSource;
import io.steersman.api.model.core.ObjectReference;
import io.steersman.api.model.core.PersistentVolume;
import io.steersman.api.model.core.PersistentVolumeClaim;
import io.steersman.api.model.core.PersistentVolumeClaimSpec;
import io.steersman.api.model.core.PersistentVolumeSpec;
import io.steersman.api.model.core.PersistentVolumeStatus;
import io.steersman.api.model.core.ResourceRequirements;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** findBestMatchForClaim and checkVolumeSatisfyClaim as tables, with upstream's cases (index_test.go). */
class VolumeMatcherTest {

    /** A volume as the table writes it. */
    record V(String name, String size, List<String> modes, String storageClass, String phase, String claimName, String claimUid,
            Map<String, String> labels, String volumeMode) {
        static V of(String name, String size, String... modes) {
            return new V(name, size, List.of(modes), null, "Available", null, null, Map.of(), null);
        }

        V withClass(String c) { return new V(name, size, modes, c, phase, claimName, claimUid, labels, volumeMode); }
        V withPhase(String p) { return new V(name, size, modes, storageClass, p, claimName, claimUid, labels, volumeMode); }
        V claimedBy(String n, String uid) { return new V(name, size, modes, storageClass, phase, n, uid, labels, volumeMode); }
        V labelled(Map<String, String> l) { return new V(name, size, modes, storageClass, phase, claimName, claimUid, l, volumeMode); }
        V block() { return new V(name, size, modes, storageClass, phase, claimName, claimUid, labels, "Block"); }

        PersistentVolume toVolume() {
            ObjectReference ref = claimName == null ? null : new ObjectReference("v1", "PersistentVolumeClaim", "default", claimName, claimUid,
                    null, null, null);
            PersistentVolumeSpec spec = new PersistentVolumeSpec(Map.of("storage", new Quantity(size)), modes, ref, "Retain", storageClass,
                    null, volumeMode, new HostPathVolumeSource("/tmp/" + name, null, null), null, null, null, null, null);
            return PersistentVolume.of(ObjectMeta.builder().name(name).labels(labels).build(), spec)
                    .withStatus(PersistentVolumeStatus.of(phase));
        }
    }

    static PersistentVolumeClaim claim(String size, List<String> modes, String storageClass, LabelSelector selector, String volumeMode) {
        PersistentVolumeClaimSpec spec = new PersistentVolumeClaimSpec(modes, selector,
                ResourceRequirements.requests(Map.of("storage", new Quantity(size))), null, storageClass, volumeMode, null, null, null);
        return PersistentVolumeClaim.of(ObjectMeta.builder().namespace("default").name("claim").uid("uid-1").build(), spec);
    }

    record Row(String why, List<V> volumes, PersistentVolumeClaim claim, boolean delayBinding, String expected) {
        @Override
        public String toString() {
            return why;
        }
    }

    static final List<String> RWO = List.of("ReadWriteOnce");

    static Stream<Row> matches() {
        PersistentVolumeClaim oneGi = claim("1Gi", RWO, "", null, null);
        return Stream.of(
                new Row("the smallest that fits", List.of(V.of("a", "5Gi", "ReadWriteOnce"), V.of("b", "1Gi", "ReadWriteOnce"),
                        V.of("c", "2Gi", "ReadWriteOnce")), oneGi, false, "b"),
                new Row("too small everywhere", List.of(V.of("a", "500Mi", "ReadWriteOnce")), oneGi, false, null),
                new Row("units compare by value: 1G < 1Gi", List.of(V.of("a", "1G", "ReadWriteOnce"), V.of("b", "1100M", "ReadWriteOnce")),
                        oneGi, false, "b"),
                new Row("ties go to the first by name", List.of(V.of("b", "1Gi", "ReadWriteOnce"), V.of("a", "1Gi", "ReadWriteOnce")),
                        oneGi, false, "a"),
                new Row("exact modes win over a smaller volume with extra modes",
                        List.of(V.of("extra", "1Gi", "ReadWriteOnce", "ReadOnlyMany"), V.of("exact", "10Gi", "ReadWriteOnce")), oneGi, false, "exact"),
                new Row("a volume with extra modes when none is exact", List.of(V.of("extra", "1Gi", "ReadWriteOnce", "ReadOnlyMany")),
                        oneGi, false, "extra"),
                new Row("missing a requested mode", List.of(V.of("rox", "1Gi", "ReadOnlyMany")), oneGi, false, null),
                new Row("another class", List.of(V.of("gold", "1Gi", "ReadWriteOnce").withClass("gold")), oneGi, false, null),
                new Row("the claim's class", List.of(V.of("none", "1Gi", "ReadWriteOnce"), V.of("gold", "2Gi", "ReadWriteOnce").withClass("gold")),
                        claim("1Gi", RWO, "gold", null, null), false, "gold"),
                new Row("not Available", List.of(V.of("rel", "1Gi", "ReadWriteOnce").withPhase("Released")), oneGi, false, null),
                new Row("claimed by another claim", List.of(V.of("taken", "1Gi", "ReadWriteOnce").claimedBy("other", "uid-2")), oneGi, false, null),
                new Row("pre-bound to this claim by name, whatever its class and phase",
                        List.of(V.of("any", "1Gi", "ReadWriteOnce"), V.of("mine", "9Gi", "ReadWriteOnce").withClass("x").withPhase("Pending")
                                .claimedBy("claim", null)), oneGi, false, "mine"),
                new Row("pre-bound to an older claim of the same name", List.of(V.of("old", "1Gi", "ReadWriteOnce").claimedBy("claim", "uid-0")),
                        oneGi, false, null),
                new Row("selector", List.of(V.of("a", "1Gi", "ReadWriteOnce"), V.of("b", "2Gi", "ReadWriteOnce").labelled(Map.of("tier", "fast"))),
                        claim("1Gi", RWO, "", LabelSelector.matchLabels(Map.of("tier", "fast")), null), false, "b"),
                new Row("volumeMode Block wants Block", List.of(V.of("fs", "1Gi", "ReadWriteOnce"), V.of("blk", "2Gi", "ReadWriteOnce").block()),
                        claim("1Gi", RWO, "", null, "Block"), false, "blk"),
                new Row("delayed binding takes no free volume", List.of(V.of("a", "1Gi", "ReadWriteOnce")), oneGi, true, null),
                new Row("delayed binding still takes a pre-bound volume", List.of(V.of("a", "1Gi", "ReadWriteOnce").claimedBy("claim", "uid-1")),
                        oneGi, true, "a"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matches")
    void findsTheBestMatch(Row row) {
        List<PersistentVolume> volumes = row.volumes().stream().map(V::toVolume).toList();
        assertThat(VolumeMatcher.findBestMatch(row.claim(), volumes, row.delayBinding()).map(PersistentVolume::name).orElse(null))
                .isEqualTo(row.expected());
    }

    record MismatchRow(String why, V volume, PersistentVolumeClaim claim, String expected) {
        @Override
        public String toString() {
            return why;
        }
    }

    static Stream<MismatchRow> mismatches() {
        PersistentVolumeClaim oneGi = claim("1Gi", RWO, "", null, null);
        return Stream.of(
                new MismatchRow("fits", V.of("a", "1Gi", "ReadWriteOnce"), oneGi, null),
                new MismatchRow("selector is not checked", V.of("a", "1Gi", "ReadWriteOnce"),
                        claim("1Gi", RWO, "", LabelSelector.matchLabels(Map.of("x", "y")), null), null),
                new MismatchRow("too small", V.of("a", "1G", "ReadWriteOnce"), oneGi, "requested PV is too small"),
                new MismatchRow("class", V.of("a", "1Gi", "ReadWriteOnce").withClass("gold"), oneGi, "storageClassName does not match"),
                new MismatchRow("volumeMode", V.of("a", "1Gi", "ReadWriteOnce").block(), oneGi, "incompatible volumeMode"),
                new MismatchRow("access modes", V.of("a", "1Gi", "ReadOnlyMany"), oneGi, "incompatible accessMode"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mismatches")
    void explainsWhyANamedVolumeDoesNotFit(MismatchRow row) {
        assertThat(VolumeMatcher.mismatch(row.volume().toVolume(), row.claim()).orElse(null)).isEqualTo(row.expected());
    }
}
