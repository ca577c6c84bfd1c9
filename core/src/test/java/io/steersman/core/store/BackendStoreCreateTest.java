package io.steersman.core.store;

import static io.steersman.core.store.TestKinds.NAMESPACES;
import static io.steersman.core.store.TestKinds.NOTES;
import static io.steersman.core.store.TestKinds.WIDGETS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.steersman.api.client.AlreadyExistsException;
import io.steersman.api.client.ApiException;
import io.steersman.api.client.DeleteOptions;
import io.steersman.api.client.InvalidException;
import io.steersman.api.client.NotFoundException;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackendStoreCreateTest extends StoreFixture {

    @Test
    void createSetsUidCreationTimestampGenerationAndResourceVersion() {
        clock.advance(Duration.ofMillis(1500));
        Widget created = create(Widget.of("default", "web", 3));

        ObjectMeta meta = created.metadata();
        assertThat(meta.uid()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(meta.creationTimestamp()).isEqualTo(Instant.parse("2026-11-26T00:00:01Z"));
        assertThat(meta.generation()).isEqualTo(1L);
        assertThat(meta.resourceVersion()).isEqualTo(Long.toString(store.currentRevision()));
        assertThat(widget("default", "web")).isEqualTo(created);
    }

    @Test
    void kindsWithoutSpecGetNoGeneration() {
        Note created = create(Note.of("default", "config", "x"));

        assertThat(created.metadata().generation()).isNull();
        assertThat(created.metadata().uid()).isNotEmpty();
    }

    @Test
    void createRunsTheDefaulterThenTheValidator() {
        Widget defaulted = create(Widget.of("default", "web", 1).withSpec(new Widget.Spec(1, null)));
        assertThat(defaulted.spec().image()).isEqualTo("nginx");

        assertThatThrownBy(() -> create(Widget.of("default", "bad", -1)))
                .isInstanceOfSatisfying(InvalidException.class, e -> {
                    Status status = e.status();
                    assertThat(status.code()).isEqualTo(422);
                    assertThat(status.reason()).isEqualTo("Invalid");
                    assertThat(status.message()).isEqualTo(
                            "Widget.example.com \"bad\" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0");
                    assertThat(status.details().name()).isEqualTo("bad");
                    assertThat(status.details().group()).isEqualTo("example.com");
                    assertThat(status.details().kind()).isEqualTo("Widget");
                    assertThat(status.details().causes()).containsExactly(new Status.Cause("FieldValueInvalid",
                            "Invalid value: -1: must be greater than or equal to 0", "spec.replicas"));
                });
        assertThat(store.get(WIDGETS, "default", "bad")).isEmpty();
    }

    @Test
    void severalFieldErrorsAreListedInBrackets() {
        Widget bad = Widget.of("default", "bad", -2).withSpec(new Widget.Spec(-2, ""));

        assertThatThrownBy(() -> create(bad)).isInstanceOfSatisfying(InvalidException.class, e -> {
            assertThat(e.status().message()).isEqualTo("Widget.example.com \"bad\" is invalid: "
                    + "[spec.replicas: Invalid value: -2: must be greater than or equal to 0, spec.image: Required value]");
            assertThat(e.status().details().causes()).hasSize(2);
        });
    }

    @Test
    void anExistingNameIsRefusedWithAlreadyExists() {
        create(Widget.of("default", "web", 1));

        assertThatThrownBy(() -> create(Widget.of("default", "web", 2)))
                .isInstanceOfSatisfying(AlreadyExistsException.class, e -> {
                    assertThat(e.code()).isEqualTo(409);
                    assertThat(e.status().message()).isEqualTo("widgets.example.com \"web\" already exists");
                    assertThat(e.status().details()).isEqualTo(new Status.Details("web", "example.com", "widgets"));
                });
        assertThat(widget("default", "web").spec().replicas()).isEqualTo(1);
    }

    @Test
    void theSameNameInAnotherNamespaceIsAnotherObject() {
        create(Widget.of("default", "web", 1));
        create(Widget.of("other", "web", 2));

        assertThat(widget("other", "web").spec().replicas()).isEqualTo(2);
    }

    @Test
    void generateNameAddsFiveCharactersOfUpstreamsAlphabet() {
        Widget template = Widget.of("default", null, 1);
        template = template.withMetadata(template.metadata().toBuilder().generateName("web-").build());

        Widget first = create(template);
        Widget second = create(template);

        assertThat(first.metadata().name()).matches("web-[bcdfghjklmnpqrstvwxz2456789]{5}");
        assertThat(second.metadata().name()).isNotEqualTo(first.metadata().name());
    }

    @Test
    void aGeneratedNameThatIsTakenIsGeneratedAgain() {
        java.util.Iterator<String> names = List.of("web-aaaaa", "web-aaaaa", "web-bbbbb").iterator();
        try (BackendStore scripted = new BackendStore(TestKinds.registry(), clock, backend, BackendStore.Options.defaults(),
                prefix -> names.next(), false)) {
            create(Widget.of("default", "web-aaaaa", 1));
            Widget template = Widget.of("default", null, 2);

            Widget created = scripted.create(WIDGETS, template.withMetadata(template.metadata().toBuilder().generateName("web-").build()),
                    WriteOptions.DEFAULT);

            assertThat(created.metadata().name()).isEqualTo("web-bbbbb");
            assertThat(created.spec().replicas()).isEqualTo(2);
        }
    }

    @Test
    void nameOrGenerateNameIsRequired() {
        assertThatThrownBy(() -> create(Widget.of("default", null, 1)))
                .isInstanceOfSatisfying(InvalidException.class, e -> assertThat(e.status().message())
                        .isEqualTo("Widget.example.com \"\" is invalid: metadata.name: Required value: name or generateName is required"));
    }

    @Test
    void creatingInAMissingNamespaceIsNotFound() {
        assertThatThrownBy(() -> create(Widget.of("nope", "web", 1)))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.status().message()).isEqualTo("namespaces \"nope\" not found");
                    assertThat(e.status().details()).isEqualTo(new Status.Details("nope", "", "namespaces"));
                });
    }

    @Test
    void creatingInATerminatingNamespaceIsForbidden() {
        Space doomed = Space.named("doomed");
        store.create(NAMESPACES, doomed.withMetadata(doomed.metadata().withFinalizers(List.of("example.com/hold"))), WriteOptions.DEFAULT);
        store.delete(NAMESPACES, null, "doomed", DeleteOptions.defaults(), WriteOptions.DEFAULT);

        assertThatThrownBy(() -> create(Widget.of("doomed", "web", 1)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(403);
                    assertThat(e.reason()).isEqualTo("Forbidden");
                    assertThat(e.status().message()).isEqualTo("widgets.example.com \"web\" is forbidden: "
                            + "unable to create new content in namespace doomed because it is being terminated");
                    assertThat(e.status().details().causes()).containsExactly(new Status.Cause("NamespaceTerminating",
                            "namespace doomed is being terminated", "metadata.namespace"));
                });
    }

    @Test
    void dryRunChecksEverythingAndStoresNothing() {
        long before = store.currentRevision();

        Widget answer = store.create(WIDGETS, Widget.of("default", "web", 1), new WriteOptions(true, null));

        assertThat(answer.metadata().uid()).isNotEmpty();
        assertThat(answer.metadata().resourceVersion()).isNull();
        assertThat(store.get(WIDGETS, "default", "web")).isEmpty();
        assertThat(store.currentRevision()).isEqualTo(before);
        assertThatThrownBy(() -> store.create(WIDGETS, Widget.of("nope", "web", 1), new WriteOptions(true, null)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void createResetsTheStatusOfKindsWithAStatusSubresource() {
        Widget created = create(Widget.of("default", "web", 1).withStatus(new Widget.Status(5)));

        assertThat(created.status()).isNull();
    }

    @Test
    void aResourceVersionOnCreateIsRefused() {
        Widget versioned = Widget.of("default", "web", 1);
        Widget withVersion = versioned.withMetadata(versioned.metadata().withResourceVersion("7"));

        assertThatThrownBy(() -> create(withVersion))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().message())
                        .isEqualTo("Internal error occurred: resourceVersion should not be set on objects to be created"));
    }

    @Test
    void clusterScopedObjectsHaveNoNamespace() {
        Space created = store.create(NAMESPACES, new Space("v1", "Namespace", ObjectMeta.named("ignored", "team")), WriteOptions.DEFAULT);

        assertThat(created.metadata().namespace()).isNull();
        assertThat(store.get(NAMESPACES, null, "team")).contains(created);
    }

    @Test
    void namespacedObjectsNeedANamespace() {
        assertThatThrownBy(() -> store.create(NOTES, Note.of(null, "x", "y"), WriteOptions.DEFAULT))
                .isInstanceOfSatisfying(InvalidException.class, e -> assertThat(e.status().message())
                        .isEqualTo("Note \"x\" is invalid: metadata.namespace: Required value"));
    }
}
