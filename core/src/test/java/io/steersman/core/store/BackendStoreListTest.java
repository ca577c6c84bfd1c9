package io.steersman.core.store;

import static io.steersman.core.store.TestKinds.NAMESPACES;
import static io.steersman.core.store.TestKinds.WIDGETS;
import static io.steersman.core.store.TestSelectors.field;
import static io.steersman.core.store.TestSelectors.label;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.steersman.api.client.ApiException;
import io.steersman.api.client.DeleteOptions;
import io.steersman.api.client.GoneException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackendStoreListTest extends StoreFixture {

    private static List<String> names(List<Widget> widgets) {
        return widgets.stream().map(w -> w.metadata().namespace() + "/" + w.metadata().name()).toList();
    }

    private Widget labelled(String namespace, String name, String tier) {
        Widget widget = Widget.of(namespace, name, 1);
        return create(widget.withMetadata(widget.metadata().withLabel("tier", tier)));
    }

    @Test
    void listsAreOrderedByNamespaceThenName() {
        create(Widget.of("other", "a", 1));
        create(Widget.of("default", "b", 1));
        create(Widget.of("default", "a", 1));

        ListResult<Widget> all = store.list(WIDGETS, ListOptions.all());

        assertThat(names(all.items())).containsExactly("default/a", "default/b", "other/a");
        assertThat(all.resourceVersion()).isEqualTo(store.currentRevision());
        assertThat(all.continueToken()).isNull();
    }

    @Test
    void aNamespaceNarrowsTheList() {
        create(Widget.of("other", "a", 1));
        create(Widget.of("default", "b", 1));

        assertThat(names(store.list(WIDGETS, ListOptions.in("other")).items())).containsExactly("other/a");
    }

    @Test
    void labelAndFieldSelectorsFilter() {
        labelled("default", "a", "front");
        labelled("default", "b", "back");
        Widget c = labelled("other", "c", "front");
        store.update(WIDGETS, c.withSpec(new Widget.Spec(1, "redis")), WriteOptions.DEFAULT);

        assertThat(names(store.list(WIDGETS, new ListOptions(null, label("tier", "front"), null, 0, null, null)).items()))
                .containsExactly("default/a", "other/c");
        assertThat(names(store.list(WIDGETS, new ListOptions(null, null, field("spec.image", "redis"), 0, null, null)).items()))
                .containsExactly("other/c");
        assertThat(names(store.list(WIDGETS, new ListOptions("default", null, field("metadata.name", "b"), 0, null, null)).items()))
                .containsExactly("default/b");
        assertThat(names(store.list(WIDGETS, new ListOptions(null, null, field("metadata.name", "c"), 0, null, null)).items()))
                .containsExactly("other/c");
        assertThat(store.list(WIDGETS, new ListOptions(null, null, field("metadata.namespace", "other"), 0, null, null)).items())
                .hasSize(1);
        assertThat(store.list(NAMESPACES, new ListOptions(null, null, field("metadata.name", "other"), 0, null, null)).items())
                .extracting(s -> s.metadata().name()).containsExactly("other");
    }

    @Test
    void pagesWithContinueAreConsistentAtOneRevisionWhileWritesHappen() {
        for (int i = 0; i < 10; i++) {
            create(Widget.of("default", "w" + i, i));
        }
        ListResult<Widget> first = store.list(WIDGETS, new ListOptions(null, null, null, 4, null, null));
        long revision = first.resourceVersion();
        assertThat(first.remainingItemCount()).isEqualTo(6L);

        store.delete(WIDGETS, "default", "w5", DeleteOptions.defaults(), WriteOptions.DEFAULT);
        create(Widget.of("default", "w45", 0));
        store.update(WIDGETS, widget("default", "w7").withReplicas(70), WriteOptions.DEFAULT);

        List<Widget> all = new ArrayList<>(first.items());
        String token = first.continueToken();
        while (token != null) {
            ListResult<Widget> page = store.list(WIDGETS, new ListOptions(null, null, null, 4, token, null));
            assertThat(page.resourceVersion()).isEqualTo(revision);
            all.addAll(page.items());
            token = page.continueToken();
        }

        assertThat(names(all)).containsExactly("default/w0", "default/w1", "default/w2", "default/w3", "default/w4",
                "default/w5", "default/w6", "default/w7", "default/w8", "default/w9");
        assertThat(all.get(7).spec().replicas()).isEqualTo(7);
        assertThat(store.list(WIDGETS, ListOptions.all()).items()).hasSize(10);
    }

    @Test
    void pagingWithASelectorReturnsOnlyMatchesAndNoRemainingCount() {
        for (int i = 0; i < 9; i++) {
            labelled("default", "w" + i, i % 3 == 0 ? "front" : "back");
        }
        ListResult<Widget> first = store.list(WIDGETS, new ListOptions(null, label("tier", "front"), null, 2, null, null));
        assertThat(names(first.items())).containsExactly("default/w0", "default/w3");
        assertThat(first.remainingItemCount()).isNull();

        ListResult<Widget> second = store.list(WIDGETS, new ListOptions(null, label("tier", "front"), null, 2, first.continueToken(), null));
        assertThat(names(second.items())).containsExactly("default/w6");
        assertThat(second.continueToken()).isNull();
    }

    @Test
    void aContinueTokenWhoseRevisionIsCompactedIsGone() {
        for (int i = 0; i < 4; i++) {
            create(Widget.of("default", "w" + i, i));
        }
        ListResult<Widget> first = store.list(WIDGETS, new ListOptions(null, null, null, 2, null, null));
        create(Widget.of("default", "later", 1));
        backend.compact(store.currentRevision());

        assertThatThrownBy(() -> store.list(WIDGETS, new ListOptions(null, null, null, 2, first.continueToken(), null)))
                .isInstanceOfSatisfying(GoneException.class, e -> {
                    assertThat(e.code()).isEqualTo(410);
                    assertThat(e.reason()).isEqualTo("Expired");
                });
        assertThat(store.list(WIDGETS, ListOptions.all()).items()).hasSize(5);
    }

    @Test
    void aContinueTokenOfAnotherNamespacesListEndsThisList() {
        create(Widget.of("other", "a", 1));
        create(Widget.of("other", "b", 1));
        ListResult<Widget> first = store.list(WIDGETS, new ListOptions("other", null, null, 1, null, null));

        ListResult<Widget> elsewhere = store.list(WIDGETS, new ListOptions("default", null, null, 1, first.continueToken(), null));

        assertThat(elsewhere.items()).isEmpty();
        assertThat(elsewhere.continueToken()).isNull();
    }

    @Test
    void aBrokenContinueTokenIsABadRequest() {
        assertThatThrownBy(() -> store.list(WIDGETS, new ListOptions(null, null, null, 2, "bm90LWEtdG9rZW4", null)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(400));
    }

    @Test
    void aResourceVersionNewerThanTheStoreIsTooLarge() {
        long next = store.currentRevision() + 5;

        assertThatThrownBy(() -> store.list(WIDGETS, new ListOptions(null, null, null, 0, null, Long.toString(next))))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(504);
                    assertThat(e.status().message()).isEqualTo("Timeout: Too large resource version: " + next + ", current: " + (next - 5));
                });
    }

    @Test
    void resourceVersionZeroIsServedWholeWithoutPaging() {
        for (int i = 0; i < 5; i++) {
            create(Widget.of("default", "w" + i, i));
        }

        ListResult<Widget> all = store.list(WIDGETS, new ListOptions(null, null, null, 2, null, "0"));

        assertThat(all.items()).hasSize(5);
        assertThat(all.continueToken()).isNull();
    }
}
