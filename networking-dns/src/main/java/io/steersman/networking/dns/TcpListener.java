package io.steersman.networking.dns;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers DNS over TCP (RFC 7766): messages with a two-byte length prefix, several per connection,
 * until the client closes it or is idle for {@link #IDLE_MILLIS}. A few connections are served at
 * once; more wait for a free thread.
 */
final class TcpListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TcpListener.class);
    private static final int IDLE_MILLIS = 10_000;
    private static final int THREADS = 4;

    private final ServerSocket server;
    private final ClusterZone zone;
    private final Thread acceptor;
    private final ExecutorService connections = Executors.newFixedThreadPool(THREADS, r -> {
        Thread thread = new Thread(r, "steersman-dns-tcp");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private TcpListener(ServerSocket server, ClusterZone zone) {
        this.server = server;
        this.zone = zone;
        this.acceptor = new Thread(this::accept, "steersman-dns-tcp-accept");
        this.acceptor.setDaemon(true);
    }

    static TcpListener open(InetSocketAddress address, ClusterZone zone) throws IOException {
        ServerSocket server = new ServerSocket();
        try {
            server.setReuseAddress(true);
            server.bind(address);
        } catch (IOException e) {
            server.close();
            throw new IOException("cluster DNS: cannot listen on tcp " + address.getHostString() + ":" + address.getPort() + ": " + e.getMessage(), e);
        }
        return new TcpListener(server, zone);
    }

    InetSocketAddress address() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    void start() {
        acceptor.start();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                connections.execute(() -> serve(socket));
            } catch (IOException e) {
                if (!closed) {
                    LOG.debug("cluster DNS: tcp accept failed: {}", e.toString());
                }
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setSoTimeout(IDLE_MILLIS);
            DataInputStream in = new DataInputStream(socket.getInputStream());
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            while (!closed) {
                int length;
                try {
                    length = in.readUnsignedShort();
                } catch (EOFException | SocketTimeoutException done) {
                    return;
                }
                byte[] query = new byte[length];
                in.readFully(query);
                byte[] response = Exchange.respond(zone, query, length, false);
                if (response == null) {
                    return;
                }
                out.writeShort(response.length);
                out.write(response);
                out.flush();
            }
        } catch (IOException e) {
            if (!closed) {
                LOG.debug("cluster DNS: tcp exchange failed: {}", e.toString());
            }
        } finally {
            open.remove(socket);
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            LOG.debug("cluster DNS: closing the tcp socket: {}", e.toString());
        }
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        connections.shutdownNow();
        try {
            acceptor.join(1000);
            connections.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
