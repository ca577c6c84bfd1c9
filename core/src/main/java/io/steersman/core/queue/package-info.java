/**
 * Work queues as upstream's {@code client-go/util/workqueue}: a controller's keys, deduplicated while
 * queued, never handed to two workers at once, delayed on the control plane's clock, and retried
 * with per-key exponential backoff (5 ms doubling to 1000 s) under an overall token bucket (10 per
 * second, burst 100) that paces retries only.
 *
 * <pre>{@code
 * WorkQueue<Request> queue = new WorkQueue<>("deployment", clock, MaxOfRateLimiter.defaultControllerRateLimiter(clock));
 * queue.add(request);                       // an event woke it
 * Request key = queue.get();                // a worker takes it: no other worker gets it until done
 * try {
 *     reconcile(key);
 *     queue.forget(key);                    // success: its backoff starts over
 * } catch (RuntimeException e) {
 *     queue.addRateLimited(key);            // failure: again after 5 ms, 10 ms, 20 ms, ...
 * } finally {
 *     queue.done(key);                      // re-queued now if it was added while processing
 * }
 * }</pre>
 *
 * Delays are timers on the injected {@link io.steersman.api.controller.Clock}: with a manual clock
 * a key becomes due when the test moves the clock, and {@link io.steersman.core.queue.WorkQueue#poll}
 * takes it without blocking.
 */
package io.steersman.core.queue;
