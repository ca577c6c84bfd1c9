package io.steersman.core.store;

/**
 * The IPv4 range Service cluster IPs come from ({@code --service-cluster-ip-range}), numbered as
 * upstream's {@code ipallocator.Range} numbers it: index 0 is the first address after the network
 * address, and the network and broadcast addresses have no index. Immutable.
 */
record ServiceCidr(String cidr, long network, int prefix) {

    /** kubeadm's default {@code --service-cidr}. */
    static final String DEFAULT = "10.96.0.0/12";

    /**
     * Parses {@code 10.96.0.0/12}; the address is masked to its network.
     *
     * @throws IllegalArgumentException when {@code cidr} is not an IPv4 CIDR with a prefix from 8 to 30
     */
    static ServiceCidr parse(String cidr) {
        int slash = cidr.indexOf('/');
        long address = slash < 0 ? -1 : parseIpv4(cidr.substring(0, slash));
        int prefix;
        try {
            prefix = slash < 0 ? -1 : Integer.parseInt(cidr.substring(slash + 1));
        } catch (NumberFormatException e) {
            prefix = -1;
        }
        if (address < 0 || prefix < 0) {
            throw new IllegalArgumentException("\"" + cidr + "\" is not an IPv4 CIDR such as " + DEFAULT);
        }
        if (prefix < 8 || prefix > 30) {
            throw new IllegalArgumentException("the prefix length of \"" + cidr + "\" must be between 8 and 30");
        }
        long mask = (0xFFFF_FFFFL << (32 - prefix)) & 0xFFFF_FFFFL;
        long network = address & mask;
        return new ServiceCidr(format(network) + "/" + prefix, network, prefix);
    }

    /** Addresses in the CIDR, network and broadcast included (upstream's {@code RangeSize}). */
    long rangeSize() {
        return 1L << (32 - prefix);
    }

    /** Addresses that may be allocated: all but the network and broadcast addresses. */
    int usable() {
        return (int) (rangeSize() - 2);
    }

    /** The index of {@code ip}, or -1 when it is not an allocatable address of this range (or no IPv4 address). */
    int indexOf(String ip) {
        long address = parseIpv4(ip);
        if (address < 0) {
            return -1;
        }
        long index = address - network - 1;
        return index >= 0 && index < usable() ? (int) index : -1;
    }

    /** The address at {@code index}. */
    String ipAt(int index) {
        return format(network + 1 + index);
    }

    @Override
    public String toString() {
        return cidr;
    }

    /** A dotted IPv4 address as a number, or -1 when {@code text} is not one (no leading zeros, as Go's parser). */
    static long parseIpv4(String text) {
        if (text == null) {
            return -1;
        }
        long value = 0;
        int octets = 0;
        int i = 0;
        int n = text.length();
        while (i <= n) {
            int start = i;
            int part = 0;
            while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9' && i - start < 3) {
                part = part * 10 + (text.charAt(i) - '0');
                i++;
            }
            int digits = i - start;
            if (digits == 0 || part > 255 || (digits > 1 && text.charAt(start) == '0')) {
                return -1;
            }
            value = (value << 8) | part;
            octets++;
            if (i == n) {
                break;
            }
            if (text.charAt(i) != '.' || octets == 4) {
                return -1;
            }
            i++;
        }
        return octets == 4 ? value : -1;
    }

    static String format(long address) {
        return ((address >> 24) & 0xFF) + "." + ((address >> 16) & 0xFF) + "." + ((address >> 8) & 0xFF) + "." + (address & 0xFF);
    }
}
