package io.steersman.networking.endpoints;

import static org.assertj.core.api.Assertions.assertThat;

import io.steersman.api.client.DeleteOptions;
import io.steersman.api.model.IntOrString;
import io.steersman.api.model.core.EndpointAddress;
import io.steersman.api.model.core.EndpointSubset;
import io.steersman.api.model.core.Endpoints;
import io.steersman.api.model.core.Pod;
import io.steersman.api.model.core.Pods;
import io.steersman.api.model.discovery.Endpoint;
import io.steersman.api.model.discovery.EndpointSlice;
import io.steersman.networking.Net;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Seeded random churn of pods (created, made ready or not, relabelled, deleted gracefully or at
 * once) behind one Service; after every round the Endpoints and EndpointSlices list exactly the
 * pods they should, each once, with the right readiness, and no slice holds more than 100.
 */
class RandomEndpointsTest {
    private static final Map<String, String> WEB = Map.of("app", "web");
    private Net net;

    @AfterEach
    void close() {
        net.close();
    }

    @Test
    void endpointsAndSlicesMatchThePodsUnderRandomChurn() {
        net = new Net();
        churn(12);
    }

    /** With worker threads, passes of one Service run while the cache still lags their own writes. */
    @Test
    void slicesStayUniqueWithWorkerThreads() {
        net = new Net(Map.of(), true);
        churn(4);
    }

    private void churn(int rounds) {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        net.service("web", WEB, Net.port("http", 80, IntOrString.of(8080)));
        int created = 0;
        for (int round = 0; round < rounds; round++) {
            for (int step = 0; step < 40; step++) {
                List<Pod> pods = net.cp.list(Pod.class, Net.NS);  // the store: the cache lags the writes of this round
                Pod some = pods.isEmpty() ? null : pods.get(random.nextInt(pods.size()));
                int op = random.nextInt(10);
                if (some == null || op < 4) {
                    String name = "pod-" + created;
                    net.pod(name, random.nextInt(5) == 0 ? Map.of("app", "other") : WEB);
                    if (random.nextBoolean()) {
                        net.running(name, "10.244." + (created / 250) + "." + (created % 250 + 2), random.nextBoolean());
                    }
                    created++;
                } else if (op < 7 && !some.metadata().isBeingDeleted()) {
                    String ip = some.status().podIP() != null ? some.status().podIP()
                            : "10.245." + random.nextInt(200) + "." + (random.nextInt(250) + 2);
                    net.running(some.name(), ip, random.nextBoolean());
                } else if (op == 7) {
                    Map<String, String> labels = some.metadata().labels().equals(WEB) ? Map.of("app", "other") : WEB;
                    net.client().update(some.withMetadata(some.metadata().withLabels(labels)));
                } else if (op == 8 && !some.metadata().isBeingDeleted()) {
                    net.terminate(some.name());
                } else {
                    net.client().delete(Pod.class, Net.NS, some.name(), new DeleteOptions(null, 0L, null, null));
                }
            }
            net.settle();
            check("seed " + seed + ", round " + round);
        }
    }

    private void check(String where) {
        Map<String, Pod> expected = new TreeMap<>();
        for (Pod pod : net.client().list(Pod.class, Net.NS)) {
            if (pod.metadata().labels().equals(WEB) && ServicePods.shouldBeInEndpoints(pod, true)) {
                expected.put(pod.uid(), pod);
            }
        }
        Map<String, Endpoint> listed = new HashMap<>();
        for (EndpointSlice slice : net.client().list(EndpointSlice.class, Net.NS)) {
            assertThat(slice.endpoints().size()).as(where).isLessThanOrEqualTo(100);
            for (Endpoint endpoint : slice.endpoints()) {
                assertThat(listed.put(endpoint.targetRef().uid(), endpoint)).as(where + ": listed twice: " + endpoint).isNull();
            }
        }
        assertThat(listed.keySet()).as(where).containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (Pod pod : expected.values()) {
            Endpoint endpoint = listed.get(pod.uid());
            boolean terminating = pod.metadata().isBeingDeleted();
            assertThat(endpoint.addresses()).as(where).containsExactly(pod.status().podIP());
            assertThat(endpoint.conditions().serving()).as(where).isEqualTo(Pods.isReady(pod));
            assertThat(endpoint.conditions().terminating()).as(where).isEqualTo(terminating);
            assertThat(endpoint.conditions().ready()).as(where).isEqualTo(Pods.isReady(pod) && !terminating);
        }
        List<String> ready = new ArrayList<>();
        List<String> notReady = new ArrayList<>();
        for (EndpointSubset subset : net.client().get(Endpoints.class, Net.NS, "web").orElseThrow().subsets()) {
            subset.addresses().stream().map(EndpointAddress::targetRef).forEach(ref -> ready.add(ref.uid()));
            subset.notReadyAddresses().stream().map(EndpointAddress::targetRef).forEach(ref -> notReady.add(ref.uid()));
        }
        List<String> expectedReady = new ArrayList<>();
        List<String> expectedNotReady = new ArrayList<>();
        for (Pod pod : expected.values()) {
            if (!pod.metadata().isBeingDeleted()) {
                (Pods.isReady(pod) ? expectedReady : expectedNotReady).add(pod.uid());
            }
        }
        assertThat(ready).as(where).containsExactlyInAnyOrderElementsOf(expectedReady);
        assertThat(notReady).as(where).containsExactlyInAnyOrderElementsOf(expectedNotReady);
    }
}
