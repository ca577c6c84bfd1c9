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
    private final EventRecorders recorders = new EventRecorders(client, now::get);
    private final EventRecorder recorder = recorders.forComponent("replicaset-controller");
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
        assertThat(client.writes).as("two tokens came back in ten minutes").isEqualTo(EventCorrelator.SPAM_BURST + 1);
        assertThat(events().get(0).count()).as("the dropped occurrences still count, as upstream's").isEqualTo(1001);
    }

    @Test
    void theSpamFilterCountsEveryEventOfASourceAboutAnObject() {
        for (int i = 0; i < 30; i++) {
            recorder.normal(pod, "Reason" + i, "message %d", i);
        }
        assertThat(client.writes).as("25 of one source about one object, whatever their reasons").isEqualTo(EventCorrelator.SPAM_BURST);

        Pod other = pod.withMetadata(pod.metadata().toBuilder().name("web-2").uid("u-2").build());
        recorder.normal(other, "Reason", "message");
        recorders.forComponent("kubelet").normal(pod, "Reason", "message");
        assertThat(client.writes).as("another object, another source: their own buckets").isEqualTo(EventCorrelator.SPAM_BURST + 2);
    }

    @Test
    void similarEventsAreCombinedOnlyWhileTheyKeepComing() {
        for (int i = 0; i < 9; i++) {
            recorder.warning(pod, "FailedMount", "volume %d not found", i);
            advance(Duration.ofMinutes(9));
        }
        recorder.warning(pod, "FailedMount", "volume %d not found", 9);
        assertThat(events()).as("never more than 10 minutes apart: the tenth is combined")
                .anySatisfy(e -> assertThat(e.message()).startsWith(EventCorrelator.COMBINED_PREFIX));

        advance(Duration.ofMinutes(11));
        recorder.warning(pod, "FailedMount", "volume %d not found", 10);
        assertThat(events()).filteredOn(e -> e.message().equals("volume 10 not found")).as("a pause: counted afresh").hasSize(1);
    }

    @Test
    void messagesAreFormattedAsStringFormatWould() {
        assertThat(EventRecorders.format("Scaled up replica set %s from %d to %d", new Object[] {"web-1", 0, 3}))
                .isEqualTo("Scaled up replica set web-1 from 0 to 3");
        assertThat(EventRecorders.format("100%% of %s", new Object[] {null})).isEqualTo("100% of null");
        assertThat(EventRecorders.format("%5.1f s", new Object[] {2.25})).isEqualTo(String.format("%5.1f s", 2.25));
        assertThat(EventRecorders.format("%d", new Object[] {"not a number"})).isEqualTo("%d");
        assertThat(EventRecorders.format("%s and %s", new Object[] {"one"})).isEqualTo("%s and %s");
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
