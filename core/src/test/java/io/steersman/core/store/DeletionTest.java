package io.steersman.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.steersman.api.client.DeleteOptions.PropagationPolicy;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DeletionTest {

    record Row(List<String> finalizers, PropagationPolicy policy, List<String> expected) {}

    static Stream<Row> propagation() {
        return Stream.of(
                new Row(List.of(), null, List.of()),
                new Row(List.of("orphan"), null, List.of("orphan")),
                new Row(List.of(), PropagationPolicy.Background, List.of()),
                new Row(List.of("orphan", "a"), PropagationPolicy.Background, List.of("a")),
                new Row(List.of("a"), PropagationPolicy.Foreground, List.of("a", "foregroundDeletion")),
                new Row(List.of("orphan"), PropagationPolicy.Foreground, List.of("foregroundDeletion")),
                new Row(List.of("foregroundDeletion"), PropagationPolicy.Orphan, List.of("orphan")),
                new Row(List.of("orphan"), PropagationPolicy.Orphan, List.of("orphan")));
    }

    @ParameterizedTest
    @MethodSource("propagation")
    void propagationPolicySetsUpstreamsFinalizers(Row row) {
        assertThat(Deletion.propagationFinalizers(row.finalizers(), row.policy())).isEqualTo(row.expected());
    }
}
