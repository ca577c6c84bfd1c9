package io.steersman.core.gc;

import static org.assertj.core.api.Assertions.assertThat;

import io.steersman.api.client.DeleteOptions.PropagationPolicy;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.OwnerReference;
import io.steersman.api.model.core.Pod;
import io.steersman.api.model.core.PodSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class VerdictTest {

    /** Owners a..c in the given states; the dependent's own finalizers; whether it has dependents; the expected verdict. */
    record Row(String name, Map<String, OwnerState> owners, List<String> finalizers, boolean hasDependents, Verdict expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> theGarbageCollectorDecidesAsUpstream() {
        return Stream.of(
                new Row("no owners: never collected", Map.of(), List.of(), false, Verdict.KEEP),
                new Row("its owner exists", Map.of("a", OwnerState.SOLID), List.of(), false, Verdict.KEEP),
                new Row("its only owner is gone", Map.of("a", OwnerState.DANGLING), List.of(), false,
                        new Verdict(Verdict.Action.DELETE, Set.of(), PropagationPolicy.Background)),
                new Row("one of two owners is gone", Map.of("a", OwnerState.SOLID, "b", OwnerState.DANGLING), List.of(), false,
                        new Verdict(Verdict.Action.REMOVE_REFERENCES, Set.of("b"), null)),
                new Row("a solid owner and a waiting one", Map.of("a", OwnerState.SOLID, "b", OwnerState.WAITING), List.of(), true,
                        new Verdict(Verdict.Action.REMOVE_REFERENCES, Set.of("b"), null)),
                new Row("its owner waits and it has dependents", Map.of("a", OwnerState.WAITING), List.of(), true,
                        new Verdict(Verdict.Action.DELETE, Set.of(), PropagationPolicy.Foreground)),
                new Row("its owner waits and it has none", Map.of("a", OwnerState.WAITING), List.of(), false,
                        new Verdict(Verdict.Action.DELETE, Set.of(), PropagationPolicy.Background)),
                new Row("its own orphan finalizer is honoured", Map.of("a", OwnerState.DANGLING), List.of("orphan"), true,
                        new Verdict(Verdict.Action.DELETE, Set.of(), PropagationPolicy.Orphan)),
                new Row("its own foreground finalizer is honoured", Map.of("a", OwnerState.DANGLING), List.of("foregroundDeletion"),
                        true, new Verdict(Verdict.Action.DELETE, Set.of(), PropagationPolicy.Foreground)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void theGarbageCollectorDecidesAsUpstream(Row row) {
        List<OwnerReference> refs = new ArrayList<>();
        row.owners().keySet().stream().sorted().forEach(uid ->
                refs.add(new OwnerReference("apps/v1", "ReplicaSet", "rs-" + uid, uid, null, true, null)));
        Pod pod = Pod.of(ObjectMeta.builder().namespace("default").name("p").uid("p-uid")
                .ownerReferences(refs).finalizers(row.finalizers()).build(), PodSpec.EMPTY);

        assertThat(Verdict.of(pod, ref -> row.owners().get(ref.uid()), row.hasDependents())).isEqualTo(row.expected());
    }
}
