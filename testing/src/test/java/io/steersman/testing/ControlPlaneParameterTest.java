package io.steersman.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.steersman.api.model.core.Namespace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ControlPlaneExtension.class)
class ControlPlaneParameterTest {

    @Test
    void aParameterReceivesADefaultControlPlane(ControlPlane cp) {
        cp.settle();

        assertThat(cp.list(Namespace.class, null)).extracting(Namespace::name).contains("default");
        assertThat(cp.manualClock().now()).isEqualTo(ManualClock.START);
    }
}
