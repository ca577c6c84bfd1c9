package io.steersman.networking.endpoints;

import io.steersman.api.model.core.EndpointAddress;
import io.steersman.api.model.core.EndpointPort;
import io.steersman.api.model.core.EndpointSubset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Pure: upstream's {@code endpoints.RepackSubsets} and the Endpoints controller's {@code truncateEndpoints}. */
final class Subsets {
    private Subsets() {}

    /** Stands for "no port" (a headless Service without ports), as upstream's sentinel port -1. */
    private static final EndpointPort NO_PORT = new EndpointPort(null, -1, null, null, null);

    private static final Comparator<EndpointAddress> BY_IP_AND_UID = Comparator
            .comparingLong((EndpointAddress a) -> ipv4Number(a.ip()))
            .thenComparing(a -> a.targetRef() == null || a.targetRef().uid() == null ? "" : a.targetRef().uid());
    private static final Comparator<EndpointPort> BY_PORT = Comparator
            .comparing((EndpointPort p) -> p.name() == null ? "" : p.name())
            .thenComparing(p -> p.port() == null ? 0 : p.port())
            .thenComparing(p -> p.protocol() == null ? "" : p.protocol());

    private record AddressKey(String ip, String uid) {
        static AddressKey of(EndpointAddress address) {
            return new AddressKey(address.ip(), address.targetRef() == null ? null : address.targetRef().uid());
        }
    }

    /**
     * Groups the addresses by the set of ports they serve, so each subset lists addresses that
     * offer exactly its ports; an address ready for a port in any input subset is ready for it.
     * Addresses are sorted by IP and pod uid, ports by name and number, subsets by their first address.
     */
    static List<EndpointSubset> repack(List<EndpointSubset> subsets) {
        Map<AddressKey, EndpointAddress> addresses = new LinkedHashMap<>();
        Map<EndpointPort, Map<AddressKey, Boolean>> byPort = new LinkedHashMap<>();
        for (EndpointSubset subset : subsets) {
            List<EndpointPort> ports = subset.ports().isEmpty() ? List.of(NO_PORT) : subset.ports();
            for (EndpointPort port : ports) {
                Map<AddressKey, Boolean> ready = byPort.computeIfAbsent(port, p -> new LinkedHashMap<>());
                for (EndpointAddress address : subset.addresses()) {
                    addresses.putIfAbsent(AddressKey.of(address), address);
                    ready.put(AddressKey.of(address), true);
                }
                for (EndpointAddress address : subset.notReadyAddresses()) {
                    addresses.putIfAbsent(AddressKey.of(address), address);
                    ready.putIfAbsent(AddressKey.of(address), false);
                }
            }
        }
        Map<Map<AddressKey, Boolean>, List<EndpointPort>> portsByAddresses = new LinkedHashMap<>();
        byPort.forEach((port, ready) -> {
            List<EndpointPort> ports = portsByAddresses.computeIfAbsent(ready, r -> new ArrayList<>());
            if (!port.equals(NO_PORT)) {
                ports.add(port);
            }
        });
        List<EndpointSubset> packed = new ArrayList<>();
        portsByAddresses.forEach((ready, ports) -> {
            List<EndpointAddress> readyAddresses = new ArrayList<>();
            List<EndpointAddress> notReady = new ArrayList<>();
            ready.forEach((key, isReady) -> (isReady ? readyAddresses : notReady).add(addresses.get(key)));
            readyAddresses.sort(BY_IP_AND_UID);
            notReady.sort(BY_IP_AND_UID);
            List<EndpointPort> sortedPorts = new ArrayList<>(ports);
            sortedPorts.sort(BY_PORT);
            packed.add(new EndpointSubset(readyAddresses, notReady, sortedPorts, null));
        });
        packed.sort(Comparator.comparingLong(Subsets::firstAddress));
        return packed;
    }

    private static long firstAddress(EndpointSubset subset) {
        EndpointAddress first = !subset.addresses().isEmpty() ? subset.addresses().get(0)
                : subset.notReadyAddresses().isEmpty() ? null : subset.notReadyAddresses().get(0);
        return first == null ? Long.MAX_VALUE : ipv4Number(first.ip());
    }

    /**
     * Keeps at most {@code max} addresses, ready ones first: when the ready ones alone fit, the
     * not-ready ones are cut, each subset in proportion to its share (rounded up, the last subsets
     * taking what is left); otherwise only ready ones are kept, cut the same way.
     * 800 ready + 400 not ready in two subsets of 200 each, max 1000: 200 not-ready remain, 100 per subset.
     */
    static List<EndpointSubset> truncate(List<EndpointSubset> subsets, int max) {
        int totalReady = 0;
        int totalNotReady = 0;
        for (EndpointSubset subset : subsets) {
            totalReady += subset.addresses().size();
            totalNotReady += subset.notReadyAddresses().size();
        }
        if (totalReady + totalNotReady <= max) {
            return subsets;
        }
        boolean truncateReady = totalReady > max;
        int room = truncateReady ? max : max - totalReady;
        int total = truncateReady ? totalReady : totalNotReady;
        int left = room;
        List<EndpointSubset> truncated = new ArrayList<>();
        for (EndpointSubset subset : subsets) {
            int inSubset = truncateReady ? subset.addresses().size() : subset.notReadyAddresses().size();
            int share = total == 0 ? 0 : (int) Math.ceil((double) inSubset / total * room);
            share = Math.min(share, left);
            if (truncateReady) {
                List<EndpointAddress> kept = subset.addresses().subList(0, Math.min(share, subset.addresses().size()));
                truncated.add(new EndpointSubset(kept, List.of(), subset.ports(), subset.unknownFields()));
                left -= kept.size();
            } else {
                List<EndpointAddress> kept = subset.notReadyAddresses().subList(0, Math.min(share, subset.notReadyAddresses().size()));
                truncated.add(new EndpointSubset(subset.addresses(), kept, subset.ports(), subset.unknownFields()));
                left -= kept.size();
            }
        }
        return truncated;
    }

    /** An IPv4 address as a number for ordering; anything else sorts last. */
    static long ipv4Number(String ip) {
        if (ip == null) {
            return Long.MAX_VALUE;
        }
        String[] parts = ip.split("\\.");
        if (parts.length != 4) {
            return Long.MAX_VALUE;
        }
        long value = 0;
        try {
            for (String part : parts) {
                value = value * 256 + Integer.parseInt(part);
            }
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
        return value;
    }
}
