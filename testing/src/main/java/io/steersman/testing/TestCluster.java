package io.steersman.testing;

import io.steersman.api.client.Client;
import io.steersman.api.controller.Clock;
import io.steersman.apiserver.ApiServer;

/**
 * What {@link SteersmanExtension} runs for one test class: the control plane, and optionally its
 * API server (plain HTTP on a free loopback port) and a fabric8 client made on first request.
 * Closing stops them in reverse order.
 */
final class TestCluster implements AutoCloseable {
    private final ControlPlane controlPlane;
    private final ApiServer apiServer;
    private AutoCloseable fabric8;

    private TestCluster(ControlPlane controlPlane, ApiServer apiServer) {
        this.controlPlane = controlPlane;
        this.apiServer = apiServer;
    }

    static TestCluster start(ControlPlane.Builder builder, boolean withApiServer) {
        ControlPlane controlPlane = builder.start();
        if (!withApiServer) {
            return new TestCluster(controlPlane, null);
        }
        try {
            ApiServer server = ApiServer.builder(controlPlane.store(), controlPlane.registry())
                    .bindAddress("127.0.0.1")
                    .port(0)
                    .clock(controlPlane.clock())
                    .build()
                    .start();
            return new TestCluster(controlPlane, server);
        } catch (RuntimeException e) {
            controlPlane.close();
            throw e;
        }
    }

    /** The object of the requested type; IllegalStateException says how to get it when it is not there. */
    synchronized Object resolve(Class<?> type) {
        if (type == ControlPlane.class) {
            return controlPlane;
        }
        if (type == Client.class) {
            return controlPlane.client();
        }
        if (type == ManualClock.class) {
            return controlPlane.manualClock();
        }
        if (type == Clock.class) {
            return controlPlane.clock();
        }
        if (type == ApiServer.class) {
            return apiServer();
        }
        if (type.getName().equals(SteersmanExtension.FABRIC8_CLIENT)) {
            if (fabric8 == null) {
                // Fabric8Clients is the only class that names fabric8 types; loaded only here.
                fabric8 = Fabric8Clients.connect(apiServer().url());
            }
            return fabric8;
        }
        throw new IllegalStateException("cannot inject a " + type.getName());
    }

    private ApiServer apiServer() {
        if (apiServer == null) {
            throw new IllegalStateException("no API server: ask for one with @SteersmanTest(apiServer = true)");
        }
        return apiServer;
    }

    @Override
    public synchronized void close() throws Exception {
        try {
            if (fabric8 != null) {
                fabric8.close();
            }
        } finally {
            try {
                if (apiServer != null) {
                    apiServer.close();
                }
            } finally {
                controlPlane.close();
            }
        }
    }
}
