package io.steersman.controller.deployment;

import io.steersman.api.model.apps.ReplicaSet;
import io.steersman.api.model.core.Pod;
import io.steersman.api.model.core.Pods;
import java.util.function.Function;

/** Bounds a test asks {@link WriteObserver} to check after every write, for the pods labelled app=<app>. */
final class Checks {
    private Checks() {}

    static boolean ofApp(Pod pod, String app) {
        return app.equals(pod.metadata().labels().get("app"));
    }

    static int activePods(WriteObserver.State state, String app) {
        int n = 0;
        for (Pod pod : state.pods()) {
            if (ofApp(pod, app) && Pods.isActive(pod)) n++;
        }
        return n;
    }

    static int readyPods(WriteObserver.State state, String app) {
        int n = 0;
        for (Pod pod : state.pods()) {
            if (ofApp(pod, app) && Pods.isActive(pod) && Pods.isReady(pod)) n++;
        }
        return n;
    }

    static Function<WriteObserver.State, String> atMostPods(String app, int max) {
        return state -> {
            int n = activePods(state, app);
            return n > max ? n + " active pods of " + app + ", more than " + max : null;
        };
    }

    static Function<WriteObserver.State, String> atLeastReady(String app, int min) {
        return state -> {
            int n = readyPods(state, app);
            return n < min ? n + " ready pods of " + app + ", fewer than " + min : null;
        };
    }

    static Function<WriteObserver.State, String> atMostReplicasInSpecs(String app, int max) {
        return state -> {
            int n = 0;
            for (ReplicaSet rs : state.replicaSets()) {
                if (app.equals(rs.spec().template().metadata().labels().get("app"))) n += ReplicaSets.replicas(rs);
            }
            return n > max ? "ReplicaSets of " + app + " ask for " + n + " pods, more than " + max : null;
        };
    }
}
