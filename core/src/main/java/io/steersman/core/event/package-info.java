/**
 * Events (core/v1) as controllers record them: {@link io.steersman.core.event.EventRecorders}
 * writes them with client-go's spam filter, aggregation of similar messages and deduplication into
 * {@code count}, {@code firstTimestamp} and {@code lastTimestamp}, so {@code kubectl describe}
 * shows them as it shows a real cluster's.
 */
package io.steersman.core.event;
