package io.steersman.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReadinessProbeTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"HTTP/1.1 200 OK|200", "HTTP/1.1 503 Service Unavailable|503", "HTTP/1.0 401|401"})
    void readsTheStatusCode(String line, int status) throws IOException {
        assertThat(ReadinessProbe.parseStatus(line)).isEqualTo(status);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "hello", "HTTP/1.1 OK", "SSH-2.0-OpenSSH"})
    void anythingElseIsNotAnHttpAnswer(String line) {
        assertThatThrownBy(() -> ReadinessProbe.parseStatus(line)).isInstanceOf(IOException.class);
    }
}
