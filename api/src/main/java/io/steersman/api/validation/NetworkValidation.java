package io.steersman.api.validation;

import io.steersman.api.model.core.EndpointAddress;
import io.steersman.api.model.core.EndpointPort;
import io.steersman.api.model.core.EndpointSubset;
import io.steersman.api.model.core.Endpoints;
import io.steersman.api.model.discovery.Endpoint;
import io.steersman.api.model.discovery.EndpointSlice;
import io.steersman.api.resource.FieldError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Upstream's Endpoints ({@code ValidateEndpoints}) and EndpointSlice ({@code discovery/validation})
 * rules: addresses that are IPs outside the special ranges, DNS-label hostnames, valid node names,
 * ports with names and protocols, the address type and upstream's size limits. Stateless and
 * thread-safe.
 */
public final class NetworkValidation {
    private NetworkValidation() {}

    private static final String[] PROTOCOLS = {"SCTP", "TCP", "UDP"};
    private static final String[] ADDRESS_TYPES = {"FQDN", "IPv4", "IPv6"};
    private static final int MAX_ENDPOINTS = 1000;
    private static final int MAX_ADDRESSES = 100;
    private static final int MAX_PORTS = 20000;
    private static final Pattern FQDN_LABEL = Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");

    /** {@code ValidateEndpoints} (create and update alike). */
    public static List<FieldError> endpoints(Endpoints endpoints, Endpoints old) {
        List<FieldError> errors = new ArrayList<>(CoreValidation.meta(endpoints.metadata(), old == null ? null : old.metadata(), true,
                NameRule.DNS_SUBDOMAIN));
        FieldPath subsets = FieldPath.of("subsets");
        for (int i = 0; i < endpoints.subsets().size(); i++) {
            EndpointSubset subset = endpoints.subsets().get(i);
            FieldPath at = subsets.index(i);
            if (subset.addresses().isEmpty() && subset.notReadyAddresses().isEmpty()) {
                errors.add(Rules.required(at, "must specify `addresses` or `notReadyAddresses`"));
            }
            for (int a = 0; a < subset.addresses().size(); a++) {
                errors.addAll(address(subset.addresses().get(a), at.child("addresses").index(a)));
            }
            for (int a = 0; a < subset.notReadyAddresses().size(); a++) {
                errors.addAll(address(subset.notReadyAddresses().get(a), at.child("notReadyAddresses").index(a)));
            }
            for (int p = 0; p < subset.ports().size(); p++) {
                errors.addAll(endpointsPort(subset.ports().get(p), subset.ports().size() > 1, at.child("ports").index(p)));
            }
        }
        return errors;
    }

    private static List<FieldError> address(EndpointAddress address, FieldPath path) {
        List<FieldError> errors = new ArrayList<>();
        String ip = MetaValidation.nullToEmpty(address.ip());
        if (!ServiceValidation.isIp(ip)) {
            errors.add(Rules.invalid(path.child("ip"), ip, "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"));
        }
        if (!Rules.isEmpty(address.hostname())) {
            errors.addAll(Rules.dns1123Label(address.hostname(), path.child("hostname")));
        }
        if (address.nodeName() != null) {
            errors.addAll(Rules.dns1123Subdomain(address.nodeName(), path.child("nodeName")));
        }
        errors.addAll(nonSpecialIp(ip, path.child("ip")));
        return errors;
    }

    private static List<FieldError> endpointsPort(EndpointPort port, boolean requireName, FieldPath path) {
        List<FieldError> errors = new ArrayList<>();
        String name = MetaValidation.nullToEmpty(port.name());
        if (requireName && name.isEmpty()) {
            errors.add(Rules.required(path.child("name")));
        } else if (!name.isEmpty()) {
            errors.addAll(Rules.dns1123Label(name, path.child("name")));
        }
        int number = port.port() == null ? 0 : port.port();
        errors.addAll(Rules.each(Names.isValidPortNum(number), path.child("port"), number));
        errors.addAll(protocol(port.protocol(), path.child("protocol")));
        return errors;
    }

    /** {@code ValidateEndpointSlice}, and on update an immutable address type. */
    public static List<FieldError> endpointSlice(EndpointSlice slice, EndpointSlice old) {
        List<FieldError> errors = new ArrayList<>(CoreValidation.meta(slice.metadata(), old == null ? null : old.metadata(), true,
                NameRule.DNS_SUBDOMAIN));
        String addressType = MetaValidation.nullToEmpty(slice.addressType());
        errors.addAll(sliceEndpoints(slice.endpoints(), addressType, FieldPath.of("endpoints")));
        if (addressType.isEmpty()) {
            errors.add(Rules.required(FieldPath.of("addressType")));
        } else if (!List.of(ADDRESS_TYPES).contains(addressType)) {
            errors.add(Rules.notSupported(FieldPath.of("addressType"), addressType, ADDRESS_TYPES));
        }
        errors.addAll(slicePorts(slice.ports(), FieldPath.of("ports")));
        if (old != null) {
            errors.addAll(Rules.immutable(addressType, MetaValidation.nullToEmpty(old.addressType()), FieldPath.of("addressType")));
        }
        return errors;
    }

    private static List<FieldError> sliceEndpoints(List<Endpoint> endpoints, String addressType, FieldPath path) {
        List<FieldError> errors = new ArrayList<>();
        if (endpoints.size() > MAX_ENDPOINTS) {
            errors.add(FieldError.tooMany(path.toString(), endpoints.size(), MAX_ENDPOINTS));
            return errors;
        }
        for (int i = 0; i < endpoints.size(); i++) {
            Endpoint endpoint = endpoints.get(i);
            FieldPath at = path.index(i);
            FieldPath addresses = at.child("addresses");
            if (endpoint.addresses().isEmpty()) {
                errors.add(Rules.required(addresses, "must contain at least 1 address"));
            } else if (endpoint.addresses().size() > MAX_ADDRESSES) {
                errors.add(FieldError.tooMany(addresses.toString(), endpoint.addresses().size(), MAX_ADDRESSES));
            }
            for (int a = 0; a < endpoint.addresses().size(); a++) {
                String address = endpoint.addresses().get(a);
                FieldPath addressPath = addresses.index(a);
                switch (addressType) {
                    case "IPv4" -> {
                        if (!ServiceValidation.isIp(address) || address.contains(":")) {
                            errors.add(Rules.invalid(addressPath, address, "must be a valid IPv4 address"));
                        }
                        errors.addAll(nonSpecialIp(address, addressPath));
                    }
                    case "IPv6" -> {
                        if (!ServiceValidation.isIp(address) || !address.contains(":")) {
                            errors.add(Rules.invalid(addressPath, address, "must be a valid IPv6 address"));
                        }
                        errors.addAll(nonSpecialIp(address, addressPath));
                    }
                    case "FQDN" -> errors.addAll(fullyQualifiedDomainName(address, addressPath));
                    default -> { }
                }
            }
            if (endpoint.nodeName() != null) {
                errors.addAll(Rules.dns1123Subdomain(endpoint.nodeName(), at.child("nodeName")));
            }
            if (endpoint.hostname() != null) {
                errors.addAll(Rules.dns1123Label(endpoint.hostname(), at.child("hostname")));
            }
        }
        return errors;
    }

    private static List<FieldError> slicePorts(List<EndpointPort> ports, FieldPath path) {
        List<FieldError> errors = new ArrayList<>();
        if (ports.size() > MAX_PORTS) {
            errors.add(FieldError.tooMany(path.toString(), ports.size(), MAX_PORTS));
            return errors;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < ports.size(); i++) {
            EndpointPort port = ports.get(i);
            FieldPath at = path.index(i);
            String name = MetaValidation.nullToEmpty(port.name());
            if (!name.isEmpty()) {
                errors.addAll(Rules.dns1123Label(name, at.child("name")));
            }
            if (!names.add(name)) {
                errors.add(FieldError.duplicate(at.child("name").toString(), name));
            }
            errors.addAll(protocol(port.protocol(), at.child("protocol")));
        }
        return errors;
    }

    private static List<FieldError> protocol(String protocol, FieldPath path) {
        if (Rules.isEmpty(protocol)) {
            return List.of(Rules.required(path));
        }
        if (!List.of(PROTOCOLS).contains(protocol)) {
            return List.of(Rules.notSupported(path, protocol, PROTOCOLS));
        }
        return List.of();
    }

    /** {@code ValidateNonSpecialIP}: not unspecified, loopback, link-local or link-local multicast. */
    static List<FieldError> nonSpecialIp(String ip, FieldPath path) {
        if (!ServiceValidation.isIp(ip)) {
            return List.of();
        }
        String lower = ip.toLowerCase(java.util.Locale.ROOT);
        String reason = null;
        if (lower.equals("0.0.0.0") || lower.equals("::")) {
            reason = "may not be unspecified (0.0.0.0)";
        } else if (lower.startsWith("127.") || lower.equals("::1")) {
            reason = "may not be in the loopback range (127.0.0.0/8, ::1/128)";
        } else if (lower.startsWith("169.254.") || lower.startsWith("fe8") || lower.startsWith("fe9") || lower.startsWith("fea")
                || lower.startsWith("feb")) {
            reason = "may not be in the link-local range (169.254.0.0/16, fe80::/10)";
        } else if (lower.startsWith("224.0.0.") || lower.startsWith("ff02:")) {
            reason = "may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)";
        }
        return reason == null ? List.of() : List.of(Rules.invalid(path, ip, reason));
    }

    /** {@code IsFullyQualifiedDomainName}: at least two labels, each a DNS label, at most 253 characters. */
    private static List<FieldError> fullyQualifiedDomainName(String name, FieldPath path) {
        String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        if (n.isEmpty()) {
            return List.of(Rules.required(path));
        }
        List<FieldError> errors = new ArrayList<>(Rules.dns1123Subdomain(n, path));
        if (errors.isEmpty() && n.split("\\.").length < 2) {
            errors.add(Rules.invalid(path, n, "should be a domain with at least two segments separated by dots"));
        }
        if (errors.isEmpty()) {
            for (String label : n.split("\\.")) {
                if (!FQDN_LABEL.matcher(label).matches()) {
                    errors.addAll(Rules.dns1123Label(label, path));
                }
            }
        }
        return errors;
    }
}
