package io.steersman.core.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PodIpAllocatorTest {

    @Test
    void firstAddressesSkipTheNetworkAndTheGateway() {
        PodIpAllocator ips = new PodIpAllocator("10.244.0.0/16");
        assertThat(ips.allocate("a")).contains("10.244.0.2");
        assertThat(ips.allocate("b")).contains("10.244.0.3");
        assertThat(ips.allocate("a")).as("same pod, same IP").contains("10.244.0.2");
    }

    @Test
    void everyLivePodHasItsOwnAddressUntilTheRangeIsFull() {
        PodIpAllocator ips = new PodIpAllocator("10.1.2.0/29"); // 8 addresses: .2 to .6 usable
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            seen.add(ips.allocate("pod-" + i).orElseThrow());
        }
        assertThat(seen).containsExactlyInAnyOrder("10.1.2.2", "10.1.2.3", "10.1.2.4", "10.1.2.5", "10.1.2.6");
        assertThat(ips.allocate("pod-5")).isEmpty();
        ips.release("pod-3");
        assertThat(ips.allocate("pod-5")).contains("10.1.2.5");
    }

    @Test
    void aReleasedAddressIsNotReusedAtOnce() {
        PodIpAllocator ips = new PodIpAllocator("10.244.0.0/16");
        String first = ips.allocate("a").orElseThrow();
        ips.release("a");
        assertThat(ips.allocate("b")).isNotEqualTo(first);
        assertThat(ips.allocated()).isEqualTo(1);
    }

    @Test
    void reservingAnAddressHeldByAnotherPodFails() {
        PodIpAllocator ips = new PodIpAllocator("10.244.0.0/16");
        assertThat(ips.reserve("a", "10.244.0.9")).isTrue();
        assertThat(ips.reserve("b", "10.244.0.9")).isFalse();
        assertThat(ips.reserve("a", "10.244.0.9")).isTrue();
        assertThat(ips.reserve("c", "192.168.0.1")).as("outside the range").isFalse();
        assertThat(ips.allocate("a")).contains("10.244.0.9");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.244.0.0", "10.244.0.0/x", "10.244.0.0/31", "10.244.0/16", "300.1.1.1/16"})
    void badRangesAreRefused(String cidr) {
        assertThatThrownBy(() -> new PodIpAllocator(cidr)).isInstanceOf(IllegalArgumentException.class);
    }
}
