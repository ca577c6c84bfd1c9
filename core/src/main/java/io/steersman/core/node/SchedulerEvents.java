package io.steersman.core.node;

import io.steersman.api.controller.PluginSettings;
import jakarta.inject.Inject;

/**
 * The scheduler's event recorder, limited as kube-scheduler's is: its events go through their own
 * client built from the scheduler's client connection settings (QPS 50, burst 100 by default in
 * 1.32) behind client-go's broadcaster queue of 1,000. Settings {@value #QPS}, {@value #BURST},
 * {@value #QUEUE}.
 */
final class SchedulerEvents extends LimitedEvents {
    static final String QPS = "steersman.scheduler.event-qps";
    static final String BURST = "steersman.scheduler.event-burst";
    static final String QUEUE = "steersman.scheduler.event-queue";
    static final String SOURCE = "default-scheduler";

    @Inject
    SchedulerEvents(PluginSettings settings) {
        super(settings, "steersman.scheduler", 50, 100);
    }
}
