package io.steersman.api.model;

import java.time.Duration;

/**
 * Upstream's {@code k8s.io/apimachinery/pkg/util/duration}: the AGE column of {@code kubectl get}
 * and the ages in {@code kubectl describe}. Stateless and thread-safe.
 */
public final class Durations {
    private Durations() {}

    /**
     * {@code HumanDuration}: about two or three significant figures ({@code 70s}, {@code 3m10s},
     * {@code 70m}, {@code 2d1h}, {@code 367d}, {@code 2y1d}). Up to two seconds in the future reads
     * {@code 0s} (clocks differ); further is {@code <invalid>}.
     */
    public static String human(Duration d) {
        long seconds = truncatedSeconds(d);
        if (seconds < -1) {
            return "<invalid>";
        } else if (seconds < 0) {
            return "0s";
        } else if (seconds < 60 * 2) {
            return seconds + "s";
        }
        long minutes = seconds / 60;
        if (minutes < 10) {
            long s = seconds % 60;
            return s == 0 ? minutes + "m" : minutes + "m" + s + "s";
        } else if (minutes < 60 * 3) {
            return minutes + "m";
        }
        long hours = seconds / 3600;
        if (hours < 8) {
            long m = minutes % 60;
            return m == 0 ? hours + "h" : hours + "h" + m + "m";
        } else if (hours < 48) {
            return hours + "h";
        } else if (hours < 24 * 8) {
            long h = hours % 24;
            return h == 0 ? hours / 24 + "d" : hours / 24 + "d" + h + "h";
        } else if (hours < 24 * 365 * 2) {
            return hours / 24 + "d";
        } else if (hours < 24 * 365 * 8) {
            long dy = (hours / 24) % 365;
            return dy == 0 ? hours / 24 / 365 + "y" : hours / 24 / 365 + "y" + dy + "d";
        }
        return hours / 24 / 365 + "y";
    }

    /** {@code ShortHumanDuration}: one unit only ({@code 59s}, {@code 1m}, {@code 23h}, {@code 364d}, {@code 2y}). */
    public static String shortHuman(Duration d) {
        long seconds = truncatedSeconds(d);
        if (seconds < -1) {
            return "<invalid>";
        } else if (seconds < 0) {
            return "0s";
        } else if (seconds < 60) {
            return seconds + "s";
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return minutes + "m";
        }
        long hours = seconds / 3600;
        if (hours < 24) {
            return hours + "h";
        } else if (hours < 24 * 365) {
            return hours / 24 + "d";
        }
        return hours / 24 / 365 + "y";
    }

    /** Whole seconds truncated towards zero, as Go's {@code int(d.Seconds())}. */
    private static long truncatedSeconds(Duration d) {
        long seconds = d.getSeconds();
        return seconds < 0 && d.getNano() > 0 ? seconds + 1 : seconds;
    }
}
