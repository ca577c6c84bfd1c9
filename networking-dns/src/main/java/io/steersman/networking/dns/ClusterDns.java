package io.steersman.networking.dns;

import io.steersman.api.client.Client;
import io.steersman.api.controller.Clock;
import io.steersman.api.controller.PluginService;
import io.steersman.api.controller.PluginSettings;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster DNS server (kube-dns / CoreDNS's place): answers for the cluster domain over UDP and
 * TCP from the informer caches, as {@link ClusterZone} describes. It runs when the setting
 * {@code steersman.dns.port} is set (the launcher sets 10053; {@code 0} takes any free port), on
 * {@code steersman.dns.address} (default 127.0.0.1); without the setting, as in a test's control
 * plane, it does nothing. Try it with {@code dig @127.0.0.1 -p 10053 web.default.svc.cluster.local}.
 *
 * <p>Started once by the control plane after the caches are filled; {@link #close} stops both
 * listeners and waits briefly for their threads. A port that cannot be bound fails the start.
 * Thread-safe.
 */
public final class ClusterDns implements PluginService {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterDns.class);

    private final Client client;
    private final Clock clock;
    private final PluginSettings settings;
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile UdpListener udp;
    private volatile TcpListener tcp;

    @Inject
    public ClusterDns(Client client, Clock clock, PluginSettings settings) {
        this.client = client;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public void start() throws IOException {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("the DNS server was started already");
        }
        DnsSettings config = DnsSettings.from(settings);
        if (config.port().isEmpty()) {
            LOG.debug("no {} setting: the cluster DNS server does not run", DnsSettings.PORT);
            return;
        }
        ClusterZone zone = new ClusterZone(client, config.domain(), config.ttl(), clock.now().getEpochSecond());
        // TCP first: with port 0 it picks the port, and UDP takes the same one.
        tcp = TcpListener.open(new InetSocketAddress(config.address(), config.port().getAsInt()), zone);
        try {
            udp = UdpListener.open(new InetSocketAddress(config.address(), tcp.address().getPort()), zone);
        } catch (IOException e) {
            tcp.close();
            throw new IOException("cluster DNS: cannot listen on udp " + config.address() + ":" + tcp.address().getPort() + ": " + e.getMessage(), e);
        }
        tcp.start();
        udp.start();
        LOG.info("cluster DNS for {} on udp and tcp {}:{}", config.domain(), config.address(), tcp.address().getPort());
    }

    /** Where the server listens (UDP and TCP), or null when it does not run. */
    public InetSocketAddress address() {
        TcpListener listener = tcp;
        return listener == null ? null : listener.address();
    }

    @Override
    public void close() {
        UdpListener u = udp;
        TcpListener t = tcp;
        if (u != null) {
            u.close();
        }
        if (t != null) {
            t.close();
        }
    }
}
