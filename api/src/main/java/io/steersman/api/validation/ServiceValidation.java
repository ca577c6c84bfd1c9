package io.steersman.api.validation;

import io.steersman.api.model.IntOrString;
import io.steersman.api.model.core.Service;
import io.steersman.api.model.core.ServicePort;
import io.steersman.api.model.core.ServiceSpec;
import io.steersman.api.resource.FieldError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Upstream's Service rules ({@code ValidateService}, {@code ValidateServiceUpdate}) for the fields
 * the model carries: ports (1-65535, unique names, names required when several, unique
 * protocol/port pairs, target ports), the type, {@code clusterIP: None} only where a headless
 * service makes sense, ExternalName, the selector, session affinity, IP family policy. Runs on
 * defaulted objects. Stateless and thread-safe.
 */
public final class ServiceValidation {
    private ServiceValidation() {}

    private static final String[] TYPES = {"ClusterIP", "ExternalName", "LoadBalancer", "NodePort"};
    private static final String[] AFFINITIES = {"ClientIP", "None"};
    private static final String[] PROTOCOLS = {"SCTP", "TCP", "UDP"};
    private static final String[] FAMILY_POLICIES = {"PreferDualStack", "RequireDualStack", "SingleStack"};
    private static final String[] FAMILIES = {"IPv4", "IPv6"};
    private static final Pattern IPV4 = Pattern.compile("^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])$");
    private static final Pattern IPV6 = Pattern.compile("^[0-9a-fA-F:.]*:[0-9a-fA-F:.]*$");

    private static final FieldPath SPEC = FieldPath.of("spec");

    /** A Service on create ({@code old} null) or update. */
    public static List<FieldError> service(Service service, Service old) {
        List<FieldError> errors = new ArrayList<>(CoreValidation.meta(service.metadata(), old == null ? null : old.metadata(), true,
                NameRule.DNS1035_LABEL));
        ServiceSpec spec = service.spec();
        String type = MetaValidation.nullToEmpty(spec.type());
        boolean headless = isHeadless(spec);
        if (spec.ports().isEmpty() && !headless && !type.equals("ExternalName")) {
            errors.add(Rules.required(SPEC.child("ports")));
        }
        switch (type) {
            case "LoadBalancer", "NodePort" -> {
                if (headless) {
                    errors.add(Rules.invalid(SPEC.child("clusterIPs").index(0), "None", "may not be set to 'None' for " + type + " services"));
                }
            }
            case "ExternalName" -> {
                if (!spec.clusterIPs().isEmpty()) {
                    errors.add(Rules.forbidden(SPEC.child("clusterIPs"), "may not be set for ExternalName services"));
                }
                String cname = MetaValidation.nullToEmpty(spec.externalName());
                if (cname.endsWith(".")) {
                    cname = cname.substring(0, cname.length() - 1);
                }
                if (cname.isEmpty()) {
                    errors.add(Rules.required(SPEC.child("externalName")));
                } else {
                    errors.addAll(Rules.dns1123Subdomain(cname, SPEC.child("externalName")));
                }
            }
            default -> { }
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < spec.ports().size(); i++) {
            errors.addAll(port(spec.ports().get(i), spec.ports().size() > 1, names, SPEC.child("ports").index(i)));
        }
        errors.addAll(MetaValidation.labels(spec.selector(), SPEC.child("selector")));
        String affinity = MetaValidation.nullToEmpty(spec.sessionAffinity());
        if (affinity.isEmpty()) {
            errors.add(Rules.required(SPEC.child("sessionAffinity")));
        } else if (!affinity.equals("ClientIP") && !affinity.equals("None")) {
            errors.add(Rules.notSupported(SPEC.child("sessionAffinity"), affinity, AFFINITIES));
        } else if (affinity.equals("None") && spec.unknownFields().get("sessionAffinityConfig") != null) {
            errors.add(Rules.forbidden(SPEC.child("sessionAffinityConfig"), "must not be set when session affinity is None"));
        }
        errors.addAll(clusterIps(spec));
        if (type.isEmpty()) {
            errors.add(Rules.required(SPEC.child("type")));
        } else if (!List.of(TYPES).contains(type)) {
            errors.add(Rules.notSupported(SPEC.child("type"), type, TYPES));
        }
        if (type.equals("ClusterIP")) {
            for (int i = 0; i < spec.ports().size(); i++) {
                Integer nodePort = spec.ports().get(i).nodePort();
                if (nodePort != null && nodePort != 0) {
                    errors.add(Rules.forbidden(SPEC.child("ports").index(i).child("nodePort"), "may not be used when `type` is 'ClusterIP'"));
                }
            }
        }
        Set<String> protocolPorts = new HashSet<>();
        for (int i = 0; i < spec.ports().size(); i++) {
            ServicePort p = spec.ports().get(i);
            if (!protocolPorts.add(p.protocol() + "/" + p.port())) {
                errors.add(FieldError.duplicate(SPEC.child("ports").index(i).toString(), new GoValue("core.ServicePort{Name:\"\", Protocol:"
                        + GoValue.quote(p.protocol()) + ", AppProtocol:(*string)(nil), Port:" + p.port()
                        + ", TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}, NodePort:0}")));
            }
        }
        if (old != null) {
            errors.addAll(update(spec, old.spec()));
        }
        return errors;
    }

    private static boolean isHeadless(ServiceSpec spec) {
        return ServiceSpec.CLUSTER_IP_NONE.equals(spec.clusterIP())
                || (!spec.clusterIPs().isEmpty() && ServiceSpec.CLUSTER_IP_NONE.equals(spec.clusterIPs().get(0)));
    }

    /** {@code validateServicePort}. */
    private static List<FieldError> port(ServicePort port, boolean requireName, Set<String> names, FieldPath path) {
        List<FieldError> errors = new ArrayList<>();
        String name = MetaValidation.nullToEmpty(port.name());
        if (requireName && name.isEmpty()) {
            errors.add(Rules.required(path.child("name")));
        } else if (!name.isEmpty()) {
            errors.addAll(Rules.dns1123Label(name, path.child("name")));
            if (!names.add(name)) {
                errors.add(FieldError.duplicate(path.child("name").toString(), name));
            }
        }
        int number = port.port() == null ? 0 : port.port();
        errors.addAll(Rules.each(Names.isValidPortNum(number), path.child("port"), number));
        String protocol = MetaValidation.nullToEmpty(port.protocol());
        if (protocol.isEmpty()) {
            errors.add(Rules.required(path.child("protocol")));
        } else if (!List.of(PROTOCOLS).contains(protocol)) {
            errors.add(Rules.notSupported(path.child("protocol"), protocol, PROTOCOLS));
        }
        errors.addAll(portNumOrName(port.targetPort(), path.child("targetPort")));
        return errors;
    }

    /** {@code ValidatePortNumOrName}. */
    static List<FieldError> portNumOrName(IntOrString port, FieldPath path) {
        if (port == null) {
            return List.of();
        }
        if (port.isInt()) {
            return Rules.each(Names.isValidPortNum(port.intValue()), path, port.intValue());
        }
        return Rules.each(Names.isValidPortName(port.strValue()), path, port.strValue());
    }

    /** The parts of {@code ValidateServiceClusterIPsRelatedFields} that single-stack Steersman needs. */
    private static List<FieldError> clusterIps(ServiceSpec spec) {
        List<FieldError> errors = new ArrayList<>();
        if (!Rules.isEmpty(spec.ipFamilyPolicy()) && !List.of(FAMILY_POLICIES).contains(spec.ipFamilyPolicy())) {
            errors.add(Rules.notSupported(SPEC.child("ipFamilyPolicy"), spec.ipFamilyPolicy(), FAMILY_POLICIES));
        }
        FieldPath ips = SPEC.child("clusterIPs");
        for (int i = 0; i < spec.clusterIPs().size(); i++) {
            String ip = spec.clusterIPs().get(i);
            if (i == 0 && ServiceSpec.CLUSTER_IP_NONE.equals(ip)) {
                if (spec.clusterIPs().size() > 1) {
                    errors.add(Rules.invalid(ips, GoValue.strings(spec.clusterIPs()), "'None' must be the first and only value"));
                }
                continue;
            }
            if (!isIp(ip)) {
                errors.add(Rules.invalid(ips.index(i), ip, "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"));
            }
        }
        if (spec.clusterIPs().size() > 2) {
            errors.add(Rules.invalid(ips, GoValue.strings(spec.clusterIPs()), "may only hold up to 2 values"));
        }
        String clusterIp = spec.clusterIP();
        // upstream validates clusterIPs, which the registry fills from clusterIP; only a lone clusterIP is checked here
        if (spec.clusterIPs().isEmpty() && !Rules.isEmpty(clusterIp) && !ServiceSpec.CLUSTER_IP_NONE.equals(clusterIp) && !isIp(clusterIp)) {
            errors.add(Rules.invalid(SPEC.child("clusterIP"), clusterIp, "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"));
        }
        for (int i = 0; i < spec.ipFamilies().size(); i++) {
            String family = spec.ipFamilies().get(i);
            if (!List.of(FAMILIES).contains(family)) {
                errors.add(Rules.notSupported(SPEC.child("ipFamilies").index(i), family, FAMILIES));
            }
        }
        return errors;
    }

    /** {@code ValidateServiceUpdate}: an allocated cluster IP stays, unless the type moves to or from ExternalName. */
    private static List<FieldError> update(ServiceSpec spec, ServiceSpec old) {
        boolean externalName = "ExternalName".equals(spec.type()) || "ExternalName".equals(old.type());
        if (externalName || Rules.isEmpty(old.clusterIP())) {
            return List.of();
        }
        return Rules.immutable(MetaValidation.nullToEmpty(spec.clusterIP()), old.clusterIP(), SPEC.child("clusterIPs").index(0));
    }

    static boolean isIp(String ip) {
        return ip != null && (IPV4.matcher(ip).matches() || (IPV6.matcher(ip).matches() && ip.chars().filter(c -> c == ':').count() >= 2));
    }
}
