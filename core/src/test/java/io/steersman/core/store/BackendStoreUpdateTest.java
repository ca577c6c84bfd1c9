package io.steersman.core.store;

import static io.steersman.core.store.TestKinds.NOTES;
import static io.steersman.core.store.TestKinds.WIDGETS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.steersman.api.client.ConflictException;
import io.steersman.api.client.DeleteOptions;
import io.steersman.api.client.InvalidException;
import io.steersman.api.client.NotFoundException;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.Status;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BackendStoreUpdateTest extends StoreFixture {

    @Test
    void aStaleUpdateConflictsAndChangesNothing() {
        Widget first = create(Widget.of("default", "web", 1));
        Widget second = store.update(WIDGETS, first.withReplicas(2), WriteOptions.DEFAULT);
        long revision = store.currentRevision();

        assertThatThrownBy(() -> store.update(WIDGETS, first.withReplicas(5), WriteOptions.DEFAULT))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo(409);
                    assertThat(e.status().message()).isEqualTo("Operation cannot be fulfilled on widgets.example.com \"web\": "
                            + "the object has been modified; please apply your changes to the latest version and try again");
                    assertThat(e.status().details()).isEqualTo(new Status.Details("web", "example.com", "widgets"));
                });
        assertThat(widget("default", "web")).isEqualTo(second);
        assertThat(store.currentRevision()).isEqualTo(revision);
    }

    @Test
    void anUpdateWithoutResourceVersionIsUnconditional() {
        Widget created = create(Widget.of("default", "web", 1));
        store.update(WIDGETS, created.withReplicas(2), WriteOptions.DEFAULT);

        Widget blind = created.withMetadata(created.metadata().withResourceVersion(null)).withReplicas(3);
        Widget updated = store.update(WIDGETS, blind, WriteOptions.DEFAULT);

        assertThat(updated.spec().replicas()).isEqualTo(3);
    }

    @Test
    void generationGrowsOnlyWhenTheSpecChanges() {
        Widget created = create(Widget.of("default", "web", 1));

        Widget relabelled = store.update(WIDGETS, created.withMetadata(created.metadata().withLabel("tier", "front")), WriteOptions.DEFAULT);
        assertThat(relabelled.metadata().generation()).isEqualTo(1L);

        Widget scaled = store.update(WIDGETS, relabelled.withReplicas(4), WriteOptions.DEFAULT);
        assertThat(scaled.metadata().generation()).isEqualTo(2L);

        Widget status = store.updateStatus(WIDGETS, scaled.withStatus(new Widget.Status(4)), WriteOptions.DEFAULT);
        assertThat(status.metadata().generation()).isEqualTo(2L);
    }

    @Test
    void updateKeepsTheStoredStatusAndUpdateStatusKeepsEverythingElse() {
        Widget created = create(Widget.of("default", "web", 1));
        Widget withStatus = store.updateStatus(WIDGETS, created.withStatus(new Widget.Status(1)), WriteOptions.DEFAULT);

        Widget specWrite = store.update(WIDGETS, withStatus.withReplicas(3).withStatus(new Widget.Status(99)), WriteOptions.DEFAULT);
        assertThat(specWrite.spec().replicas()).isEqualTo(3);
        assertThat(specWrite.status()).isEqualTo(new Widget.Status(1));

        Widget sneaky = specWrite.withReplicas(7).withStatus(new Widget.Status(3));
        Widget statusWrite = store.updateStatus(WIDGETS,
                sneaky.withMetadata(sneaky.metadata().withLabel("x", "y")), WriteOptions.DEFAULT);
        assertThat(statusWrite.status()).isEqualTo(new Widget.Status(3));
        assertThat(statusWrite.spec().replicas()).isEqualTo(3);
        assertThat(statusWrite.metadata().labels()).isEmpty();
    }

    @Test
    void updateStatusOfAKindWithoutStatusSubresourceIsNotFound() {
        Note note = create(Note.of("default", "n", "a"));

        assertThatThrownBy(() -> store.updateStatus(NOTES, note, WriteOptions.DEFAULT)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void anUpdateThatChangesNothingKeepsTheResourceVersion() {
        Widget created = create(Widget.of("default", "web", 1));
        long revision = store.currentRevision();

        Widget same = store.update(WIDGETS, created, WriteOptions.DEFAULT);

        assertThat(same.metadata().resourceVersion()).isEqualTo(created.metadata().resourceVersion());
        assertThat(store.currentRevision()).isEqualTo(revision);
    }

    @Test
    void systemFieldsComeFromTheStoredObject() {
        Widget created = create(Widget.of("default", "web", 1));
        ObjectMeta forged = created.metadata().toBuilder()
                .creationTimestamp(Instant.EPOCH).generation(40L).deletionTimestamp(Instant.EPOCH).build();

        Widget updated = store.update(WIDGETS, created.withMetadata(forged).withReplicas(2), WriteOptions.DEFAULT);

        assertThat(updated.metadata().creationTimestamp()).isEqualTo(created.metadata().creationTimestamp());
        assertThat(updated.metadata().generation()).isEqualTo(2L);
        assertThat(updated.metadata().deletionTimestamp()).isNull();
        assertThat(updated.metadata().uid()).isEqualTo(created.metadata().uid());
    }

    @Test
    void anotherUidIsAConflict() {
        Widget created = create(Widget.of("default", "web", 1));

        assertThatThrownBy(() -> store.update(WIDGETS, created.withMetadata(created.metadata().toBuilder().uid("other").build()), WriteOptions.DEFAULT))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.status().message())
                        .contains("Precondition failed: UID in precondition: other, UID in object meta: " + created.metadata().uid()));
    }

    @Test
    void updatingAMissingObjectIsNotFound() {
        assertThatThrownBy(() -> store.update(WIDGETS, Widget.of("default", "ghost", 1), WriteOptions.DEFAULT))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.status().message()).isEqualTo("widgets.example.com \"ghost\" not found");
                    assertThat(e.status().details()).isEqualTo(new Status.Details("ghost", "example.com", "widgets"));
                });
    }

    @Test
    void anInvalidUpdateIsRefused() {
        Widget created = create(Widget.of("default", "web", 1));

        assertThatThrownBy(() -> store.update(WIDGETS, created.withReplicas(-1), WriteOptions.DEFAULT)).isInstanceOf(InvalidException.class);
        assertThat(widget("default", "web")).isEqualTo(created);
    }

    @Test
    void dryRunUpdateReturnsTheResultAndStoresNothing() {
        Widget created = create(Widget.of("default", "web", 1));

        Widget answer = store.update(WIDGETS, created.withReplicas(9), new WriteOptions(true, null));

        assertThat(answer.spec().replicas()).isEqualTo(9);
        assertThat(answer.metadata().generation()).isEqualTo(2L);
        assertThat(widget("default", "web")).isEqualTo(created);
    }

    @Test
    void guaranteedUpdateRetriesUntilEveryChangeLands() throws Exception {
        create(Widget.of("default", "counter", 0));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = List.of(pool.submit(() -> increment(200)), pool.submit(() -> increment(200)));
            for (Future<?> future : done) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        Widget counter = widget("default", "counter");
        assertThat(counter.spec().replicas()).isEqualTo(400);
        assertThat(counter.metadata().generation()).isEqualTo(401L);
    }

    private void increment(int times) {
        for (int i = 0; i < times; i++) {
            store.guaranteedUpdate(WIDGETS, "default", "counter", Store.Subresource.MAIN,
                    w -> w.withReplicas(w.spec().replicas() + 1), WriteOptions.DEFAULT);
        }
    }

    @Test
    void guaranteedUpdateWithAnotherResourceVersionIsAConflict() {
        Widget created = create(Widget.of("default", "web", 1));
        store.update(WIDGETS, created.withReplicas(2), WriteOptions.DEFAULT);

        assertThatThrownBy(() -> store.guaranteedUpdate(WIDGETS, "default", "web", Store.Subresource.MAIN,
                w -> w.withMetadata(w.metadata().withResourceVersion(created.metadata().resourceVersion())).withReplicas(5),
                WriteOptions.DEFAULT)).isInstanceOf(ConflictException.class);
        assertThat(widget("default", "web").spec().replicas()).isEqualTo(2);
    }

    @Test
    void guaranteedUpdateOfTheStatusKeepsTheSpec() {
        create(Widget.of("default", "web", 1));

        Widget updated = store.guaranteedUpdate(WIDGETS, "default", "web", Store.Subresource.STATUS,
                w -> w.withReplicas(8).withStatus(new Widget.Status(1)), WriteOptions.DEFAULT);

        assertThat(updated.spec().replicas()).isEqualTo(1);
        assertThat(updated.status()).isEqualTo(new Widget.Status(1));
    }

    @Test
    void noNewFinalizerOnceDeletionStarted() {
        Widget created = create(Widget.of("default", "web", 1));
        Widget held = store.update(WIDGETS, created.withMetadata(created.metadata().withFinalizers(List.of("a"))), WriteOptions.DEFAULT);
        Widget deleting = store.delete(WIDGETS, "default", "web", DeleteOptions.defaults(), WriteOptions.DEFAULT);
        assertThat(deleting.metadata().isBeingDeleted()).isTrue();

        assertThatThrownBy(() -> store.update(WIDGETS, deleting.withMetadata(deleting.metadata().withFinalizers(List.of("a", "b"))), WriteOptions.DEFAULT))
                .isInstanceOfSatisfying(InvalidException.class, e -> assertThat(e.status().details().causes().get(0).field())
                        .isEqualTo("metadata.finalizers"));
        assertThat(held.metadata().finalizers()).containsExactly("a");
    }
}
