package io.steersman.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A request answered with an error before its body was read leaves the connection usable for the
 * next request, also when the body arrives after the headers (as the JDK client sends it).
 */
class ConnectionReuseTest {
    TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.http();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void anErrorAnswerDrainsTheBodySoTheNextRequestFindsTheConnectionOpen() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.server.port())) {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            String body = "{\"apiVersion\":\"v1\",\"kind\":\"Pod\"}";
            // A POST to the all-namespaces collection is 405 whatever the body: headers first, then the body.
            out.write(("POST /api/v1/pods HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                    + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            out.write(body.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            assertThat(readAnswer(in)).startsWith("HTTP/1.1 405 ");
            out.write("GET /version HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            assertThat(readAnswer(in)).startsWith("HTTP/1.1 200 ");
        }
    }

    /** The status line, after reading the headers and a Content-Length body. */
    private static String readAnswer(BufferedReader in) throws IOException {
        String status = in.readLine();
        assertThat(status).as("the server closed the connection").isNotNull();
        int length = 0;
        String line;
        while ((line = in.readLine()) != null && !line.isEmpty()) {
            assertThat(line.toLowerCase()).doesNotStartWith("connection: close");
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        assertThat(in.skip(length)).isEqualTo(length);
        return status;
    }
}
