package io.steersman.core.store;

/** The ports NodePort and LoadBalancer Services get ({@code --service-node-port-range}), inclusive. Immutable. */
record NodePortRange(int base, int size) {

    /** Upstream's default {@code --service-node-port-range}. */
    static final String DEFAULT = "30000-32767";

    /** @throws IllegalArgumentException when {@code range} is not {@code first-last} with 1 <= first <= last <= 65535 */
    static NodePortRange parse(String range) {
        int dash = range.indexOf('-');
        try {
            int first = Integer.parseInt(range.substring(0, dash).trim());
            int last = Integer.parseInt(range.substring(dash + 1).trim());
            if (first >= 1 && first <= last && last <= 65535) {
                return new NodePortRange(first, last - first + 1);
            }
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            // reported below
        }
        throw new IllegalArgumentException("\"" + range + "\" is not a port range such as " + DEFAULT);
    }

    /** The index of {@code port}, or -1 when it is outside the range. */
    int indexOf(int port) {
        return port >= base && port < base + size ? port - base : -1;
    }

    int portAt(int index) {
        return base + index;
    }

    @Override
    public String toString() {
        return base + "-" + (base + size - 1);
    }
}
