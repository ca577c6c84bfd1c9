package io.steersman.networking.endpoints;

import static org.assertj.core.api.Assertions.assertThat;

import io.steersman.api.model.core.EndpointAddress;
import io.steersman.api.model.core.EndpointPort;
import io.steersman.api.model.core.EndpointSubset;
import io.steersman.api.model.core.ObjectReference;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Repacking subsets by port set, and upstream's proportional truncation at 1000 addresses. */
class SubsetsTest {
    private static final EndpointPort HTTP = new EndpointPort("http", 8080, "TCP", null, null);
    private static final EndpointPort METRICS = new EndpointPort("metrics", 9100, "TCP", null, null);

    private static EndpointAddress address(String ip) {
        return new EndpointAddress(ip, null, null, new ObjectReference(null, "Pod", "default", "p-" + ip, "uid-" + ip, null, null, null), null);
    }

    private static List<EndpointAddress> addresses(String prefix, int count) {
        List<EndpointAddress> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(address(prefix + (i / 250) + "." + (i % 250 + 1)));
        }
        return list;
    }

    @Test
    void eachPortsAddressSetIsOneSubsetAndReadyWins() {
        List<EndpointSubset> one = List.of(
                new EndpointSubset(List.of(address("10.0.0.2")), null, List.of(HTTP), null),
                new EndpointSubset(List.of(address("10.0.0.1")), null, List.of(HTTP), null),
                new EndpointSubset(null, List.of(address("10.0.0.1")), List.of(HTTP), null),
                new EndpointSubset(List.of(address("10.0.0.3")), null, List.of(METRICS), null),
                new EndpointSubset(List.of(address("10.0.0.3")), null, List.of(HTTP), null));

        List<EndpointSubset> packed = Subsets.repack(one);

        // as upstream's RepackSubsets: the addresses serving http form one subset, those serving metrics another
        assertThat(packed).hasSize(2);
        assertThat(packed.get(0).addresses()).extracting(EndpointAddress::ip).containsExactly("10.0.0.1", "10.0.0.2", "10.0.0.3");
        assertThat(packed.get(0).notReadyAddresses()).isEmpty();
        assertThat(packed.get(0).ports()).containsExactly(HTTP);
        assertThat(packed.get(1).addresses()).extracting(EndpointAddress::ip).containsExactly("10.0.0.3");
        assertThat(packed.get(1).ports()).containsExactly(METRICS);
    }

    @Test
    void addressesWithoutPortsStayTogether() {
        List<EndpointSubset> packed = Subsets.repack(List.of(new EndpointSubset(List.of(address("10.0.0.1")), null, null, null),
                new EndpointSubset(null, List.of(address("10.0.0.2")), null, null)));

        assertThat(packed).hasSize(1);
        assertThat(packed.get(0).ports()).isEmpty();
        assertThat(packed.get(0).addresses()).extracting(EndpointAddress::ip).containsExactly("10.0.0.1");
        assertThat(packed.get(0).notReadyAddresses()).extracting(EndpointAddress::ip).containsExactly("10.0.0.2");
    }

    /** Ready and not-ready addresses per subset before, and the counts per subset kept. */
    record Row(List<Integer> ready, List<Integer> notReady, List<Integer> keptReady, List<Integer> keptNotReady) {}

    static Stream<Row> truncations() {
        return Stream.of(
                // fits: nothing cut
                new Row(List.of(600, 300), List.of(50, 50), List.of(600, 300), List.of(50, 50)),
                // 800 ready fit, 200 of the 400 not ready remain, 100 per subset (200/400 of 200 each)
                new Row(List.of(400, 400), List.of(200, 200), List.of(400, 400), List.of(100, 100)),
                // 1200 ready: only ready ones, 1000 in proportion: ceil(600/1200 x 1000) = 500 each
                new Row(List.of(600, 600), List.of(50, 50), List.of(500, 500), List.of(0, 0)),
                // rounding up leaves the last subset what is left: 584 + 167 + 249
                new Row(List.of(700, 200, 300), List.of(0, 0, 0), List.of(584, 167, 249), List.of(0, 0, 0)));
    }

    @ParameterizedTest
    @MethodSource("truncations")
    void truncationKeepsAThousandReadyFirstInProportion(Row row) {
        List<EndpointSubset> subsets = new ArrayList<>();
        for (int i = 0; i < row.ready().size(); i++) {
            subsets.add(new EndpointSubset(addresses("10." + i + ".", row.ready().get(i)), addresses("10.1" + i + ".", row.notReady().get(i)),
                    List.of(HTTP), null));
        }

        List<EndpointSubset> truncated = Subsets.truncate(subsets, 1000);

        assertThat(truncated).extracting(s -> s.addresses().size()).containsExactlyElementsOf(row.keptReady());
        assertThat(truncated).extracting(s -> s.notReadyAddresses().size()).containsExactlyElementsOf(row.keptNotReady());
    }
}
