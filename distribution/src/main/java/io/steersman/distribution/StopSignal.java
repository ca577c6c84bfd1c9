package io.steersman.distribution;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;

/**
 * Waits for Ctrl-C (SIGINT) or SIGTERM. Handling the signals ourselves, instead of letting the JVM
 * run its shutdown hooks, lets the command stop the cluster on its own thread and exit with 0: a
 * requested stop is a success for scripts and service managers.
 */
final class StopSignal {
    /** How long a clean stop may take. */
    static final Duration STOP_LIMIT = Duration.ofSeconds(20);
    private static final int EXIT_FORCED = 1;

    private final CountDownLatch received = new CountDownLatch(1);

    private StopSignal() {}

    /** Takes over SIGINT and SIGTERM from now on. */
    static StopSignal install() {
        StopSignal stop = new StopSignal();
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), signal -> stop.onSignal());
            } catch (IllegalArgumentException unsupported) {
                // A platform without this signal: the JVM's own handling (shutdown hooks) applies.
            }
        }
        return stop;
    }

    /** The first signal asks for a clean stop; a second one (an impatient Ctrl-C) ends the process at once. */
    private void onSignal() {
        if (received.getCount() == 0) {
            System.err.println("steersman: stopping at once");
            Runtime.getRuntime().halt(EXIT_FORCED);
        }
        received.countDown();
    }

    /** True once a stop signal arrived. */
    boolean received() {
        return received.getCount() == 0;
    }

    /**
     * Blocks until a stop signal arrives; from then on the stop is bounded: if the process is still
     * alive {@link #STOP_LIMIT} later, it ends with exit code 1.
     */
    void await() throws InterruptedException {
        received.await();
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(STOP_LIMIT.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            System.err.println("steersman: error: did not stop within " + STOP_LIMIT.toSeconds() + "s; ending the process");
            Runtime.getRuntime().halt(EXIT_FORCED);
        }, "steersman-stop-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }
}
