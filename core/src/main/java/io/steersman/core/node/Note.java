package io.steersman.core.node;

import io.steersman.api.controller.EventRecorder;

/** An event the simulated kubelet reports about a pod, as the real one would ({@code Pulled}, {@code BackOff}, ...). */
record Note(EventRecorder.Type type, String reason, String message) {
    static Note normal(String reason, String message) {
        return new Note(EventRecorder.Type.Normal, reason, message);
    }

    static Note warning(String reason, String message) {
        return new Note(EventRecorder.Type.Warning, reason, message);
    }
}
