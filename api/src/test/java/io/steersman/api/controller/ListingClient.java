package io.steersman.api.controller;

import io.steersman.api.client.Client;
import io.steersman.api.client.DeleteOptions;
import io.steersman.api.client.PatchType;
import io.steersman.api.model.ApiObject;
import io.steersman.api.selector.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A read-only cache view over fixed objects: get and list work, every write (and listControlledBy) fails the test with an AssertionError. */
final class ListingClient implements Client {
    private final List<ApiObject> objects;

    ListingClient(ApiObject... objects) {
        this.objects = List.of(objects);
    }

    @Override
    public <T extends ApiObject> Optional<T> get(Class<T> kind, String namespace, String name) {
        return list(kind, namespace).stream().filter(o -> o.name().equals(name)).findFirst();
    }

    @Override
    public <T extends ApiObject> List<T> list(Class<T> kind, String namespace, Selector selector) {
        List<T> found = new ArrayList<>();
        for (ApiObject o : objects) {
            if (kind.isInstance(o) && Objects.equals(namespace, o.namespace()) && selector.matches(o.metadata().labels())) {
                found.add(kind.cast(o));
            }
        }
        return found;
    }

    @Override
    public <T extends ApiObject> List<T> listControlledBy(Class<T> kind, ApiObject owner) {
        throw new AssertionError("listControlledBy is not a read these tests expect");
    }

    @Override
    public <T extends ApiObject> T create(T object) {
        throw new AssertionError("a write through a read-only test client");
    }

    @Override
    public <T extends ApiObject> T update(T object) {
        throw new AssertionError("a write through a read-only test client");
    }

    @Override
    public <T extends ApiObject> T updateStatus(T object) {
        throw new AssertionError("a write through a read-only test client");
    }

    @Override
    public <T extends ApiObject> T patch(Class<T> kind, String namespace, String name, PatchType type, String body) {
        throw new AssertionError("a write through a read-only test client");
    }

    @Override
    public void delete(Class<? extends ApiObject> kind, String namespace, String name, DeleteOptions options) {
        throw new AssertionError("a write through a read-only test client");
    }
}
