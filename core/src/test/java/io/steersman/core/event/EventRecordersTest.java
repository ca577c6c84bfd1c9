package io.steersman.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.steersman.api.controller.EventRecorder;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.core.Event;
import io.steersman.api.model.core.Node;
import io.steersman.api.model.core.NodeSpec;
import io.steersman.api.model.core.Pod;
import io.steersman.api.model.core.PodSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class EventRecordersTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    private final RecordingClient client = new RecordingClient();
    private final EventRecorder recorder = new EventRecorders(client, now::get).forComponent("replicaset-controller");
    private final Pod pod = Pod.of(ObjectMeta.builder().namespace("shop").name("web-1").uid("u-1").build(), PodSpec.EMPTY);

    private List<Event> events() {
        return client.list(Event.class, null);
    }

    private void advance(Duration duration) {
        now.set(now.get().plus(duration));
    }

    @Test
    void anEventDescribesItsObjectAndSource() {
        recorder.warning(pod, "FailedCreate", "Error creating: %s", "quota exceeded");

        Event event = events().get(0);
        assertThat(event.metadata().namespace()).isEqualTo("shop");
        assertThat(event.metadata().name()).startsWith("web-1.").matches("web-1\\.[0-9a-f]+");
        assertThat(event.involvedObject().kind()).isEqualTo("Pod");
        assertThat(event.involvedObject().uid()).isEqualTo("u-1");
        assertThat(event.type()).isEqualTo("Warning");
        assertThat(event.reason()).isEqualTo("FailedCreate");
        assertThat(event.message()).isEqualTo("Error creating: quota exceeded");
        assertThat(event.source().component()).isEqualTo("replicaset-controller");
        assertThat(event.reportingComponent()).isEqualTo("replicaset-controller");
        assertThat(event.count()).isEqualTo(1);
        assertThat(event.firstTimestamp()).isEqualTo(now.get()).isEqualTo(event.lastTimestamp());
    }

    @Test
    void repeatsAreAggregatedIntoOneEventWithACount() {
        Instant first = now.get();
        recorder.normal(pod, "Pulled", "Container image \"nginx\" already present on machine");
        advance(Duration.ofSeconds(30));
        recorder.normal(pod, "Pulled", "Container image \"nginx\" already present on machine");
        advance(Duration.ofSeconds(30));
        recorder.normal(pod, "Pulled", "Container image \"nginx\" already present on machine");

        assertThat(events()).singleElement().satisfies(event -> {
            assertThat(event.count()).isEqualTo(3);
            assertThat(event.firstTimestamp()).isEqualTo(first);
            assertThat(event.lastTimestamp()).isEqualTo(now.get());
        });
    }

    @Test
    void anotherReasonMessageOrObjectIsAnotherEvent() {
        Pod other = pod.withMetadata(pod.metadata().toBuilder().name("web-2").uid("u-2").build());
        recorder.normal(pod, "Started", "Started container nginx");
        recorder.normal(pod, "Created", "Created container: nginx");
        recorder.normal(pod, "Started", "Started container sidecar");
        recorder.normal(other, "Started", "Started container nginx");
        recorder.warning(pod, "Started", "Started container nginx");

        assertThat(events()).hasSize(5).extracting(Event::metadata).extracting(ObjectMeta::name).doesNotHaveDuplicates();
    }

    @Test
    void eventsOfClusterScopedObjectsGoToDefault() {
        Node node = Node.of(ObjectMeta.builder().name("node-1").uid("n-1").build(), NodeSpec.EMPTY);
        recorder.normal(node, "NodeReady", "Node node-1 status is now: NodeReady");

        assertThat(events()).singleElement().satisfies(event -> assertThat(event.metadata().namespace()).isEqualTo("default"));
    }

    @Test
    void aHotLoopIsRateLimited() {
        for (int i = 0; i < 1000; i++) {
            recorder.warning(pod, "BackOff", "Back-off restarting failed container");
        }
        assertThat(events()).singleElement().satisfies(event -> assertThat(event.count()).isEqualTo(EventCorrelator.SPAM_BURST));
        assertThat(client.writes).isEqualTo(EventCorrelator.SPAM_BURST);

        advance(Duration.ofMinutes(10));
        recorder.warning(pod, "BackOff", "Back-off restarting failed container");
        assertThat(events().get(0).count()).as("two tokens came back in ten minutes").isEqualTo(26);
    }

    @Test
    void manySimilarMessagesAreCombined() {
        for (int i = 0; i < 12; i++) {
            recorder.warning(pod, "FailedMount", "volume %d not found", i);
        }
        List<Event> events = events();
        assertThat(events).hasSize(EventCorrelator.AGGREGATE_MAX_EVENTS);
        assertThat(events).filteredOn(e -> e.message().startsWith("(combined from similar events): "))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.count()).isEqualTo(3);
                    assertThat(e.message()).isEqualTo("(combined from similar events): volume 11 not found");
                });
    }

    @Test
    void aFailingWriteNeverReachesTheCaller() {
        client.failure = new IllegalStateException("store is down");
        assertThatCode(() -> recorder.normal(pod, "Scheduled", "Successfully assigned shop/web-1 to node-1")).doesNotThrowAnyException();
        assertThatCode(() -> recorder.normal(pod, "Bad", "%d", "not a number")).doesNotThrowAnyException();
    }

    @Test
    void anEventDeletedMeanwhileIsWrittenAgain() {
        recorder.normal(pod, "Pulled", "already present");
        Event written = events().get(0);
        client.delete(Event.class, written.namespace(), written.name(), null);
        recorder.normal(pod, "Pulled", "already present");
        assertThat(events()).singleElement().satisfies(e -> assertThat(e.count()).isEqualTo(2));
    }
}
