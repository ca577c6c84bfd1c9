package io.steersman.apiserver;

import io.steersman.api.resource.ResourceRegistry;
import io.steersman.core.store.Store;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import io.steersman.api.controller.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The Kubernetes-compatible HTTP API over a {@link Store}: discovery, OpenAPI, CRUD, watch, patch,
 * the status and scale subresources and tables for every kind in the {@link ResourceRegistry}, so
 * the real kubectl and the fabric8 client work unchanged.
 *
 * <pre>{@code
 * ServerCertificates tls = ServerCertificates.loadOrCreate(dataDir.resolve("pki"));
 * try (ApiServer server = ApiServer.builder(store, registry)
 *         .bindAddress("127.0.0.1").port(6443)
 *         .tls(tls).token("s3cret")
 *         .build().start()) {
 *     System.out.println("serving on " + server.url());   // https://127.0.0.1:6443
 * }
 * }</pre>
 *
 * <p>With TLS, kubectl sends its bearer token; without tokens every request is served (plain HTTP
 * is meant for tests: kubectl never sends a token over http). {@link #start()} returns once the port
 * is bound and {@code /readyz} answers 200; {@link #close()} stops accepting, ends open watches and
 * returns when the server has stopped. Thread-safe.
 */
public final class ApiServer implements AutoCloseable {
    private final Server server;
    private final ServerConnector connector;
    private final ApiHandler handler;
    private final boolean tls;
    private final String bindAddress;

    private ApiServer(Builder b) {
        QueuedThreadPool threads = new QueuedThreadPool(b.maxThreads, 4);
        threads.setName("steersman-api");
        threads.setDaemon(true);
        this.server = new Server(threads);
        this.tls = b.certificates != null;
        this.bindAddress = b.bindAddress;
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setOutputBufferSize(64 * 1024);
        if (tls) {
            http.addCustomizer(new SecureRequestCustomizer(false));
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setSslContext(b.certificates.serverContext());
            ssl.setSniRequired(false);
            this.connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(http));
        } else {
            this.connector = new ServerConnector(server, new HttpConnectionFactory(http));
        }
        connector.setHost(b.bindAddress);
        connector.setPort(b.port);
        connector.setIdleTimeout(b.idleTimeoutMillis);
        server.addConnector(connector);
        Tables tables = new Tables(b.clock);
        ObjectWriter writer = new ObjectWriter(100_000);
        ResourceHandler resources = new ResourceHandler(b.store, tables, writer, server.getScheduler(), b.clock);
        this.handler = new ApiHandler(b.registry, new Authenticator(b.tokens), resources);
        server.setHandler(handler);
        server.setStopTimeout(0);
    }

    public static Builder builder(Store store, ResourceRegistry registry) {
        return new Builder(store, registry);
    }

    /** Binds the port and starts serving; {@code /readyz} answers 200 from then on. */
    public ApiServer start() {
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the API server on " + bindAddress + ":" + connector.getPort() + ": " + e.getMessage(), e);
        }
        handler.ready(true);
        return this;
    }

    /** The port bound (useful with port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** {@code https://127.0.0.1:6443} (or http without TLS); IPv6 addresses in brackets. */
    public URI url() {
        String host = bindAddress;
        try {
            InetAddress address = InetAddress.getByName(host);
            if (address.isAnyLocalAddress()) {
                host = address instanceof java.net.Inet6Address ? "::1" : "127.0.0.1";
            }
        } catch (UnknownHostException e) {
            // keep the name as given
        }
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create((tls ? "https" : "http") + "://" + host + ":" + port());
    }

    @Override
    public void close() {
        handler.ready(false);
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the API server: " + e.getMessage(), e);
        }
    }

    /** Collects the server's settings; {@link #build()} reports every problem at once. */
    public static final class Builder {
        private final Store store;
        private final ResourceRegistry registry;
        private String bindAddress = "127.0.0.1";
        private int port = 6443;
        private ServerCertificates certificates;
        private final Map<String, Authenticator.Principal> tokens = new LinkedHashMap<>();
        private Clock clock = Clock.SYSTEM;
        private int maxThreads = 200;
        private long idleTimeoutMillis = 60_000;

        private Builder(Store store, ResourceRegistry registry) {
            this.store = store;
            this.registry = registry;
        }

        /** The address to listen on; default {@code 127.0.0.1}. */
        public Builder bindAddress(String bindAddress) {
            this.bindAddress = bindAddress;
            return this;
        }

        /** The port; default 6443; 0 picks a free one (see {@link ApiServer#port()}). */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Serves HTTPS with these certificates; without, plain HTTP. */
        public Builder tls(ServerCertificates certificates) {
            this.certificates = certificates;
            return this;
        }

        /** A bearer token with full access. With no token at all, requests are not authenticated. */
        public Builder token(String token) {
            return token(token, "admin", false);
        }

        /** A bearer token for {@code user}; a read-only token may get, list and watch, and is refused (403) the rest. */
        public Builder token(String token, String user, boolean readOnly) {
            tokens.put(token, new Authenticator.Principal(user, readOnly));
            return this;
        }

        /** The clock tables compute AGE with; default the system clock. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * How long a connection may be idle; default 60 s. Idle watches are not ended by it: each idle
         * period checks whether their client is still connected.
         */
        public Builder idleTimeout(java.time.Duration timeout) {
            this.idleTimeoutMillis = timeout.toMillis();
            return this;
        }

        /** The most request threads; default 200 (watches hold none while idle). */
        public Builder maxThreads(int maxThreads) {
            this.maxThreads = maxThreads;
            return this;
        }

        public ApiServer build() {
            StringBuilder problems = new StringBuilder();
            if (store == null) problems.append("; a store is required");
            if (registry == null) problems.append("; a resource registry is required");
            if (bindAddress == null || bindAddress.isBlank()) problems.append("; a bind address is required");
            if (port < 0 || port > 65535) problems.append("; port must be 0..65535, not ").append(port);
            if (maxThreads < 8) problems.append("; maxThreads must be at least 8");
            for (String token : tokens.keySet()) {
                if (token == null || token.isBlank() || token.chars().anyMatch(Character::isWhitespace)) {
                    problems.append("; a token must be non-empty and without whitespace");
                    break;
                }
            }
            if (problems.length() > 0) {
                throw new IllegalStateException("ApiServer: " + problems.substring(2));
            }
            Objects.requireNonNull(clock, "clock");
            return new ApiServer(this);
        }
    }
}
