package io.steersman.core.node;

import io.steersman.api.controller.PluginSettings;
import jakarta.inject.Inject;

/**
 * The simulated kubelets' event recorders, one per node as each node runs its own kubelet, limited as
 * upstream's kubelet is: {@code eventRecordQPS} 50 and {@code eventBurst} 100 on its events client.
 * Settings {@code steersman.node.event-qps}, {@code -burst} and {@code -queue}.
 */
final class KubeletEvents extends LimitedEvents {
    @Inject
    KubeletEvents(PluginSettings settings) {
        super(settings, "steersman.node");
    }
}
