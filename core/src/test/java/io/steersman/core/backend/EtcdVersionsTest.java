package io.steersman.core.backend;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EtcdVersionsTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "3.4.23, false",
        "3.4.30, false",
        "3.4.31, true",
        "3.5.12, false",
        "3.5.13, true",
        "3.6.0, true",
        "3.3.27, false",
        "4.0.0, true",
        "'', false",
        "unknown, false",
    })
    void progressIsTrustedFromTheVersionsKubeApiserverRequires(String version, boolean ordered) {
        assertThat(EtcdVersions.ordersProgress(version)).isEqualTo(ordered);
    }
}
