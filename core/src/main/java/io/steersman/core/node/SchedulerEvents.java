package io.steersman.core.node;

import io.steersman.api.controller.PluginSettings;
import jakarta.inject.Inject;

/**
 * The scheduler's event recorder, limited as kube-scheduler's is: its events go through their own
 * client built from the scheduler's client connection settings (QPS 50, burst 100 by default in
 * 1.32) behind client-go's broadcaster queue of 1,000. Settings {@code steersman.scheduler.event-qps},
 * {@code -burst} and {@code -queue}.
 */
final class SchedulerEvents extends LimitedEvents {
    static final String SOURCE = Scheduler.NAME;

    @Inject
    SchedulerEvents(PluginSettings settings) {
        super(settings, "steersman.scheduler");
    }
}
