package io.steersman.distribution;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * Asks the running API server for {@code GET /readyz} over its real listener, trusting only the
 * cluster's CA, as a client would: the launcher says "ready" only after a client could connect.
 * A bare TLS socket rather than an HTTP client library keeps this cheap in a cold JVM.
 */
final class ReadinessProbe {
    private static final int CONNECT_TIMEOUT_MILLIS = 2_000;

    private ReadinessProbe() {}

    /** Polls until /readyz answers 200, or throws when {@code timeout} passes first. */
    static void await(URI server, KeyStore trustStore, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (true) {
            try {
                int status = status(server, trustStore);
                if (status == 200) {
                    return;
                }
                last = "HTTP " + status;
            } catch (IOException e) {
                last = e.getMessage();
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("the API server at " + server + " is not ready after " + timeout.toSeconds() + "s: GET /readyz: " + last);
            }
            Thread.sleep(20);
        }
    }

    /** The HTTP status of one GET /readyz. */
    static int status(URI server, KeyStore trustStore) throws IOException {
        Socket socket = "https".equals(server.getScheme()) ? tlsSocket(trustStore) : new Socket();
        try (socket) {
            socket.connect(new InetSocketAddress(server.getHost().replaceAll("^\\[|\\]$", ""), server.getPort()), CONNECT_TIMEOUT_MILLIS);
            socket.setSoTimeout(CONNECT_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /readyz HTTP/1.1\r\nHost: " + server.getHost() + ":" + server.getPort()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return parseStatus(readStatusLine(socket.getInputStream()));
        }
    }

    private static Socket tlsSocket(KeyStore trustStore) throws IOException {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trustStore);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket();
            return socket;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS to check readiness: " + e.getMessage(), e);
        }
    }

    private static String readStatusLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
            line.append((char) c);
        }
        return line.toString().strip();
    }

    /** {@code HTTP/1.1 200 OK} is 200; anything else that is not a status line is an IOException. */
    static int parseStatus(String statusLine) throws IOException {
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP answer: \"" + statusLine + "\"");
        }
        try {
            return Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("not an HTTP status: \"" + statusLine + "\"", e);
        }
    }
}
