package io.steersman.core.node;

import io.steersman.api.model.core.Container;
import io.steersman.api.model.core.ContainerState;
import io.steersman.api.model.core.ContainerStatus;
import io.steersman.api.model.core.Pod;
import io.steersman.api.model.core.Probe;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One step of one simulated container: from the status the pod reports now to the status it
 * should report at {@code now}. A container pulls its image from the catalog (or fails to, and
 * stays in ErrImagePull then ImagePullBackOff), runs, becomes started and ready when its probes
 * would pass, and crashes and restarts with the kubelet's back-off when its pod asks for it.
 * Pure but for caches of image IDs and messages: everything it needs comes in, and the events
 * to report go out in {@code notes}. Thread-safe.
 */
final class ContainerLifecycle {

    static final String ERR_IMAGE_PULL = "ErrImagePull";
    static final String IMAGE_PULL_BACK_OFF = "ImagePullBackOff";
    static final String INVALID_IMAGE_NAME = "InvalidImageName";
    static final String CRASH_LOOP_BACK_OFF = "CrashLoopBackOff";
    static final String POD_INITIALIZING = "PodInitializing";

    private static final ContainerState NO_STATE = new ContainerState(null, null, null, null);

    /** What a step produced: the status, and the earliest future time at which it changes by itself (null: never). */
    record Step(ContainerStatus status, Instant wakeAt) {}

    private static final int MAX_IMAGE_IDS = 1024;
    private static final int MAX_MESSAGES = 4096;

    private final ImageCatalog catalog;
    private final Map<String, String> imageIDs = new ConcurrentHashMap<>();
    private final Map<String, String> messages = new ConcurrentHashMap<>();

    ContainerLifecycle(ImageCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * @param previous    the container's status as the pod reports it, or null
     * @param terminating the pod is shutting down: never ready, never restarted
     * @param init        an init container: it runs to completion at once instead of running on
     */
    Step advance(Pod pod, Container container, ContainerStatus previous, PodBehaviour behaviour, boolean init,
            boolean terminating, Instant now, List<Note> notes) {
        String name = container.name();
        int restartCount = previous == null ? 0 : previous.restartCountOrZero();
        ContainerState lastState = previous == null || previous.lastState() == null ? NO_STATE : previous.lastState();
        ContainerState state = previous == null || previous.state() == null ? NO_STATE : previous.state();

        Optional<ImageReference> reference = ImageReference.parse(container.image());
        String canonical = reference.map(ImageReference::canonical).orElse(container.image());
        if (state.running() != null && previous.image() != null && !previous.image().equals(canonical)) {
            // The image changed under a running container: the kubelet kills it and starts the new one.
            notes.add(Note.normal("Killing", "Container " + name + " definition changed, will be restarted"));
            lastState = ContainerState.terminated(0, "Completed", state.running().startedAt(), now);
            state = NO_STATE;
            restartCount++;
        }

        if (reference.isEmpty()) {
            String message = "Failed to apply default image tag \"" + container.image() + "\": couldn't parse image name \""
                    + container.image() + "\": invalid reference format";
            if (!isWaiting(state, INVALID_IMAGE_NAME)) {
                notes.add(Note.warning("InspectFailed", message));
                notes.add(Note.warning("Failed", "Error: " + INVALID_IMAGE_NAME));
            }
            return new Step(waiting(container, INVALID_IMAGE_NAME, message, lastState, restartCount), null);
        }
        if (!catalog.admits(reference.get())) {
            return new Step(pullFailure(container, canonical, state, lastState, restartCount, notes), null);
        }
        if (state.terminated() != null) {
            return new Step(previous, null);
        }
        if (state.running() != null) {
            return running(pod, container, previous, behaviour, init, terminating, now, notes);
        }
        if (isWaiting(state, CRASH_LOOP_BACK_OFF) && lastState.terminated() != null && lastState.terminated().finishedAt() != null) {
            Instant restartAt = lastState.terminated().finishedAt().plus(CrashLoopBackoff.delay(restartCount));
            if (terminating || now.isBefore(restartAt)) {
                return new Step(previous, terminating ? null : restartAt);
            }
            return start(pod, container, canonical, reference.get(), lastState, restartCount + 1, behaviour, init, now, notes);
        }
        if (terminating) {
            return new Step(previous != null ? previous : waiting(container, "ContainerCreating", null, lastState, restartCount), null);
        }
        return start(pod, container, canonical, reference.get(), lastState, restartCount, behaviour, init, now, notes);
    }

    /** A container that waits for the init containers before it. */
    ContainerStatus initializing(Container container, ContainerStatus previous) {
        int restartCount = previous == null ? 0 : previous.restartCountOrZero();
        ContainerState lastState = previous == null || previous.lastState() == null ? NO_STATE : previous.lastState();
        return waiting(container, POD_INITIALIZING, null, lastState, restartCount);
    }

    private ContainerStatus pullFailure(Container container, String canonical, ContainerState state, ContainerState lastState,
            int restartCount, List<Note> notes) {
        String image = container.image();
        if (isWaiting(state, ERR_IMAGE_PULL) || isWaiting(state, IMAGE_PULL_BACK_OFF)) {
            if (isWaiting(state, ERR_IMAGE_PULL)) {
                notes.add(Note.normal("BackOff", "Back-off pulling image \"" + image + "\""));
                notes.add(Note.warning("Failed", "Error: " + IMAGE_PULL_BACK_OFF));
            }
            return waiting(container, IMAGE_PULL_BACK_OFF, "Back-off pulling image \"" + image + "\"", lastState, restartCount);
        }
        // containerd's answer for a tag the registry does not have.
        String message = "rpc error: code = NotFound desc = failed to pull and unpack image \"" + canonical
                + "\": failed to resolve reference \"" + canonical + "\": " + canonical + ": not found";
        notes.add(Note.normal("Pulling", "Pulling image \"" + image + "\""));
        notes.add(Note.warning("Failed", "Failed to pull image \"" + image + "\": " + message));
        notes.add(Note.warning("Failed", "Error: " + ERR_IMAGE_PULL));
        return waiting(container, ERR_IMAGE_PULL, message, lastState, restartCount);
    }

    private Step start(Pod pod, Container container, String canonical, ImageReference reference, ContainerState lastState,
            int restartCount, PodBehaviour behaviour, boolean init, Instant now, List<Note> notes) {
        String name = container.name();
        notes.add(Note.normal("Pulled", message(container.image(), "Container image \"", "\" already present on machine")));
        notes.add(Note.normal("Created", message(name, "Created container: ", "")));
        notes.add(Note.normal("Started", message(name, "Started container ", "")));
        String containerID = "containerd://" + sha256(pod.uid() + "/" + name + "/" + restartCount);
        String imageID = imageID(reference, canonical);
        if (init) {
            ContainerState completed = new ContainerState(null, null, new ContainerState.Terminated(0, null, "Completed", null,
                    now, now, containerID, null), null);
            return new Step(new ContainerStatus(name, completed, lastState, false, restartCount, canonical, imageID,
                    containerID, false, null), null);
        }
        if (behaviour.neverReady()) {
            notes.add(Note.warning("Unhealthy", "Readiness probe failed: HTTP probe failed with statuscode: 503"));
        }
        ContainerStatus started = new ContainerStatus(name, ContainerState.running(now), lastState, false, restartCount,
                canonical, imageID, containerID, false, null);
        return running(pod, container, started, behaviour, false, false, now, notes);
    }

    private Step running(Pod pod, Container container, ContainerStatus current, PodBehaviour behaviour, boolean init,
            boolean terminating, Instant now, List<Note> notes) {
        Instant startedAt = current.state().running().startedAt();
        if (!init && !terminating && behaviour.crashAfter() != null) {
            Instant crashAt = startedAt.plus(behaviour.crashAfter());
            if (!now.isBefore(crashAt)) {
                return crash(pod, container, current, crashAt, notes);
            }
        }
        Instant startupAt = startedAt.plusSeconds(initialDelay(container.startupProbe()));
        Duration readyDelay = Duration.ofSeconds(initialDelay(container.readinessProbe()));
        if (behaviour.readyAfter() != null && behaviour.readyAfter().compareTo(readyDelay) > 0) {
            readyDelay = behaviour.readyAfter();
        }
        Instant readyAt = startedAt.plus(readyDelay);
        if (readyAt.isBefore(startupAt)) {
            readyAt = startupAt;
        }
        boolean started = !now.isBefore(startupAt);
        boolean ready = started && !terminating && !behaviour.neverReady() && !now.isBefore(readyAt);
        Instant wakeAt = null;
        if (!terminating) {
            wakeAt = earliestAfter(now, startupAt, behaviour.neverReady() ? null : readyAt,
                    behaviour.crashAfter() == null ? null : startedAt.plus(behaviour.crashAfter()));
        }
        ContainerStatus status = new ContainerStatus(current.name(), current.state(), current.lastState(), ready,
                current.restartCount(), current.image(), current.imageID(), current.containerID(), started, current.unknownFields());
        return new Step(status, wakeAt);
    }

    private Step crash(Pod pod, Container container, ContainerStatus current, Instant crashAt, List<Note> notes) {
        Instant startedAt = current.state().running().startedAt();
        ContainerState.Terminated exited = new ContainerState.Terminated(1, null, "Error", null, startedAt, crashAt,
                current.containerID(), null);
        if ("Never".equals(pod.spec().restartPolicy())) {
            ContainerStatus status = new ContainerStatus(current.name(), new ContainerState(null, null, exited, null), NO_STATE,
                    false, current.restartCount(), current.image(), current.imageID(), current.containerID(), false, null);
            return new Step(status, null);
        }
        int restartCount = current.restartCountOrZero();
        Duration backoff = CrashLoopBackoff.delay(restartCount);
        String podName = pod.name() + "_" + pod.namespace() + "(" + pod.uid() + ")";
        notes.add(Note.warning("BackOff", "Back-off restarting failed container " + container.name() + " in pod " + podName));
        ContainerState waiting = ContainerState.waiting(CRASH_LOOP_BACK_OFF, "back-off " + seconds(backoff)
                + " restarting failed container=" + container.name() + " pod=" + podName);
        ContainerStatus status = new ContainerStatus(current.name(), waiting, new ContainerState(null, null, exited, null),
                false, restartCount, current.image(), current.imageID(), current.containerID(), false, null);
        return new Step(status, crashAt.plus(backoff));
    }

    private static ContainerStatus waiting(Container container, String reason, String message, ContainerState lastState,
            int restartCount) {
        return new ContainerStatus(container.name(), ContainerState.waiting(reason, message), lastState, false, restartCount,
                container.image(), "", null, false, null);
    }

    private static boolean isWaiting(ContainerState state, String reason) {
        return state.waiting() != null && reason.equals(state.waiting().reason());
    }

    private static long initialDelay(Probe probe) {
        return probe == null ? 0 : probe.initialDelaySecondsOrDefault();
    }

    /** {@code 10s}, {@code 2m40s}, {@code 5m0s}, as Go prints a duration. */
    private static String seconds(Duration duration) {
        long total = duration.toSeconds();
        return total < 60 ? total + "s" : (total / 60) + "m" + (total % 60) + "s";
    }

    private static Instant earliestAfter(Instant now, Instant... times) {
        Instant earliest = null;
        for (Instant time : times) {
            if (time != null && time.isAfter(now) && (earliest == null || time.isBefore(earliest))) {
                earliest = time;
            }
        }
        return earliest;
    }

    /**
     * {@code prefix + subject + suffix}, one String per distinct text (up to a bound): every pod of a
     * template starts the same containers from the same images, and its Events keep the messages.
     */
    private String message(String subject, String prefix, String suffix) {
        String text = prefix + subject + suffix;
        String known = messages.putIfAbsent(text, text);
        if (known == null && messages.size() > MAX_MESSAGES) {
            messages.clear(); // many distinct images or names: start over rather than grow
        }
        return known != null ? known : text;
    }

    /**
     * {@code repository@sha256:...}: the image's own digest, or one made from its name. The same
     * image starts in many pods: each distinct one is computed once (up to a bound; then per call).
     */
    private String imageID(ImageReference reference, String canonical) {
        String known = imageIDs.get(canonical);
        if (known != null) {
            return known;
        }
        String made = reference.repository() + "@" + (reference.digest() != null ? reference.digest() : "sha256:" + sha256(canonical));
        if (imageIDs.size() < MAX_IMAGE_IDS) {
            imageIDs.put(canonical, made);
        }
        return made;
    }

    private static String sha256(String text) {
        // A digest per call costs a provider lookup per container start: each thread keeps one (digest() resets it).
        return HexFormat.of().formatHex(SHA256.get().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    });
}
