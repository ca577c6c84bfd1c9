package io.steersman.api.controller;

import java.time.Duration;
import java.util.Objects;

/**
 * What a reconcile asks of the loop afterwards: nothing ({@link #done()}), or to run again after a
 * time on the controller's clock ({@link #requeueAfter}). To retry a failure with backoff, throw.
 */
public record Result(Duration requeueAfter) {
    private static final Result DONE = new Result(Duration.ZERO);

    public Result {
        Objects.requireNonNull(requeueAfter, "requeueAfter");
        if (requeueAfter.isNegative()) {
            throw new IllegalArgumentException("requeueAfter must not be negative: " + requeueAfter);
        }
    }

    public static Result done() {
        return DONE;
    }

    public static Result requeueAfter(Duration delay) {
        return new Result(delay);
    }

    public boolean isRequeue() {
        return !requeueAfter.isZero();
    }

    /** The sooner of two results: a pass that does several things asks to come back for the first. */
    public Result sooner(Result other) {
        if (!isRequeue()) return other;
        if (!other.isRequeue()) return this;
        return requeueAfter.compareTo(other.requeueAfter) <= 0 ? this : other;
    }
}
