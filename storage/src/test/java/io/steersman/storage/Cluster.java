package io.steersman.storage;

import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.core.Event;
import io.steersman.api.model.core.Namespace;
import io.steersman.api.model.core.PersistentVolume;
import io.steersman.api.model.core.PersistentVolumeClaim;
import io.steersman.api.model.core.Pod;
import io.steersman.api.client.DeleteOptions;
import io.steersman.testing.ControlPlane;
import java.util.List;
import java.util.Map;

/** The control plane the storage tests drive: every plugin on the class path, a manual clock, deterministic settle. */
final class Cluster implements AutoCloseable {
    static final String NS = "default";
    final ControlPlane cp;

    Cluster() {
        this(Map.of());
    }

    Cluster(Map<String, String> settings) {
        this(settings, false);
    }

    /** {@code realTime}: worker threads and the system clock, as the launcher runs, instead of a manual clock. */
    Cluster(Map<String, String> settings, boolean realTime) {
        ControlPlane.Builder builder = ControlPlane.builder().settings(settings);
        cp = (realTime ? builder.systemClock() : builder.manualClock()).start();
        if (cp.get(Namespace.class, null, NS).isEmpty()) {
            cp.apply(Namespace.of(ObjectMeta.builder().name(NS).build(), null));
        }
        cp.settle();
    }

    /** Applies a YAML manifest and settles. */
    void apply(String yaml) {
        cp.apply(yaml);
        cp.settle();
    }

    PersistentVolumeClaim claim(String name) {
        return cp.get(PersistentVolumeClaim.class, NS, name).orElseThrow(() -> new AssertionError("no claim " + name));
    }

    PersistentVolume volume(String name) {
        return cp.get(PersistentVolume.class, null, name).orElseThrow(() -> new AssertionError("no volume " + name));
    }

    boolean volumeExists(String name) {
        return cp.get(PersistentVolume.class, null, name).isPresent();
    }

    boolean claimExists(String name) {
        return cp.get(PersistentVolumeClaim.class, NS, name).isPresent();
    }

    Pod pod(String name) {
        return cp.get(Pod.class, NS, name).orElseThrow(() -> new AssertionError("no pod " + name));
    }

    List<PersistentVolume> volumes() {
        return cp.list(PersistentVolume.class, null);
    }

    void deleteClaim(String name) {
        cp.client().delete(PersistentVolumeClaim.class, NS, name, DeleteOptions.defaults());
        cp.settle();
    }

    void deletePod(String name) {
        cp.client().delete(Pod.class, NS, name, DeleteOptions.defaults());
        cp.settle();
    }

    /** Messages of the Events about the named object with that reason, in any namespace. */
    List<String> events(String involvedName, String reason) {
        return cp.list(Event.class, null).stream()
                .filter(e -> involvedName.equals(e.involvedObject().name()) && reason.equals(e.reason()))
                .map(Event::message).toList();
    }

    /** A claim of {@code size}; {@code extra} adds spec fields (ReadWriteOnce unless it sets accessModes). */
    static String claimYaml(String name, String size, String extra) {
        String modes = extra.contains("accessModes:") ? "" : "accessModes: [ReadWriteOnce]\n";
        return """
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata:
                  name: %s
                spec:
                  resources:
                    requests:
                      storage: %s
                %s""".formatted(name, size, indent(modes + extra, 2));
    }

    static String volumeYaml(String name, String size, String extra) {
        return """
                apiVersion: v1
                kind: PersistentVolume
                metadata:
                  name: %s
                spec:
                  capacity:
                    storage: %s
                  hostPath:
                    path: /tmp/%s
                %s""".formatted(name, size, name, indent(extra, 2));
    }

    static String podYaml(String name, String claim) {
        return """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: %s
                spec:
                  containers:
                  - name: main
                    image: nginx:1.27
                    volumeMounts:
                    - name: data
                      mountPath: /data
                  volumes:
                  - name: data
                    persistentVolumeClaim:
                      claimName: %s
                """.formatted(name, claim);
    }

    private static String indent(String text, int spaces) {
        String pad = " ".repeat(spaces);
        return text.isEmpty() ? "" : text.lines().map(l -> pad + l).reduce((a, b) -> a + "\n" + b).orElse("") + "\n";
    }

    @Override
    public void close() {
        cp.close();
    }
}
