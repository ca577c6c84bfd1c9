package io.steersman.core.event;

import io.steersman.api.client.AlreadyExistsException;
import io.steersman.api.client.Client;
import io.steersman.api.client.NotFoundException;
import io.steersman.api.controller.Clock;
import io.steersman.api.controller.EventRecorder;
import io.steersman.api.model.ApiObject;
import io.steersman.api.model.core.Event;
import java.time.Instant;
import java.util.IllegalFormatException;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes core/v1 Events for every controller of a control plane. {@link #forComponent} gives the
 * {@link EventRecorder} of one controller; its events carry that name as {@code source.component}
 * and {@code reportingComponent}.
 *
 * <p>Events are named {@code <involved-name>.<hex>}, in the involved object's namespace
 * ({@code default} for cluster-scoped objects). Repeats are aggregated and floods rate-limited as
 * client-go's recorder does (see {@link EventCorrelator}): a repeat bumps {@code count} and
 * {@code lastTimestamp} of the event already written.
 *
 * <p>Recording is synchronous and cheap (one store write) and never throws: a failed write is
 * logged and dropped, since events are best-effort. Thread-safe.
 */
public final class EventRecorders {
    private static final Logger LOG = LoggerFactory.getLogger(EventRecorders.class);

    private final Client client;
    private final Clock clock;
    private final EventCorrelator correlator = new EventCorrelator();
    private long lastSuffix;

    /** {@code client} writes the events; {@code clock} stamps them. */
    public EventRecorders(Client client, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The recorder of one controller (or other component, such as {@code kubelet}). */
    public EventRecorder forComponent(String component) {
        Objects.requireNonNull(component, "component");
        return (involved, type, reason, format, args) -> record(component, involved, type, reason, format, args);
    }

    private void record(String component, ApiObject involved, EventRecorder.Type type, String reason, String format, Object[] args) {
        try {
            String message = format(format, args);
            synchronized (this) {
                Instant now = clock.now();
                Event candidate = Event.about(involved, type.name(), reason, message, component, now, uniqueSuffix(now));
                EventCorrelator.Decision decision = correlator.correlate(candidate, now);
                switch (decision.action()) {
                    case DROP -> LOG.debug("dropped event {} {} for {}: too many alike", reason, message, involved.name());
                    case CREATE -> correlator.written(decision, client.create(decision.event()));
                    case UPDATE -> correlator.written(decision, update(decision.event()));
                }
            }
        } catch (RuntimeException e) {
            LOG.debug("could not record event {} for {}/{}: {}", reason, involved.namespace(), involved.name(), e.toString());
        }
    }

    /** A repeat: the event as written with count and lastTimestamp moved on; recreated if it went away meanwhile. */
    private Event update(Event repeated) {
        Event unconditional = repeated.withMetadata(repeated.metadata().withResourceVersion(null));
        try {
            return client.update(unconditional);
        } catch (NotFoundException gone) {
            try {
                return client.create(unconditional);
            } catch (AlreadyExistsException raced) {
                return client.update(unconditional);
            }
        }
    }

    /** Upstream names events {@code name.<unix nanos in hex>}; a manual clock stands still, so keep them increasing. */
    private String uniqueSuffix(Instant now) {
        long nanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        lastSuffix = Math.max(nanos, lastSuffix + 1);
        return Long.toHexString(lastSuffix);
    }

    /**
     * {@link String#format} of the message; the common patterns, made of {@code %s} and {@code %d}
     * only, without the formatter (a parse of the pattern per event otherwise).
     */
    static String format(String format, Object[] args) {
        if (args == null || args.length == 0) {
            return format;
        }
        if ("%s".equals(format) && args[0] instanceof String message) {
            return message; // the caller's own String, which it may share between events
        }
        String simple = simpleFormat(format, args);
        if (simple != null) {
            return simple;
        }
        try {
            return String.format(format, args);
        } catch (IllegalFormatException e) {
            return format;
        }
    }

    /** The message when {@code format} has only {@code %s}, {@code %d} (of integers) and {@code %%}, one argument each; else null. */
    private static String simpleFormat(String format, Object[] args) {
        StringBuilder out = new StringBuilder(format.length() + 32);
        int next = 0;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            if (++i == format.length()) {
                return null;
            }
            char conversion = format.charAt(i);
            if (conversion == '%') {
                out.append('%');
            } else if (next < args.length && (conversion == 's' && !(args[next] instanceof java.util.Formattable)
                    || conversion == 'd' && (args[next] instanceof Integer || args[next] instanceof Long))) {
                out.append(args[next++]);
            } else {
                return null;
            }
        }
        return out.toString();
    }
}
