package io.steersman.benchmarks;

import io.steersman.apiserver.ServerCertificates;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * A server that does no work: Jetty over TLS (as the API server is set up) answering every request,
 * after reading its body, with the same pod, as Steersman answers a create. Driving it with the
 * fabric8 client measures what the client, TLS and HTTP cost on their own: the most any server
 * can reach through that client on this machine.
 */
final class CannedServer implements AutoCloseable {
    /** A created pod as Steersman answers it (the same fields and size). */
    private static final byte[] POD = ("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"pod-0\",\"namespace\":\"bench-1\","
            + "\"uid\":\"a2ee3115-59aa-495a-861a-6699ffcb6458\",\"resourceVersion\":\"5\",\"generation\":1,"
            + "\"creationTimestamp\":\"2026-11-26T03:22:32Z\",\"labels\":{\"app\":\"bench\"}},\"spec\":{\"containers\":[{\"name\":\"nginx\","
            + "\"image\":\"nginx:1.27\",\"imagePullPolicy\":\"IfNotPresent\",\"ports\":[{\"containerPort\":80,\"protocol\":\"TCP\"}],"
            + "\"resources\":{},\"terminationMessagePath\":\"/dev/termination-log\",\"terminationMessagePolicy\":\"File\"}],"
            + "\"restartPolicy\":\"Always\",\"terminationGracePeriodSeconds\":30,\"dnsPolicy\":\"ClusterFirst\","
            + "\"schedulerName\":\"default-scheduler\",\"enableServiceLinks\":true,\"securityContext\":{}},\"status\":{\"phase\":\"Pending\"}}")
            .getBytes(StandardCharsets.UTF_8);

    private final Server server = new Server();
    private final ServerConnector connector;

    CannedServer(ServerCertificates certificates) throws Exception {
        HttpConfiguration http = new HttpConfiguration();
        http.addCustomizer(new SecureRequestCustomizer(false));
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setSslContext(certificates.serverContext());
        ssl.setSniRequired(false);
        connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                Content.Source.consumeAll(request, Callback.from(() -> {
                    response.setStatus(request.getMethod().equals("POST") ? 201 : 200);
                    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, POD.length);
                    response.write(true, ByteBuffer.wrap(POD), callback);
                }, callback::failed));
                return true;
            }
        });
        server.start();
    }

    URI url() {
        return URI.create("https://127.0.0.1:" + connector.getLocalPort());
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
