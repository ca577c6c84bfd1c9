package io.steersman.apiserver;

import io.steersman.api.model.Status;
import io.steersman.core.store.Watch;
import io.steersman.core.store.WatchEvent;
import io.steersman.core.store.WatchListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.IteratingCallback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One watch answer: a chunked stream of newline-delimited {@code {"type":..,"object":..}} events,
 * written asynchronously so an idle watch holds no thread. Events from the store are queued and
 * written by a Jetty {@link IteratingCallback}, which keeps exactly one write outstanding and
 * flushes after each batch. The store's delivery thread starts the write itself: a non-blocking
 * write of an event whose bytes are cached costs a few microseconds, less than handing it to another
 * thread, and the event reaches the socket without waiting for a server thread to wake up. When the
 * socket is full the write stays pending, the delivery thread returns at once, and the events that
 * arrive meanwhile go out as one batch when Jetty completes the write on its own thread. The stream ends when the client
 * goes, when {@code timeoutSeconds} passes (never otherwise, as kubectl's {@code get -w} exits when a
 * stream closes), or after an ERROR event (Gone).
 */
final class WatchStream<T> extends IteratingCallback implements WatchListener<T> {
    private static final Logger LOG = LoggerFactory.getLogger(WatchStream.class);

    /**
     * Turns one event into its JSON line, newline included ({@link WatchLines#line}). The stream
     * only reads the array, so an encoder may hand the same one to every stream of a change.
     */
    interface Encoder<T> {
        byte[] encode(WatchEvent<T> event);
    }

    private final Exchange ex;
    private final Encoder<T> encoder;
    private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean ending = new AtomicBoolean();
    private volatile Watch watch;
    private volatile boolean lastWritten;
    private Scheduler.Task timeout;

    private static final Object END = new Object();

    WatchStream(Exchange ex, Encoder<T> encoder) {
        this.ex = ex;
        this.encoder = encoder;
    }

    /** Sends the headers at once (clients wait for them before reading events) and arms the timeout. */
    void begin(String contentType, long timeoutSeconds, Scheduler scheduler) {
        ex.response.setStatus(200);
        ex.response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        ex.response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache, private");
        ex.addWarnings();
        // A watch is idle for as long as nothing changes, so the connector's idle timeout must not end
        // it; but Jetty does not read from a connection while a request is in progress, so a client that
        // went away is noticed only here: each idle period, peek at the connection (as Go's server reads
        // in the background) and end the watch when the client has closed it.
        EndPoint endPoint = ex.request.getConnectionMetaData().getConnection().getEndPoint();
        ex.request.addIdleTimeoutListener(t -> clientGone(endPoint));
        ex.request.addFailureListener(t -> end());
        if (timeoutSeconds > 0) {
            timeout = scheduler.schedule(this::end, timeoutSeconds, TimeUnit.SECONDS);
        }
        iterate();
    }

    /** True when the peer closed the connection (or sent bytes no watch client sends). */
    private static boolean clientGone(EndPoint endPoint) {
        try {
            return endPoint.fill(BufferUtil.allocate(1)) != 0;
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    /** The store watch this stream forwards; closed when the stream ends. */
    void attach(Watch watch) {
        this.watch = watch;
        if (ending.get()) {
            watch.close();
        }
    }

    @Override
    public void onEvent(WatchEvent<T> event) {
        queue.add(event);
        iterate();
    }

    @Override
    public void onClose(RuntimeException cause) {
        if (cause != null) {
            Status status = cause instanceof io.steersman.api.client.ApiException api ? api.status()
                    : Errors.gone("the watch was closed: " + cause.getMessage()).status();
            error(status);
        } else {
            end();
        }
    }

    /** Sends an ERROR event with the status, then ends the stream. */
    void error(Status status) {
        if (!ending.get()) {
            queue.add(status);
        }
        end();
    }

    /** Ends the stream after what is queued has been written. */
    void end() {
        if (ending.compareAndSet(false, true)) {
            Watch w = watch;
            if (w != null) {
                w.close();
            }
            if (timeout != null) {
                timeout.cancel();
            }
            queue.add(END);
            iterate();
        }
    }

    private boolean headersSent;

    @Override
    protected Action process() {
        if (lastWritten) {
            return Action.SUCCEEDED;
        }
        if (!headersSent) {
            headersSent = true;
            ex.response.write(false, ByteBuffer.allocate(0), this);
            return Action.SCHEDULED;
        }
        // One event (one in flight is the usual case) is written from its line as encoded, which may
        // be shared with other streams; several queued events are joined into one write.
        byte[] first = null;
        ByteArrayOutputStream batch = null;
        boolean last = false;
        Object item;
        while ((item = queue.poll()) != null) {
            if (item == END) {
                last = true;
                break;
            }
            byte[] line = line(item);
            if (first == null) {
                first = line;
                continue;
            }
            if (batch == null) {
                batch = new ByteArrayOutputStream(first.length + line.length);
                batch.writeBytes(first);
            }
            batch.writeBytes(line);
            if (batch.size() > 256 * 1024) {
                break;
            }
        }
        if (first == null && !last) {
            return Action.IDLE;
        }
        lastWritten = last;
        byte[] bytes = batch != null ? batch.toByteArray() : first;
        ex.response.write(last, bytes == null ? ByteBuffer.allocate(0) : ByteBuffer.wrap(bytes), this);
        return Action.SCHEDULED;
    }

    @SuppressWarnings("unchecked")
    private byte[] line(Object item) {
        try {
            if (item instanceof Status status) {
                return WatchLines.error(status);
            }
            return encoder.encode((WatchEvent<T>) item);
        } catch (RuntimeException e) {
            LOG.error("cannot encode a watch event", e);
            return WatchLines.error(Errors.internal("cannot encode a watch event: " + e.getMessage()).status());
        }
    }

    @Override
    protected void onCompleteSuccess() {
        ex.callback.succeeded();
    }

    @Override
    protected void onCompleteFailure(Throwable cause) {
        Watch w = watch;
        if (w != null) {
            w.close();
        }
        ending.set(true);
        if (timeout != null) {
            timeout.cancel();
        }
        ex.callback.failed(cause);
    }
}
