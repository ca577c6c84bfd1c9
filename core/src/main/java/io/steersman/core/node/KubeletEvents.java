package io.steersman.core.node;

import io.steersman.api.controller.PluginSettings;
import jakarta.inject.Inject;

/**
 * The simulated kubelets' event recorders, one per node as each node runs its own kubelet, limited as
 * upstream's kubelet is: {@code eventRecordQPS} 50 and {@code eventBurst} 100 on its events client.
 * Settings {@value #QPS}, {@value #BURST}, {@value #QUEUE}.
 */
final class KubeletEvents extends LimitedEvents {
    static final String QPS = "steersman.node.event-qps";
    static final String BURST = "steersman.node.event-burst";
    static final String QUEUE = "steersman.node.event-queue";
    static final int DEFAULT_QPS = 50;
    static final int DEFAULT_BURST = 100;

    @Inject
    KubeletEvents(PluginSettings settings) {
        super(settings, "steersman.node", DEFAULT_QPS, DEFAULT_BURST);
    }
}
