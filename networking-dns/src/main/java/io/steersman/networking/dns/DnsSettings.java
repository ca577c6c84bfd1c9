package io.steersman.networking.dns;

import io.steersman.api.controller.PluginSettings;
import java.util.OptionalInt;

/**
 * The DNS server's settings: {@value #PORT} (no value: no server; 0: any free port),
 * {@value #ADDRESS} (default 127.0.0.1; the launcher passes its bind address), {@value #DOMAIN}
 * (default cluster.local) and {@value #TTL} in seconds (default 30, kubeadm's Corefile's).
 */
record DnsSettings(String address, OptionalInt port, String domain, int ttl) {
    static final String PORT = "steersman.dns.port";
    static final String ADDRESS = "steersman.dns.address";
    static final String DOMAIN = "steersman.dns.domain";
    static final String TTL = "steersman.dns.ttl";

    /** @throws IllegalArgumentException naming the setting when a value is not usable */
    static DnsSettings from(PluginSettings settings) {
        OptionalInt port = OptionalInt.empty();
        String portText = settings.get(PORT).map(String::trim).orElse("");
        if (!portText.isEmpty()) {
            port = OptionalInt.of(number(PORT, portText, 0, 65535));
        }
        String domain = settings.get(DOMAIN, "cluster.local").trim().toLowerCase(java.util.Locale.ROOT);
        if (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        if (domain.isEmpty()) {
            throw new IllegalArgumentException(DOMAIN + ": must not be empty");
        }
        int ttl = number(TTL, settings.get(TTL, "30").trim(), 0, 3600);
        return new DnsSettings(settings.get(ADDRESS, "127.0.0.1").trim(), port, domain, ttl);
    }

    private static int number(String key, String text, int min, int max) {
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(key + ": \"" + text + "\" is not a number from " + min + " to " + max);
    }
}
