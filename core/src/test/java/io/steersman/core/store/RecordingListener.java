package io.steersman.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Records a watch's events; tests wait for them with a timeout instead of sleeping. */
class RecordingListener<T> implements WatchListener<T> {
    private final LinkedBlockingQueue<WatchEvent<T>> events = new LinkedBlockingQueue<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile RuntimeException closeCause;

    @Override
    public void onEvent(WatchEvent<T> event) {
        events.add(event);
    }

    @Override
    public void onClose(RuntimeException cause) {
        closeCause = cause;
        closed.countDown();
    }

    /** The next {@code count} events, failing if they do not arrive within ten seconds. */
    List<WatchEvent<T>> take(int count) {
        List<WatchEvent<T>> taken = new ArrayList<>(count);
        try {
            for (int i = 0; i < count; i++) {
                WatchEvent<T> event = events.poll(10, TimeUnit.SECONDS);
                assertThat(event).as("event %d of %d (got %s)", i + 1, count, taken).isNotNull();
                taken.add(event);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return taken;
    }

    WatchEvent<T> next() {
        return take(1).get(0);
    }

    /** Events received so far and not yet taken. */
    List<WatchEvent<T>> drain() {
        List<WatchEvent<T>> drained = new ArrayList<>();
        events.drainTo(drained);
        return drained;
    }

    RuntimeException awaitClose() {
        try {
            assertThat(closed.await(10, TimeUnit.SECONDS)).as("watch closed").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return closeCause;
    }

    boolean isClosed() {
        return closed.getCount() == 0;
    }
}
