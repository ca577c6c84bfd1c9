package io.steersman.core.patch;

import java.time.Instant;
import java.util.Objects;

/**
 * What a patch needs to know besides the object and the body: the kind (its merge keys, and
 * whether it is built in), and for server-side apply and managedFields the field manager, the
 * force flag and the time to record. Immutable; build with {@link #of} and the withers.
 *
 * @param apiVersion   the object's apiVersion, {@code apps/v1} or {@code v1}
 * @param kind         the object's kind, {@code Deployment}
 * @param fieldManager the {@code fieldManager} query parameter (or the manager upstream derives
 *                     from the user agent); required for apply, optional otherwise
 * @param force        the {@code force} query parameter of an apply: take over conflicting fields
 * @param now          the time written into managedFields entries (pass the control plane's clock)
 * @param subresource  the subresource written ({@code status}, {@code scale}), or null
 */
public record PatchContext(String apiVersion, String kind, String fieldManager, boolean force, Instant now, String subresource) {
    public PatchContext {
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(now, "now");
    }

    /** A context for the kind, with no field manager, no force, and the system time (set yours with {@link #at}). */
    public static PatchContext of(String apiVersion, String kind) {
        return new PatchContext(apiVersion, kind, null, false, Instant.now(), null);
    }

    public PatchContext withFieldManager(String manager) {
        return new PatchContext(apiVersion, kind, manager, force, now, subresource);
    }

    public PatchContext withForce(boolean force) {
        return new PatchContext(apiVersion, kind, fieldManager, force, now, subresource);
    }

    public PatchContext at(Instant now) {
        return new PatchContext(apiVersion, kind, fieldManager, force, now, subresource);
    }

    public PatchContext withSubresource(String subresource) {
        return new PatchContext(apiVersion, kind, fieldManager, force, now, subresource);
    }

    /** The API group: empty for the core group. */
    public String group() {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }
}
