package io.steersman.core.gc;

import io.steersman.api.model.ObjectMeta;
import java.util.ArrayList;
import java.util.List;

/** The finalizers the garbage collector owns, as upstream names them. */
final class Finalizers {
    /** Set by the store on an owner deleted with propagationPolicy Foreground. */
    static final String FOREGROUND_DELETION = "foregroundDeletion";
    /** Set by the store on an owner deleted with propagationPolicy Orphan. */
    static final String ORPHAN = "orphan";

    private Finalizers() {}

    static boolean has(ObjectMeta metadata, String finalizer) {
        return metadata.finalizers().contains(finalizer);
    }

    static ObjectMeta without(ObjectMeta metadata, String finalizer) {
        List<String> rest = new ArrayList<>(metadata.finalizers());
        rest.removeIf(finalizer::equals);
        return metadata.withFinalizers(rest);
    }
}
