package io.steersman.core.store;

import static io.steersman.core.store.TestKinds.WIDGETS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.steersman.api.client.ConflictException;
import io.steersman.api.client.DeleteOptions;
import io.steersman.api.client.DeleteOptions.PropagationPolicy;
import io.steersman.api.client.NotFoundException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackendStoreDeleteTest extends StoreFixture {

    private Widget held(String name, String... finalizers) {
        Widget widget = Widget.of("default", name, 1);
        return create(widget.withMetadata(widget.metadata().withFinalizers(List.of(finalizers))));
    }

    private Widget delete(String name, DeleteOptions options) {
        return store.delete(WIDGETS, "default", name, options, WriteOptions.DEFAULT);
    }

    @Test
    void deleteWithoutFinalizersRemovesAtOnce() {
        create(Widget.of("default", "web", 1));

        Widget deleted = delete("web", DeleteOptions.defaults());

        assertThat(deleted.metadata().resourceVersion()).isEqualTo(Long.toString(store.currentRevision()));
        assertThat(store.get(WIDGETS, "default", "web")).isEmpty();
        assertThatThrownBy(() -> delete("web", DeleteOptions.defaults()))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.status().message())
                        .isEqualTo("widgets.example.com \"web\" not found"));
    }

    @Test
    void finalizersKeepTheObjectWithADeletionTimestampUntilTheLastIsRemoved() {
        held("web", "example.com/a", "example.com/b");
        clock.advance(Duration.ofSeconds(5));

        Widget deleting = delete("web", DeleteOptions.defaults());

        assertThat(deleting.metadata().deletionTimestamp()).isEqualTo(clock.now());
        assertThat(deleting.metadata().deletionGracePeriodSeconds()).isZero();
        assertThat(deleting.metadata().generation()).isEqualTo(2L);
        assertThat(widget("default", "web")).isEqualTo(deleting);

        Widget one = store.update(WIDGETS, deleting.withMetadata(deleting.metadata().withFinalizers(List.of("example.com/b"))), WriteOptions.DEFAULT);
        assertThat(store.get(WIDGETS, "default", "web")).contains(one);

        store.update(WIDGETS, one.withMetadata(one.metadata().withFinalizers(List.of())), WriteOptions.DEFAULT);
        assertThat(store.get(WIDGETS, "default", "web")).isEmpty();
    }

    @Test
    void foregroundAddsTheForegroundDeletionFinalizer() {
        create(Widget.of("default", "web", 1));

        Widget deleting = delete("web", DeleteOptions.propagation(PropagationPolicy.Foreground));

        assertThat(deleting.metadata().finalizers()).containsExactly("foregroundDeletion");
        assertThat(deleting.metadata().isBeingDeleted()).isTrue();
    }

    @Test
    void orphanAddsTheOrphanFinalizer() {
        held("web", "example.com/a");

        Widget deleting = delete("web", DeleteOptions.propagation(PropagationPolicy.Orphan));

        assertThat(deleting.metadata().finalizers()).containsExactly("example.com/a", "orphan");
    }

    @Test
    void backgroundDeletesAtOnce() {
        create(Widget.of("default", "web", 1));

        delete("web", DeleteOptions.propagation(PropagationPolicy.Background));

        assertThat(store.get(WIDGETS, "default", "web")).isEmpty();
    }

    @Test
    void deletingWhatIsBeingDeletedIsFine() {
        held("web", "example.com/a");
        Widget first = delete("web", DeleteOptions.defaults());
        clock.advance(Duration.ofMinutes(1));
        long revision = store.currentRevision();

        Widget again = delete("web", DeleteOptions.defaults());

        assertThat(again).isEqualTo(first);
        assertThat(store.currentRevision()).isEqualTo(revision);
    }

    @Test
    void preconditionsOnUidAndResourceVersionConflict() {
        Widget created = create(Widget.of("default", "web", 1));

        assertThatThrownBy(() -> delete("web", DeleteOptions.ifUid("someone-else")))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.status().message()).isEqualTo(
                        "Operation cannot be fulfilled on widgets.example.com \"web\": Precondition failed: UID in precondition: someone-else, UID in object meta: "
                                + created.metadata().uid()));
        assertThatThrownBy(() -> delete("web", new DeleteOptions(null, null, null, "1")))
                .isInstanceOf(ConflictException.class);
        assertThat(store.get(WIDGETS, "default", "web")).isPresent();

        delete("web", DeleteOptions.ifUid(created.metadata().uid()));
        assertThat(store.get(WIDGETS, "default", "web")).isEmpty();
    }

    @Test
    void dryRunDeleteChangesNothing() {
        Widget created = create(Widget.of("default", "web", 1));
        held("kept", "example.com/a");
        long revision = store.currentRevision();

        store.delete(WIDGETS, "default", "web", DeleteOptions.defaults(), new WriteOptions(true, null));
        Widget answer = store.delete(WIDGETS, "default", "kept", DeleteOptions.defaults(), new WriteOptions(true, null));

        assertThat(answer.metadata().isBeingDeleted()).isTrue();
        assertThat(widget("default", "web")).isEqualTo(created);
        assertThat(widget("default", "kept").metadata().isBeingDeleted()).isFalse();
        assertThat(store.currentRevision()).isEqualTo(revision);
    }
}
