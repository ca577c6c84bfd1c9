package io.steersman.core.informer;

import static org.assertj.core.api.Assertions.assertThat;

import io.steersman.api.model.ApiObject;
import io.steersman.api.resource.ResourceRegistry;
import io.steersman.api.selector.Selector;
import io.steersman.core.fake.FakeStore;
import io.steersman.core.fake.Gadget;
import io.steersman.core.fake.Widget;
import io.steersman.core.store.WriteOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SharedInformerTest {
    private final FakeStore store = new FakeStore();
    private final ResourceRegistry registry = new ResourceRegistry().register(Widget.TYPE).register(Gadget.TYPE);
    private final SharedInformers informers = new SharedInformers(store, registry);
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void close() {
        informers.close();
        store.close();
    }

    private SharedInformer<Widget> widgets() {
        SharedInformer<Widget> informer = informers.forType(Widget.TYPE);
        informer.addHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Widget object) {
                events.add("add " + object.name());
            }

            @Override
            public void onUpdate(Widget oldObject, Widget newObject) {
                events.add("update " + newObject.name() + " " + oldObject.metadata().resourceVersion() + "->" + newObject.metadata().resourceVersion());
            }

            @Override
            public void onDelete(Widget object) {
                events.add("delete " + object.name());
            }
        });
        return informer;
    }

    private Widget create(Widget w) {
        return store.create(Widget.TYPE, w, WriteOptions.DEFAULT);
    }

    private void awaitStore(SharedInformer<?> informer) throws InterruptedException {
        assertThat(informer.awaitRevision(store.currentRevision(), Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void startListsWhatExistsAndWatchesWhatFollows() throws Exception {
        create(Widget.of("default", "a"));
        SharedInformer<Widget> informer = widgets();
        informer.start();

        assertThat(informer.hasSynced()).isTrue();
        assertThat(events).containsExactly("add a");

        Widget b = create(Widget.of("default", "b"));
        Widget b2 = store.update(Widget.TYPE, b.withSpec(Map.of("size", "2")), WriteOptions.DEFAULT);
        store.delete(Widget.TYPE, "default", "a", null, WriteOptions.DEFAULT);
        awaitStore(informer);

        assertThat(events).containsExactly("add a", "add b",
                "update b " + b.metadata().resourceVersion() + "->" + b2.metadata().resourceVersion(), "delete a");
        assertThat(informer.get("default", "b")).containsSame(b2);
        assertThat(informer.get("default", "a")).isEmpty();
        assertThat(informer.lastRevision()).isEqualTo(store.currentRevision());
    }

    @Test
    void listFiltersByNamespaceAndLabels() throws Exception {
        create(Widget.of("one", "web", Map.of("app", "web", "tier", "front")));
        create(Widget.of("one", "db", Map.of("app", "db")));
        create(Widget.of("two", "web", Map.of("app", "web", "tier", "back")));
        SharedInformer<Widget> informer = widgets();
        informer.start();

        assertThat(names(informer.list("one", Selector.everything()))).containsExactlyInAnyOrder("one/web", "one/db");
        assertThat(names(informer.list(null, Selector.parse("app=web")))).containsExactlyInAnyOrder("one/web", "two/web");
        assertThat(names(informer.list(null, Selector.parse("app=web,tier!=front")))).containsExactly("two/web");
        assertThat(names(informer.list("two", Selector.parse("app in (web,db)")))).containsExactly("two/web");
        assertThat(names(informer.list(null, Selector.parse("app=cache")))).isEmpty();
        assertThat(informer.list(null, Selector.nothing())).isEmpty();
    }

    @Test
    void labelIndexFollowsLabelChanges() throws Exception {
        SharedInformer<Widget> informer = widgets();
        informer.start();
        Widget w = create(Widget.of("default", "w", Map.of("app", "web")));
        store.update(Widget.TYPE, w.withMetadata(w.metadata().withLabels(Map.of("app", "db"))), WriteOptions.DEFAULT);
        awaitStore(informer);

        assertThat(informer.list(null, Selector.parse("app=web"))).isEmpty();
        assertThat(names(informer.list(null, Selector.parse("app=db")))).containsExactly("default/w");
    }

    @Test
    void aSelectorWithEqualityTermsOnlyChecksTheIndexedCandidates() throws Exception {
        for (int i = 0; i < 500; i++) {
            create(Widget.of("default", "w" + i, Map.of("app", i < 5 ? "web" : "other" + i)));
        }
        SharedInformer<Widget> informer = widgets();
        informer.start();
        AtomicInteger checked = new AtomicInteger();
        Selector web = Selector.parse("app=web");
        Selector counting = new Selector() {
            @Override
            public boolean matches(Map<String, String> labels) {
                checked.incrementAndGet();
                return web.matches(labels);
            }

            @Override
            public boolean isEverything() {
                return false;
            }

            @Override
            public Map<String, String> equalities() {
                return web.equalities();
            }

            @Override
            public String toString() {
                return web.toString();
            }
        };

        assertThat(informer.list("default", counting)).hasSize(5);
        assertThat(checked.get()).isEqualTo(5);
    }

    @Test
    void aSetTermNarrowsToTheUnionOfItsValues() throws Exception {
        for (int i = 0; i < 300; i++) {
            create(Widget.of("default", "w" + i, Map.of("app", i < 3 ? "web" : i < 5 ? "db" : "other" + i)));
        }
        SharedInformer<Widget> informer = widgets();
        informer.start();
        AtomicInteger checked = new AtomicInteger();
        Selector webOrDb = Selector.parse("app in (db,web)");
        Selector counting = new Selector() {
            @Override
            public boolean matches(Map<String, String> labels) {
                checked.incrementAndGet();
                return webOrDb.matches(labels);
            }

            @Override
            public boolean isEverything() {
                return false;
            }

            @Override
            public List<io.steersman.api.selector.Requirement> requirements() {
                return webOrDb.requirements();
            }

            @Override
            public String toString() {
                return webOrDb.toString();
            }
        };

        assertThat(names(informer.list("default", counting))).containsExactlyInAnyOrder(
                "default/w0", "default/w1", "default/w2", "default/w3", "default/w4");
        assertThat(checked.get()).isEqualTo(5);
    }

    @Test
    void ownerIndexesFindDependents() throws Exception {
        Widget owner = create(Widget.of("default", "owner"));
        Gadget controlled = store.create(Gadget.TYPE, Gadget.ownedBy(owner, "g1"), WriteOptions.DEFAULT);
        Gadget plain = Gadget.of("default", "g2");
        plain = plain.withMetadata(plain.metadata().withOwnerReferences(List.of(
                new io.steersman.api.model.OwnerReference("test.steersman.io/v1", "Widget", "owner", owner.uid(), false, null, null))));
        store.create(Gadget.TYPE, plain, WriteOptions.DEFAULT);
        store.create(Gadget.TYPE, Gadget.of("default", "g3"), WriteOptions.DEFAULT);
        SharedInformer<Gadget> gadgets = informers.forType(Gadget.TYPE);
        gadgets.start();

        assertThat(gadgets.controlledBy(owner.uid())).containsExactly(controlled);
        assertThat(names(gadgets.ownedBy(owner.uid()))).containsExactlyInAnyOrder("default/g1", "default/g2");
        assertThat(names(informers.ownedBy(owner.uid()))).containsExactlyInAnyOrder("default/g1", "default/g2");

        store.delete(Gadget.TYPE, "default", "g1", null, WriteOptions.DEFAULT);
        awaitStore(gadgets);
        assertThat(gadgets.controlledBy(owner.uid())).isEmpty();
    }

    @Test
    void cacheHoldsTheStoresObjectsWithoutCopying() throws Exception {
        SharedInformer<Widget> informer = widgets();
        informer.start();
        Widget stored = create(Widget.of("default", "a"));
        awaitStore(informer);

        assertThat(informer.get("default", "a").orElseThrow()).isSameAs(stored);
    }

    @Test
    void relistAfterGoneDeliversEveryChangeTheWatchLost() throws Exception {
        Widget a = create(Widget.of("default", "a"));
        create(Widget.of("default", "b"));
        SharedInformer<Widget> informer = widgets();
        informer.start();
        events.clear();

        store.hold(); // the watch falls behind: nothing below reaches it
        Widget a2 = store.update(Widget.TYPE, a.withSpec(Map.of("size", "3")), WriteOptions.DEFAULT);
        store.delete(Widget.TYPE, "default", "b", null, WriteOptions.DEFAULT);
        Widget c = create(Widget.of("default", "c"));
        store.expireWatches(); // ... and is cut off with Gone, its backlog dropped
        store.release();
        awaitStore(informer);

        assertThat(events).containsExactlyInAnyOrder(
                "update a " + a.metadata().resourceVersion() + "->" + a2.metadata().resourceVersion(), "delete b", "add c");
        assertThat(informer.all()).containsExactlyInAnyOrder(a2, c);
        assertThat(informer.relists()).isEqualTo(1);

        // And it watches again from the relist's revision.
        Widget d = create(Widget.of("default", "d"));
        awaitStore(informer);
        assertThat(informer.get("default", "d")).containsSame(d);
        assertThat(store.watchCount()).isEqualTo(1);
    }

    @Test
    void aHandlerAddedLateHearsTheCacheAsAdds() {
        create(Widget.of("default", "a"));
        SharedInformer<Widget> informer = informers.forType(Widget.TYPE);
        informer.start();

        widgets();
        assertThat(events).containsExactly("add a");
    }

    @Test
    void aThrowingHandlerDoesNotStopOthers() throws Exception {
        SharedInformer<Widget> informer = informers.forType(Widget.TYPE);
        informer.addHandler(new ResourceEventHandler<ApiObject>() {
            @Override
            public void onAdd(ApiObject object) {
                throw new IllegalStateException("boom");
            }

            @Override
            public void onUpdate(ApiObject oldObject, ApiObject newObject) {
            }

            @Override
            public void onDelete(ApiObject object) {
            }
        });
        widgets();
        informer.start();
        create(Widget.of("default", "a"));
        awaitStore(informer);

        assertThat(events).containsExactly("add a");
    }

    private static List<String> names(List<? extends ApiObject> objects) {
        return objects.stream().map(o -> o.namespace() + "/" + o.name()).toList();
    }

}
