/**
 * Events (core/v1) as controllers record them: {@link io.steersman.core.event.EventRecorders}
 * writes them with client-go's spam filter, aggregation of similar messages and deduplication into
 * {@code count}, {@code firstTimestamp} and {@code lastTimestamp}, so {@code kubectl describe}
 * shows them as it shows a real cluster's. {@link io.steersman.core.event.EventsPlugin} removes
 * them an hour after they last happened, as the API server's {@code --event-ttl} does (setting
 * {@code steersman.events.ttl}, an ISO-8601 duration such as {@code PT1H}).
 */
package io.steersman.core.event;
