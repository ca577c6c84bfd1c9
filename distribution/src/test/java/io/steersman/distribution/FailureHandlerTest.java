package io.steersman.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.BindException;
import org.junit.jupiter.api.Test;

class FailureHandlerTest {

    @Test
    void aPortInUseIsOneLineWithTheWayOut() {
        Exception failure = new IllegalStateException("cannot start the API server on 127.0.0.1:6443: Failed to bind\nmore",
                new IOException("Failed to bind to /127.0.0.1:6443", new BindException("Address already in use")));

        assertThat(FailureHandler.message(failure))
                .isEqualTo("cannot start the API server on 127.0.0.1:6443: Failed to bind"
                        + " (the port is in use: is another server running? --port picks another, 0 a free one)");
    }

    @Test
    void otherFailuresKeepTheirOwnMessage() {
        assertThat(FailureHandler.message(new IllegalArgumentException("the path \"x.yaml\" does not exist")))
                .isEqualTo("the path \"x.yaml\" does not exist");
        assertThat(FailureHandler.message(new NullPointerException())).isEqualTo("NullPointerException");
    }
}
