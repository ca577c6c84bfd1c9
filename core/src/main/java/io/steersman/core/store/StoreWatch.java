package io.steersman.core.store;

import io.steersman.api.model.ApiObject;
import io.steersman.api.resource.ResourceType;
import io.steersman.api.selector.FieldSelector;
import io.steersman.api.selector.Selector;
import io.steersman.core.backend.BackendEvent;
import io.steersman.core.backend.BackendWatch;
import io.steersman.core.backend.BackendWatcher;
import io.steersman.core.backend.CompactedException;
import io.steersman.core.backend.KeyValue;
import io.steersman.core.backend.WatchOverflowException;

/**
 * Turns one backend watch into the API's watch events for one kind, with upstream's selector rule:
 * an object that starts matching arrives as ADDED, one that stops matching as DELETED (its previous
 * state, at the revision of the change), as the watch cache's {@code convertToWatchEvent} does.
 * Runs on the backend's delivery thread, so the listener's calls are sequential and ordered.
 */
final class StoreWatch<T extends ApiObject> implements BackendWatcher, Watch {
    private final ResourceType<T> type;
    private final WatchOptions options;
    private final WatchListener<T> listener;
    private final Runnable onEnd;
    private volatile BackendWatch backendWatch;
    private volatile boolean closeRequested;

    StoreWatch(ResourceType<T> type, WatchOptions options, WatchListener<T> listener, Runnable onEnd) {
        this.type = type;
        this.options = options;
        this.listener = listener;
        this.onEnd = onEnd;
    }

    void attach(BackendWatch watch) {
        backendWatch = watch;
        if (closeRequested) {
            watch.close();
        }
    }

    boolean wantsBookmarks() {
        return options.allowBookmarks();
    }

    void requestBookmark() {
        BackendWatch watch = backendWatch;
        if (watch != null) {
            watch.requestProgress();
        }
    }

    @Override
    public void onEvent(BackendEvent event) {
        KeyValue kv = event.kv();
        T object = type.cast(kv.value());
        if (event.type() == BackendEvent.Type.DELETE) {
            if (matches(object)) {
                deliver(WatchEvent.Type.DELETED, object, kv.modRevision());
            }
            return;
        }
        boolean now = matches(object);
        if (event.prevKv() == null) {
            if (now) {
                deliver(WatchEvent.Type.ADDED, object, kv.modRevision());
            }
            return;
        }
        T previous = type.cast(event.prevKv().value());
        boolean before = matches(previous);
        if (now) {
            deliver(before ? WatchEvent.Type.MODIFIED : WatchEvent.Type.ADDED, object, kv.modRevision());
        } else if (before) {
            T gone = Shapes.withMetadata(type, previous,
                    previous.metadata().withResourceVersion(Long.toString(kv.modRevision())));
            deliver(WatchEvent.Type.DELETED, gone, kv.modRevision());
        }
    }

    private boolean matches(T object) {
        Selector labels = options.labelSelector();
        FieldSelector fields = options.fieldSelector();
        return (labels.isEverything() || labels.matches(object.metadata().labels()))
                && (fields.isEverything() || fields.matches(type.selectableFields(object)));
    }

    private void deliver(WatchEvent.Type eventType, T object, long revision) {
        listener.onEvent(new WatchEvent<>(eventType, object, revision));
    }

    @Override
    public void onProgress(long revision) {
        if (options.allowBookmarks()) {
            deliver(WatchEvent.Type.BOOKMARK, Shapes.bookmark(type, revision), revision);
        }
    }

    @Override
    public void onClose(RuntimeException cause) {
        onEnd.run();
        listener.onClose(translate(cause));
    }

    private RuntimeException translate(RuntimeException cause) {
        if (cause instanceof CompactedException compacted) {
            return StatusErrors.tooOldResourceVersion(compacted.requestedRevision(), compacted.compactedRevision());
        }
        if (cause instanceof WatchOverflowException overflow) {
            return StatusErrors.gone("the watch of " + type.qualifiedPlural() + " was closed: " + overflow.getMessage()
                    + "; resume from the last resourceVersion received");
        }
        return cause;
    }

    @Override
    public void close() {
        closeRequested = true;
        BackendWatch watch = backendWatch;
        if (watch != null) {
            watch.close();
        }
    }
}
