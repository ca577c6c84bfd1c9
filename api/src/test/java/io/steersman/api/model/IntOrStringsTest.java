package io.steersman.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Upstream's intstr_test.go TestGetIntFromIntOrPercent, plus the rollout numbers it serves. */
class IntOrStringsTest {

    record Row(IntOrString input, int total, boolean roundUp, Integer expect) {}

    static Stream<Row> rows() {
        return Stream.of(
                new Row(IntOrString.of(123), 0, false, 123),
                new Row(IntOrString.of("90%"), 100, true, 90),
                new Row(IntOrString.of("90%"), 95, true, 86),
                new Row(IntOrString.of("90%"), 95, false, 85),
                new Row(IntOrString.of("%"), 0, false, null),
                new Row(IntOrString.of("90#"), 0, false, null),
                new Row(IntOrString.of("#%"), 0, false, null),
                new Row(IntOrString.of("90"), 0, false, null),
                // a Deployment of 10 replicas with the default 25%/25%: surge rounds up, unavailable down
                new Row(IntOrString.of("25%"), 10, true, 3),
                new Row(IntOrString.of("25%"), 10, false, 2),
                new Row(IntOrString.of("0%"), 10, true, 0),
                new Row(IntOrString.of("100%"), 3, false, 3));
    }

    @ParameterizedTest
    @MethodSource("rows")
    void scaledValueAsUpstream(Row row) {
        if (row.expect() == null) {
            assertThatThrownBy(() -> IntOrStrings.scaledValue(row.input(), row.total(), row.roundUp()))
                    .isInstanceOf(IllegalArgumentException.class);
        } else {
            assertThat(IntOrStrings.scaledValue(row.input(), row.total(), row.roundUp())).isEqualTo(row.expect());
        }
    }

    @Test
    void errorsUseUpstreamWords() {
        assertThatThrownBy(() -> IntOrStrings.scaledValue(IntOrString.of("90"), 10, true))
                .hasMessage("invalid value for IntOrString: invalid type: string is not a percentage");
        assertThatThrownBy(() -> IntOrStrings.scaledValue(IntOrString.of("#%"), 10, true))
                .hasMessage("invalid value for IntOrString: invalid value \"#%\": strconv.Atoi: parsing \"#\": invalid syntax");
        assertThatThrownBy(() -> IntOrStrings.scaledValue(null, 10, true)).hasMessage("nil value for IntOrString");
    }

    @Test
    void percentDetection() {
        assertThat(IntOrStrings.isPercent(IntOrString.of("25%"))).isTrue();
        assertThat(IntOrStrings.isPercent(IntOrString.of("web"))).isFalse();
        assertThat(IntOrStrings.isPercent(IntOrString.of(25))).isFalse();
    }
}
