package io.steersman.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.steersman.api.model.core.Event;
import io.steersman.api.model.core.Pod;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventTtlTest {

    @Test
    void eventsGoAnHourAfterTheyLastHappened() {
        try (ControlPlane cp = Clusters.start()) {
            cp.apply(Clusters.pod("default", "web", "nginx"));
            cp.settle();
            assertThat(cp.list(Event.class, "default")).extracting(Event::reason).contains("Scheduled", "Started");

            cp.advance(Duration.ofMinutes(59));
            assertThat(cp.list(Event.class, "default")).isNotEmpty();
            cp.advance(Duration.ofMinutes(1));
            assertThat(cp.list(Event.class, "default")).isEmpty();
            assertThat(cp.get(Pod.class, "default", "web")).isPresent();
        }
    }

    @Test
    void theTimeToLiveIsASetting() {
        try (ControlPlane cp = Clusters.start(Map.of("steersman.events.ttl", "PT5M"))) {
            cp.apply(Clusters.pod("default", "web", "nginx"));
            cp.settle();
            cp.advance(Duration.ofMinutes(5));
            assertThat(cp.list(Event.class, "default")).isEmpty();
        }
    }

    @Test
    void anEventThatKeepsHappeningStays() {
        try (ControlPlane cp = Clusters.start()) {
            Pod pod = Clusters.pod("default", "web", "busybox");
            cp.apply(pod.withMetadata(pod.metadata().withAnnotation("steersman.io/crash", "true")));
            cp.settle();
            for (int i = 0; i < 24; i++) {
                cp.advance(Duration.ofMinutes(5));
            }
            // After its burst of 25, the kubelet's spam filter lets one event about the pod through
            // every 5 minutes (upstream's EventSourceObjectSpamFilter): the first of each restart.
            assertThat(cp.list(Event.class, "default")).extracting(Event::reason)
                    .as("the restarts keep happening; the scheduling was two hours ago").contains("Pulled").doesNotContain("Scheduled");
        }
    }
}
