package io.steersman.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

/**
 * CPU time spent between {@link #start} and {@link #stop}: by the whole process, and by the threads
 * whose names start with a prefix (a server's threads, when it runs in the benchmark's JVM), so a
 * figure can say which side of a request the time went to. A thread that ends in between is not
 * counted; servers keep theirs. Without a prefix (null) only the process's total is known.
 */
final class CpuMeter {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** CPU nanoseconds: all of the process, and the prefix's threads. */
    record Split(long process, long threads) {
        /**
         * {@code server/rest=} and microseconds per unit of work: the prefix's threads, then all the rest
         * (client, GC, JIT); {@code all=} and the process's total when there is no prefix.
         */
        String perUnit(long units) {
            return threads < 0
                    ? String.format("all=%.1f", process / 1e3 / units)
                    : String.format("server/rest=%.1f/%.1f", threads / 1e3 / units, (process - threads) / 1e3 / units);
        }
    }

    private final String prefix;
    private Split start;

    private CpuMeter(String prefix) {
        this.prefix = prefix;
    }

    static CpuMeter start(String threadPrefix) {
        CpuMeter meter = new CpuMeter(threadPrefix);
        meter.start = meter.now();
        return meter;
    }

    Split stop() {
        Split end = now();
        return new Split(end.process() - start.process(), prefix == null ? -1 : end.threads() - start.threads());
    }

    private Split now() {
        long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        if (prefix == null) {
            return new Split(process, -1);
        }
        long threads = 0;
        for (ThreadInfo info : THREADS.dumpAllThreads(false, false)) {
            if (info.getThreadName().startsWith(prefix)) {
                long cpu = THREADS.getThreadCpuTime(info.getThreadId());
                threads += Math.max(0, cpu);
            }
        }
        return new Split(process, threads);
    }
}
