package io.steersman.core.event;

import io.steersman.api.client.AlreadyExistsException;
import io.steersman.api.client.Client;
import io.steersman.api.client.DeleteOptions;
import io.steersman.api.client.NotFoundException;
import io.steersman.api.client.PatchType;
import io.steersman.api.model.ApiObject;
import io.steersman.api.model.Status;
import io.steersman.api.selector.Selector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A client that keeps objects in a map by namespace/name, counts writes, and can be told to fail. */
final class RecordingClient implements Client {
    final Map<String, ApiObject> objects = new LinkedHashMap<>();
    int writes;
    RuntimeException failure;

    private static String key(String namespace, String name) {
        return namespace + "/" + name;
    }

    @Override
    public <T extends ApiObject> Optional<T> get(Class<T> kind, String namespace, String name) {
        return Optional.ofNullable(objects.get(key(namespace, name))).filter(kind::isInstance).map(kind::cast);
    }

    @Override
    public <T extends ApiObject> List<T> list(Class<T> kind, String namespace, Selector selector) {
        List<T> out = new ArrayList<>();
        for (ApiObject object : objects.values()) {
            if (kind.isInstance(object) && (namespace == null || namespace.equals(object.namespace()))) {
                out.add(kind.cast(object));
            }
        }
        return out;
    }

    @Override
    public <T extends ApiObject> List<T> listControlledBy(Class<T> kind, ApiObject owner) {
        return List.of();
    }

    @Override
    public <T extends ApiObject> T create(T object) {
        fail();
        if (objects.containsKey(key(object.namespace(), object.name()))) {
            throw new AlreadyExistsException(status(409, "AlreadyExists", object.name()));
        }
        objects.put(key(object.namespace(), object.name()), object);
        writes++;
        return object;
    }

    @Override
    public <T extends ApiObject> T update(T object) {
        fail();
        if (!objects.containsKey(key(object.namespace(), object.name()))) {
            throw new NotFoundException(status(404, "NotFound", object.name()));
        }
        objects.put(key(object.namespace(), object.name()), object);
        writes++;
        return object;
    }

    @Override
    public <T extends ApiObject> T updateStatus(T object) {
        return update(object);
    }

    @Override
    public <T extends ApiObject> T patch(Class<T> kind, String namespace, String name, PatchType type, String body) {
        throw new UnsupportedOperationException("patch");
    }

    @Override
    public void delete(Class<? extends ApiObject> kind, String namespace, String name, DeleteOptions options) {
        if (objects.remove(key(namespace, name)) == null) {
            throw new NotFoundException(status(404, "NotFound", name));
        }
    }

    private static Status status(int code, String reason, String name) {
        return Status.failure(code, reason, name + ": " + reason, null);
    }

    private void fail() {
        if (failure != null) {
            throw failure;
        }
    }
}
