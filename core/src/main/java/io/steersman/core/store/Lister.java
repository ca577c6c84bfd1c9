package io.steersman.core.store;

import io.steersman.api.model.ApiObject;
import io.steersman.api.resource.ResourceType;
import io.steersman.api.selector.FieldSelector;
import io.steersman.api.selector.Selector;
import io.steersman.core.backend.Backend;
import io.steersman.core.backend.CompactedException;
import io.steersman.core.backend.KeyValue;
import io.steersman.core.backend.Keys;
import io.steersman.core.backend.RangeResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Answers the store's lists as upstream's etcd3 store does: one consistent revision per list and
 * its continuations, pages by key after the last item returned, selectors applied while reading,
 * {@code metadata.name=x} as a point lookup and a namespace as a key prefix. Thread-safe.
 */
final class Lister {
    private final Backend backend;

    Lister(Backend backend) {
        this.backend = backend;
    }

    <T extends ApiObject> ListResult<T> list(ResourceType<T> type, String kindPrefix, ListOptions options) {
        FieldSelector fields = options.fieldSelector();
        String namespace = type.namespaced() ? Requests.blankToNull(options.namespace()) : null;
        if (namespace == null && type.namespaced()) {
            namespace = fields.requiresExactMatch("metadata.namespace").orElse(null);
        }
        String prefix = namespace == null ? kindPrefix : Keys.namespacePrefix(kindPrefix, namespace);
        String resourceVersion = Requests.blankToNull(options.resourceVersion());
        long limit = options.limit();
        long revision;
        String start;
        String token = Requests.blankToNull(options.continueToken());
        if (token != null) {
            if (resourceVersion != null && !"0".equals(resourceVersion)) {
                throw StatusErrors.badRequest("specifying resource version is not allowed when using continue");
            }
            ContinueTokens.Position position = ContinueTokens.decode(token, kindPrefix);
            revision = position.revision();
            if (revision > backend.currentRevision()) {
                throw StatusErrors.badRequest("continue key is not valid: the revision is in the future");
            }
            start = position.startKey().compareTo(prefix) < 0 ? prefix : position.startKey();
        } else {
            revision = listRevision(resourceVersion);
            start = prefix;
            if ("0".equals(resourceVersion)) {
                // Upstream serves resourceVersion=0 from its watch cache, whole, without paging.
                limit = 0;
            }
        }
        try {
            Optional<String> name = fields.requiresExactMatch("metadata.name");
            if (name.isPresent() && (namespace != null || !type.namespaced())) {
                String key = Keys.key(kindPrefix, namespace, name.get());
                List<T> items = new ArrayList<>(1);
                if (key.compareTo(start) >= 0) {
                    for (KeyValue kv : backend.range(key, Keys.after(key), revision, 1).kvs()) {
                        addIfMatches(type, kv, options, items);
                    }
                }
                return new ListResult<>(items, revision, null, null);
            }
            String end = Keys.prefixEnd(prefix);
            if (start.compareTo(end) >= 0) {
                // A continue token of another list (another namespace) that points past this one.
                return new ListResult<>(List.of(), revision, null, null);
            }
            return scan(type, options, kindPrefix, start, end, revision, limit);
        } catch (CompactedException e) {
            if (token != null) {
                throw StatusErrors.continueExpired();
            }
            throw StatusErrors.tooOldResourceVersion(e.requestedRevision(), e.compactedRevision());
        }
    }

    private long listRevision(String resourceVersion) {
        long current = backend.currentRevision();
        if (resourceVersion == null || "0".equals(resourceVersion)) {
            return current;
        }
        long requested = Requests.parseResourceVersion(resourceVersion);
        if (requested > current) {
            throw StatusErrors.tooLargeResourceVersion(requested, current);
        }
        // Upstream's default match is NotOlderThan: the latest state satisfies it.
        return current;
    }

    /** Reads a page: as many backend batches as it takes to find {@code limit} matching objects. */
    private <T extends ApiObject> ListResult<T> scan(ResourceType<T> type, ListOptions options, String kindPrefix,
            String start, String end, long revision, long limit) {
        boolean filtered = !options.labelSelector().isEverything() || !options.fieldSelector().isEverything();
        long batch = limit == 0 ? 0 : filtered ? Math.max(limit, 500) : limit + 1;
        List<T> items = new ArrayList<>();
        String from = start;
        String lastKey = null;
        while (true) {
            RangeResult page = backend.range(from, end, revision, batch);
            for (KeyValue kv : page.kvs()) {
                if (limit > 0 && items.size() == limit) {
                    // The page is full and a further key exists: the client continues after lastKey.
                    String token = ContinueTokens.encode(revision, kindPrefix, lastKey);
                    // As upstream, how many remain is told only when it is exact (no selector).
                    Long remaining = filtered ? null : backend.count(Keys.after(lastKey), end, revision);
                    return new ListResult<>(items, revision, token, remaining);
                }
                if (addIfMatches(type, kv, options, items)) {
                    lastKey = kv.key();
                }
            }
            if (!page.more()) {
                return new ListResult<>(items, revision, null, null);
            }
            from = Keys.after(page.kvs().get(page.kvs().size() - 1).key());
        }
    }

    private static <T extends ApiObject> boolean addIfMatches(ResourceType<T> type, KeyValue kv, ListOptions options, List<T> into) {
        T object = type.cast(kv.value());
        Selector labels = options.labelSelector();
        FieldSelector fields = options.fieldSelector();
        if ((labels.isEverything() || labels.matches(object.metadata().labels()))
                && (fields.isEverything() || fields.matches(type.selectableFields(object)))) {
            into.add(object);
            return true;
        }
        return false;
    }

}
