package io.steersman.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.steersman.api.model.core.ConfigMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ControlPlaneExtensionTest {

    @RegisterExtension
    final ControlPlaneExtension cluster = ControlPlaneExtension.with(b -> b.setting("steersman.test", "on"));

    @Test
    void eachTestGetsAFreshControlPlane() {
        ControlPlane cp = cluster.get();
        cp.apply("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: settings}
                data: {mode: test}
                """);
        cp.settle();

        assertThat(cp.client().get(ConfigMap.class, "default", "settings")).isPresent();
    }

    @Test
    void nothingLeaksFromTheOtherTest() {
        assertThat(cluster.get().get(ConfigMap.class, "default", "settings")).isEmpty();
    }
}
