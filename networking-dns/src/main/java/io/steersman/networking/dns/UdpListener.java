package io.steersman.networking.dns;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers DNS over UDP on one thread: each datagram is one query, answered from the caches at once. */
final class UdpListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UdpListener.class);

    private final DatagramSocket socket;
    private final ClusterZone zone;
    private final Thread thread;
    private volatile boolean closed;

    private UdpListener(DatagramSocket socket, ClusterZone zone) {
        this.socket = socket;
        this.zone = zone;
        this.thread = new Thread(this::serve, "steersman-dns-udp");
        this.thread.setDaemon(true);
    }

    static UdpListener open(InetSocketAddress address, ClusterZone zone) throws IOException {
        return new UdpListener(new DatagramSocket(address), zone);
    }

    void start() {
        thread.start();
    }

    private void serve() {
        byte[] buffer = new byte[65535];
        while (!closed) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
                byte[] response = Exchange.respond(zone, packet.getData(), packet.getLength(), true);
                if (response != null) {
                    socket.send(new DatagramPacket(response, response.length, packet.getSocketAddress()));
                }
            } catch (IOException e) {
                if (!closed) {
                    LOG.debug("cluster DNS: udp exchange with {} failed: {}", packet.getSocketAddress(), e.toString());
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        socket.close();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
