/**
 * Events (core/v1) as controllers record them: {@link io.steersman.core.event.EventRecorders}
 * writes them as client-go's {@code EventCorrelator} does: aggregation of similar messages,
 * deduplication into {@code count}, {@code firstTimestamp} and {@code lastTimestamp}, and the spam
 * filter (25 events per source and involved object, then one per 5 minutes), so
 * {@code kubectl describe} shows them as it shows a real cluster's.
 * {@link io.steersman.core.event.EventsPlugin} removes them an hour after they last happened, as
 * the API server's {@code --event-ttl} does (setting {@code steersman.events.ttl}, an ISO-8601
 * duration such as {@code PT1H}), with one sweep over an expiry queue rather than a pass per Event.
 */
package io.steersman.core.event;
