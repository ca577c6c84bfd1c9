package io.steersman.distribution;

import io.steersman.api.controller.Clock;
import io.steersman.apiserver.ApiServer;
import io.steersman.apiserver.ServerCertificates;
import io.steersman.api.codec.Codec;
import io.steersman.core.ControlPlaneRuntime;
import io.steersman.core.backend.EtcdBackend;
import io.steersman.core.backend.SqliteBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * A control plane with its API server, as the launcher runs it: the API objects in the data
 * directory's SQLite database (or in memory), real clock, worker threads, every
 * plugin on the class path and in the plugin folders, HTTPS with a certificate and token kept in the
 * data directory (so a restart keeps the kubeconfig valid), and a kubeconfig written for kubectl.
 */
final class EmbeddedCluster implements AutoCloseable {

    /** Where and how to run. */
    record Config(Path dataDir, ClusterOptions.Storage storage, String bindAddress, int port, Path kubeconfig, List<Path> pluginPaths,
            Map<String, String> settings, Etcd etcd) {}

    /** The etcd cluster of {@code --storage=etcd}. */
    record Etcd(List<java.net.URI> endpoints, String prefix, java.time.Duration compactionInterval) {}

    static final String DATA_DIR = "steersman.data-dir";
    /** The SQLite database of the API objects, in the data directory. */
    static final String STATE_FILE = "state.db";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    private final ControlPlaneRuntime runtime;
    private final ApiServer server;
    private final Path kubeconfig;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedCluster(ControlPlaneRuntime runtime, ApiServer server, Path kubeconfig) {
        this.runtime = runtime;
        this.server = server;
        this.kubeconfig = kubeconfig;
    }

    /** Starts the control plane and the API server; returns once GET /readyz answered 200 and the kubeconfig is written. */
    static EmbeddedCluster start(Config config) throws IOException, InterruptedException {
        Files.createDirectories(config.dataDir());
        ServerCertificates certificates = ServerCertificates.loadOrCreate(config.dataDir().resolve("pki"));
        String token = loadOrCreateToken(config.dataDir().resolve("token"));

        ControlPlaneRuntime.Builder builder = ControlPlaneRuntime.builder()
                .clock(Clock.SYSTEM)
                .classLoader(pluginClassLoader(config.pluginPaths()))
                .serviceLoaderPlugins()
                .settings(withDataDir(config.settings(), config.dataDir()));
        if (config.storage() == ClusterOptions.Storage.SQLITE) {
            Path state = config.dataDir().resolve(STATE_FILE);
            // Opened once the plugins' kinds are registered, so their objects decode too.
            builder.backend(registry -> SqliteBackend.open(state, new Codec(registry)));
        } else if (config.storage() == ClusterOptions.Storage.ETCD) {
            EtcdBackend.Options options = EtcdBackend.Options.defaults().withPrefix(config.etcd().prefix())
                    .withCompactionInterval(config.etcd().compactionInterval());
            builder.backend(registry -> EtcdBackend.open(config.etcd().endpoints(), new Codec(registry), options));
        }
        ControlPlaneRuntime runtime = builder.start();
        ApiServer server;
        try {
            server = ApiServer.builder(runtime.store(), runtime.registry())
                    .bindAddress(config.bindAddress())
                    .port(config.port())
                    .tls(certificates)
                    .token(token)
                    .clock(runtime.clock())
                    .build()
                    .start();
        } catch (RuntimeException e) {
            runtime.close();
            throw e;
        }
        EmbeddedCluster cluster = new EmbeddedCluster(runtime, server, config.kubeconfig());
        try {
            KubernetesService.ensure(runtime.store(), runtime.registry().forType(io.steersman.api.model.core.Service.class),
                    config.settings(), server.url().getPort());
            ReadinessProbe.await(server.url(), certificates.trustStore(), READY_TIMEOUT);
            Kubeconfig.write(config.kubeconfig(), server.url(), certificates.caCertificatePem(), token);
        } catch (IOException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    URI url() {
        return server.url();
    }

    Path kubeconfig() {
        return kubeconfig;
    }

    ControlPlaneRuntime runtime() {
        return runtime;
    }

    /** Stops the API server (open watches end), then the controllers; a second call does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            server.close();
        } finally {
            runtime.close();
        }
    }

    /**
     * The settings plugins see, with {@value #DATA_DIR} naming the data directory (unless the user
     * set it): the storage plugin keeps its provisioned volumes' directories under it.
     */
    static Map<String, String> withDataDir(Map<String, String> settings, Path dataDir) {
        if (settings.containsKey(DATA_DIR)) {
            return settings;
        }
        Map<String, String> all = new LinkedHashMap<>(settings);
        all.put(DATA_DIR, dataDir.toAbsolutePath().toString());
        return all;
    }

    /** The token kubectl presents; made once per data directory, readable by its owner only. */
    private static String loadOrCreateToken(Path file) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
        }
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Files.writeString(file, token + "\n", StandardCharsets.US_ASCII);
        Kubeconfig.restrictToOwner(file);
        return token;
    }

    /**
     * Plugin jars see Steersman's classes through the parent; a folder may hold a plugin's own
     * libraries beside it. A path that does not exist is skipped (the distribution's plugins/ may
     * have been removed); the command line checks the paths a user names.
     */
    private static ClassLoader pluginClassLoader(List<Path> paths) throws IOException {
        List<URL> jars = new ArrayList<>();
        for (Path folder : paths) {
            if (Files.isRegularFile(folder)) {
                jars.add(toUrl(folder));
                continue;
            }
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.list(folder)) {
                for (Path jar : files.filter(f -> f.toString().endsWith(".jar")).sorted().toList()) {
                    jars.add(toUrl(jar));
                }
            }
        }
        ClassLoader parent = EmbeddedCluster.class.getClassLoader();
        return jars.isEmpty() ? parent : new URLClassLoader("steersman-plugins", jars.toArray(URL[]::new), parent);
    }

    private static URL toUrl(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
    }
}
