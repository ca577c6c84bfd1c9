package io.steersman.core.node;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Hands out pod IPs from an IPv4 CIDR, one per pod uid, as a CNI's host-local IPAM does: the
 * network address and the gateway ({@code .1} of the range) are never handed out, nor the
 * broadcast address. Allocation walks forward from the last address given (next fit), so an IP
 * just released is not given to the next pod at once. Thread-safe.
 */
final class PodIpAllocator {

    /** Offsets below this are the network address and the gateway. */
    private static final int FIRST_OFFSET = 2;

    private final String cidr;
    private final long base;
    private final long size;
    private final Map<String, Long> byUid = new HashMap<>();
    private final Map<Long, String> byAddress = new HashMap<>();
    private long cursor = FIRST_OFFSET;

    /** @throws IllegalArgumentException when {@code cidr} is not an IPv4 CIDR with room for pods */
    PodIpAllocator(String cidr) {
        this.cidr = cidr;
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("steersman.node.pod-cidr: \"" + cidr + "\" is not a CIDR such as 10.244.0.0/16");
        }
        int prefix;
        try {
            prefix = Integer.parseInt(cidr.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("steersman.node.pod-cidr: \"" + cidr + "\" has no prefix length", e);
        }
        if (prefix < 8 || prefix > 29) {
            throw new IllegalArgumentException("steersman.node.pod-cidr: the prefix length of \"" + cidr + "\" must be between 8 and 29");
        }
        long mask = (0xFFFF_FFFFL << (32 - prefix)) & 0xFFFF_FFFFL;
        this.base = parseAddress(cidr.substring(0, slash)) & mask;
        this.size = 1L << (32 - prefix);
    }

    /** The IP of {@code uid}, allocating one if it has none. Empty when the range is exhausted. */
    synchronized Optional<String> allocate(String uid) {
        Long held = byUid.get(uid);
        if (held != null) {
            return Optional.of(format(base + held));
        }
        long usable = size - FIRST_OFFSET - 1;
        for (long tried = 0; tried < usable; tried++) {
            long offset = cursor;
            cursor = cursor + 1 >= size - 1 ? FIRST_OFFSET : cursor + 1;
            if (!byAddress.containsKey(offset)) {
                byUid.put(uid, offset);
                byAddress.put(offset, uid);
                return Optional.of(format(base + offset));
            }
        }
        return Optional.empty();
    }

    /**
     * Records that {@code uid} already holds {@code ip} (a pod that had its IP before this agent
     * started). False when the IP is outside the range or another pod holds it.
     */
    synchronized boolean reserve(String uid, String ip) {
        long address;
        try {
            address = parseAddress(ip);
        } catch (IllegalArgumentException e) {
            return false;
        }
        long offset = address - base;
        if (offset < FIRST_OFFSET || offset >= size - 1) {
            return false;
        }
        String holder = byAddress.get(offset);
        if (holder != null) {
            return holder.equals(uid);
        }
        Long previous = byUid.put(uid, offset);
        if (previous != null) {
            byAddress.remove(previous);
        }
        byAddress.put(offset, uid);
        return true;
    }

    /** Returns the IP of {@code uid} to the pool; nothing happens when it holds none. */
    synchronized void release(String uid) {
        Long offset = byUid.remove(uid);
        if (offset != null) {
            byAddress.remove(offset);
        }
    }

    synchronized int allocated() {
        return byUid.size();
    }

    @Override
    public String toString() {
        return "PodIpAllocator[" + cidr + "]";
    }

    private static long parseAddress(String text) {
        String[] octets = text.split("\\.", -1);
        if (octets.length != 4) {
            throw new IllegalArgumentException("\"" + text + "\" is not an IPv4 address");
        }
        long value = 0;
        for (String octet : octets) {
            int part;
            try {
                part = Integer.parseInt(octet);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("\"" + text + "\" is not an IPv4 address", e);
            }
            if (part < 0 || part > 255 || octet.isEmpty() || octet.length() > 3) {
                throw new IllegalArgumentException("\"" + text + "\" is not an IPv4 address");
            }
            value = (value << 8) | part;
        }
        return value;
    }

    private static String format(long address) {
        return ((address >> 24) & 0xFF) + "." + ((address >> 16) & 0xFF) + "." + ((address >> 8) & 0xFF) + "." + (address & 0xFF);
    }
}
