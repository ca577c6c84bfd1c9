package io.steersman.networking.dns;

import io.steersman.api.client.Client;
import io.steersman.api.model.core.EndpointPort;
import io.steersman.api.model.core.Namespace;
import io.steersman.api.model.core.Service;
import io.steersman.api.model.core.ServicePort;
import io.steersman.api.model.discovery.Endpoint;
import io.steersman.api.model.discovery.EndpointSlice;
import io.steersman.api.selector.Selector;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * The cluster's DNS zone as the Kubernetes DNS specification (schema 1.1.0) and CoreDNS's
 * kubernetes plugin define it, answered from the informer caches through a {@link Client}:
 * <ul>
 *   <li>{@code <svc>.<ns>.svc.<zone>}: A with the cluster IP, or for a headless Service one A per
 *       ready endpoint address (no ready endpoint: NXDOMAIN, as the specification says); an
 *       ExternalName Service answers with a CNAME to its external name;</li>
 *   <li>{@code <hostname>.<svc>.<ns>.svc.<zone>}: A for the ready endpoints of a headless Service
 *       with that hostname (a pod's {@code spec.hostname} in the Service's subdomain) or, without
 *       one, with that dashed IP ({@code 10-244-0-5});</li>
 *   <li>{@code _<port>._<proto>.<svc>.<ns>.svc.<zone>}: SRV per named port (per ready endpoint
 *       for a headless Service), with the targets' A records in the additional section;</li>
 *   <li>{@code <a-b-c-d>.<ns>.pod.<zone>}: A with that address (CoreDNS's {@code pods insecure},
 *       kubeadm's default); {@code dns-version.<zone>}: TXT "1.1.0";</li>
 *   <li>{@code <d>.<c>.<b>.<a>.in-addr.arpa}: PTR to the Service of a cluster IP or the endpoint
 *       name of a headless Service's endpoint.</li>
 * </ul>
 * A name that does not exist gets NXDOMAIN, one that exists without records of the asked type
 * NOERROR with no answer (NODATA), both with the zone's SOA in the authority section; a name
 * outside the zone gets REFUSED. Names are case-insensitive. Answers are authoritative; there is
 * no recursion. Thread-safe (reads only).
 */
final class ClusterZone {
    static final String SCHEMA_VERSION = "1.1.0";
    private static final Name IN_ADDR_ARPA = name("in-addr.arpa.");
    private static final int REFRESH = 7200;
    private static final int RETRY = 1800;
    private static final int EXPIRE = 86400;

    private final Client client;
    private final Name zone;
    private final long ttl;
    private final long serial;

    ClusterZone(Client client, String domain, long ttl, long serial) {
        this.client = client;
        this.zone = name(domain.endsWith(".") ? domain : domain + ".");
        this.ttl = ttl;
        this.serial = serial;
    }

    Name zone() {
        return zone;
    }

    /** The response to {@code query}: never null, whatever the query holds. */
    Message answer(Message query) {
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setOpcode(query.getHeader().getOpcode());
        if (query.getHeader().getFlag(Flags.RD)) {
            response.getHeader().setFlag(Flags.RD);
        }
        if (query.getHeader().getOpcode() != Opcode.QUERY) {
            response.getHeader().setRcode(Rcode.NOTIMP);
            return response;
        }
        Record question = query.getQuestion();
        if (question == null || query.getHeader().getCount(Section.QUESTION) != 1) {
            response.getHeader().setRcode(Rcode.FORMERR);
            return response;
        }
        response.addRecord(question, Section.QUESTION);
        Name name = question.getName();
        int type = question.getType();
        Answer answer;
        Name authority;
        if (question.getDClass() != DClass.IN && question.getDClass() != DClass.ANY) {
            answer = Answer.REFUSED;
            authority = null;
        } else if (name.subdomain(zone)) {
            answer = forward(name, type);
            authority = zone;
        } else if (name.subdomain(IN_ADDR_ARPA)) {
            answer = reverse(name, type);
            authority = IN_ADDR_ARPA;
        } else {
            answer = Answer.REFUSED;
            authority = null;
        }
        response.getHeader().setRcode(answer.rcode());
        if (answer.rcode() == Rcode.REFUSED) {
            return response;
        }
        response.getHeader().setFlag(Flags.AA);
        answer.records().forEach(r -> response.addRecord(r, Section.ANSWER));
        answer.additional().forEach(r -> response.addRecord(r, Section.ADDITIONAL));
        if (answer.records().isEmpty()) {
            response.addRecord(soa(authority), Section.AUTHORITY);
        }
        return response;
    }

    // ---------------------------------------------------------------------------------- forward

    private Answer forward(Name name, int type) {
        List<String> labels = relativeLabels(name, zone);
        int n = labels.size();
        if (n == 0) {
            return apex(type);
        }
        String kind = labels.get(n - 1);
        if (n == 1 && kind.equals("dns-version")) {
            return type == Type.TXT || type == Type.ANY
                    ? Answer.of(new TXTRecord(name, DClass.IN, ttl, SCHEMA_VERSION)) : Answer.NODATA;
        }
        if (kind.equals("svc")) {
            return switch (n) {
                case 1 -> Answer.NODATA;
                case 2 -> namespaceExists(labels.get(0)) ? Answer.NODATA : Answer.NXDOMAIN;
                case 3 -> service(name, type, labels.get(1), labels.get(0));
                case 4 -> endpointName(name, type, labels.get(2), labels.get(1), labels.get(0));
                case 5 -> srv(name, type, labels.get(3), labels.get(2), labels.get(1), labels.get(0));
                default -> Answer.NXDOMAIN;
            };
        }
        if (kind.equals("pod")) {
            return switch (n) {
                case 1 -> Answer.NODATA;
                case 2 -> namespaceExists(labels.get(0)) ? Answer.NODATA : Answer.NXDOMAIN;
                case 3 -> pod(name, type, labels.get(0));
                default -> Answer.NXDOMAIN;
            };
        }
        return Answer.NXDOMAIN;
    }

    private Answer apex(int type) {
        return switch (type) {
            case Type.SOA -> Answer.of(soa(zone));
            case Type.NS -> new Answer(Rcode.NOERROR, List.of(new NSRecord(zone, DClass.IN, ttl, nameServer())),
                    List.of());
            default -> Answer.NODATA;
        };
    }

    private boolean namespaceExists(String namespace) {
        return client.get(Namespace.class, null, namespace).isPresent();
    }

    /** {@code <svc>.<ns>.svc.<zone>}. */
    private Answer service(Name name, int type, String namespace, String serviceName) {
        Service service = client.get(Service.class, namespace, serviceName).orElse(null);
        if (service == null) {
            return Answer.NXDOMAIN;
        }
        if ("ExternalName".equals(service.spec().type())) {
            String external = service.spec().externalName();
            if (external == null || external.isEmpty()) {
                return Answer.NXDOMAIN;
            }
            return Answer.of(new CNAMERecord(name, DClass.IN, ttl, name(external.endsWith(".") ? external : external + ".")));
        }
        if (!isHeadless(service)) {
            return switch (type) {
                case Type.A, Type.ANY -> Answer.of(a(name, service.spec().clusterIP()));
                case Type.SRV -> clusterIpSrv(name, service, namedPorts(service, null, null));
                default -> Answer.NODATA;
            };
        }
        List<Target> targets = readyTargets(service);
        if (targets.isEmpty()) {
            return Answer.NXDOMAIN;
        }
        return switch (type) {
            case Type.A, Type.ANY -> {
                Set<String> ips = new LinkedHashSet<>();
                targets.forEach(t -> ips.add(t.ip()));
                yield new Answer(Rcode.NOERROR, ips.stream().map(ip -> (Record) a(name, ip)).toList(), List.of());
            }
            case Type.SRV -> headlessSrv(name, service, targets, null, null);
            default -> Answer.NODATA;
        };
    }

    /** {@code <hostname>.<svc>.<ns>.svc.<zone>}: a headless Service's ready endpoints of that name. */
    private Answer endpointName(Name name, int type, String namespace, String serviceName, String hostname) {
        Service service = client.get(Service.class, namespace, serviceName).orElse(null);
        if (service == null || !isHeadless(service) || "ExternalName".equals(service.spec().type())) {
            return Answer.NXDOMAIN;
        }
        List<Record> records = new ArrayList<>();
        for (Target target : readyTargets(service)) {
            if (target.hostname().equals(hostname)) {
                records.add(a(name, target.ip()));
            }
        }
        if (records.isEmpty()) {
            return Answer.NXDOMAIN;
        }
        return type == Type.A || type == Type.ANY ? new Answer(Rcode.NOERROR, records, List.of()) : Answer.NODATA;
    }

    /** {@code _<port>._<proto>.<svc>.<ns>.svc.<zone>}. */
    private Answer srv(Name name, int type, String namespace, String serviceName, String protoLabel, String portLabel) {
        if (!portLabel.startsWith("_") || !protoLabel.startsWith("_")) {
            return Answer.NXDOMAIN;
        }
        String port = portLabel.substring(1);
        String protocol = protoLabel.substring(1);
        Service service = client.get(Service.class, namespace, serviceName).orElse(null);
        if (service == null || "ExternalName".equals(service.spec().type())) {
            return Answer.NXDOMAIN;
        }
        Answer found;
        if (!isHeadless(service)) {
            List<ServicePort> ports = namedPorts(service, port, protocol);
            found = ports.isEmpty() ? Answer.NXDOMAIN : clusterIpSrv(name, service, ports);
        } else {
            found = headlessSrv(name, service, readyTargets(service), port, protocol);
        }
        if (found.rcode() != Rcode.NOERROR || type == Type.SRV || type == Type.ANY) {
            return found;
        }
        return Answer.NODATA;
    }

    /** SRV records of a Service with a cluster IP: one per port, the Service's name as target. */
    private Answer clusterIpSrv(Name owner, Service service, List<ServicePort> ports) {
        if (ports.isEmpty()) {
            return Answer.NODATA;
        }
        Name target = serviceName(service);
        List<Record> records = new ArrayList<>();
        int weight = weight(ports.size());
        for (ServicePort port : ports) {
            records.add(new SRVRecord(owner, DClass.IN, ttl, 0, weight, port.port(), target));
        }
        return new Answer(Rcode.NOERROR, records, List.of(a(target, service.spec().clusterIP())));
    }

    /**
     * SRV records of a headless Service, owned by {@code owner}: one per ready endpoint and named
     * port (of {@code port} and {@code protocol} when given), targets {@code <hostname>.<svc>.<ns>.svc.<zone>}.
     */
    private Answer headlessSrv(Name owner, Service service, List<Target> targets, String port, String protocol) {
        record Found(Target target, EndpointPort port) {}
        List<Found> found = new ArrayList<>();
        for (Target target : targets) {
            for (EndpointPort endpointPort : target.ports()) {
                String portName = endpointPort.name();
                if (portName == null || portName.isEmpty() || endpointPort.port() == null) {
                    continue;
                }
                if ((port == null || port.equals(portName)) && (protocol == null || protocol.equals(protocol(endpointPort.protocol())))) {
                    found.add(new Found(target, endpointPort));
                }
            }
        }
        if (found.isEmpty()) {
            return port == null ? Answer.NODATA : Answer.NXDOMAIN;
        }
        int weight = weight(found.size());
        Set<Record> records = new LinkedHashSet<>();
        Set<Record> additional = new LinkedHashSet<>();
        Name serviceName = serviceName(service);
        for (Found f : found) {
            Name host = child(serviceName, f.target().hostname());
            records.add(new SRVRecord(owner, DClass.IN, ttl, 0, weight, f.port().port(), host));
            additional.add(a(host, f.target().ip()));
        }
        return new Answer(Rcode.NOERROR, List.copyOf(records), List.copyOf(additional));
    }

    /** CoreDNS splits a weight of 100 evenly among the records of one answer. */
    private static int weight(int count) {
        return Math.max(1, 100 / count);
    }

    /** {@code <a-b-c-d>.<ns>.pod.<zone>}: the address the name spells. */
    private Answer pod(Name name, int type, String dashed) {
        String ip = dashed.replace('-', '.');
        if (parseIpv4(ip) == null) {
            return Answer.NXDOMAIN;
        }
        return type == Type.A || type == Type.ANY ? Answer.of(a(name, ip)) : Answer.NODATA;
    }

    // ---------------------------------------------------------------------------------- reverse

    private Answer reverse(Name name, int type) {
        List<String> labels = relativeLabels(name, IN_ADDR_ARPA);
        if (labels.size() != 4) {
            return Answer.NXDOMAIN;
        }
        String ip = labels.get(3) + "." + labels.get(2) + "." + labels.get(1) + "." + labels.get(0);
        if (parseIpv4(ip) == null) {
            return Answer.NXDOMAIN;
        }
        Name target = null;
        for (Service service : client.list(Service.class, null)) {
            if ("ExternalName".equals(service.spec().type())) {
                continue;
            }
            if (!isHeadless(service) && ip.equals(service.spec().clusterIP())) {
                target = serviceName(service);
                break;
            }
            if (isHeadless(service)) {
                for (Target t : readyTargets(service)) {
                    if (t.ip().equals(ip)) {
                        target = child(serviceName(service), t.hostname());
                        break;
                    }
                }
                if (target != null) {
                    break;
                }
            }
        }
        if (target == null) {
            return Answer.NXDOMAIN;
        }
        return type == Type.PTR || type == Type.ANY ? Answer.of(new PTRRecord(name, DClass.IN, ttl, target)) : Answer.NODATA;
    }

    // ---------------------------------------------------------------------------------- data

    /** A ready endpoint address of a Service: its IP, DNS hostname and its slice's ports. */
    private record Target(String ip, String hostname, List<EndpointPort> ports) {}

    /**
     * The ready endpoint addresses of the Service's EndpointSlices (every slice labelled with its
     * name, whoever manages it); ready unset counts as ready, as upstream reads it. An endpoint
     * without a hostname is named by its dashed IP, as CoreDNS names it.
     */
    private List<Target> readyTargets(Service service) {
        List<Target> targets = new ArrayList<>();
        List<EndpointSlice> slices = client.list(EndpointSlice.class, service.namespace(),
                Selector.fromSet(Map.of(EndpointSlice.SERVICE_NAME_LABEL, service.name())));
        for (EndpointSlice slice : slices) {
            if (!"IPv4".equals(slice.addressType())) {
                continue;
            }
            for (Endpoint endpoint : slice.endpoints()) {
                if (endpoint.conditions() != null && Boolean.FALSE.equals(endpoint.conditions().ready())) {
                    continue;
                }
                for (String ip : endpoint.addresses()) {
                    if (parseIpv4(ip) == null) {
                        continue;
                    }
                    String hostname = endpoint.hostname() == null || endpoint.hostname().isEmpty()
                            ? ip.replace('.', '-') : endpoint.hostname().toLowerCase(Locale.ROOT);
                    targets.add(new Target(ip, hostname, slice.ports()));
                }
            }
        }
        targets.sort(java.util.Comparator.comparing(Target::hostname).thenComparing(Target::ip));
        return targets;
    }

    /** The Service's named ports, of {@code name} and {@code protocol} (lowercase) when given. */
    private static List<ServicePort> namedPorts(Service service, String name, String protocol) {
        List<ServicePort> ports = new ArrayList<>();
        for (ServicePort port : service.spec().ports()) {
            if (port.name() == null || port.name().isEmpty() || port.port() == null) {
                continue;
            }
            if ((name == null || name.equals(port.name())) && (protocol == null || protocol.equals(protocol(port.protocol())))) {
                ports.add(port);
            }
        }
        return ports;
    }

    private static boolean isHeadless(Service service) {
        String ip = service.spec().clusterIP();
        return ip == null || ip.isEmpty() || service.spec().isHeadless();
    }

    private static String protocol(String protocol) {
        return protocol == null || protocol.isEmpty() ? "tcp" : protocol.toLowerCase(Locale.ROOT);
    }

    private Name serviceName(Service service) {
        return child(child(child(zone, "svc"), service.namespace()), service.name());
    }

    // ---------------------------------------------------------------------------------- records

    private ARecord a(Name owner, String ip) {
        return new ARecord(owner, DClass.IN, ttl, parseIpv4(ip));
    }

    private SOARecord soa(Name owner) {
        return new SOARecord(owner, DClass.IN, ttl, nameServer(), child(zone, "hostmaster"), serial, REFRESH, RETRY, EXPIRE, ttl);
    }

    private Name nameServer() {
        return child(child(zone, "dns"), "ns");
    }

    /** The labels of {@code name} below {@code origin}, lowercase, leftmost first. */
    private static List<String> relativeLabels(Name name, Name origin) {
        int count = name.labels() - origin.labels();
        List<String> labels = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            labels.add(name.getLabelString(i).toLowerCase(Locale.ROOT));
        }
        return labels;
    }

    private static Name child(Name parent, String label) {
        try {
            return Name.concatenate(Name.fromString(label), parent);
        } catch (TextParseException | org.xbill.DNS.NameTooLongException e) {
            throw new IllegalArgumentException("not a DNS name: " + label + "." + parent, e);
        }
    }

    private static Name name(String absolute) {
        try {
            return Name.fromString(absolute);
        } catch (TextParseException e) {
            throw new IllegalArgumentException("not a DNS name: " + absolute, e);
        }
    }

    /** A dotted IPv4 address without a lookup, or null when {@code ip} is not one. */
    static InetAddress parseIpv4(String ip) {
        if (ip == null) {
            return null;
        }
        String[] parts = ip.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit) || (part.length() > 1 && part.charAt(0) == '0')) {
                return null;
            }
            int value = Integer.parseInt(part);
            if (value > 255) {
                return null;
            }
            bytes[i] = (byte) value;
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** What a name resolves to: the response code, the answer and the additional records. */
    private record Answer(int rcode, List<Record> records, List<Record> additional) {
        static final Answer NXDOMAIN = new Answer(Rcode.NXDOMAIN, List.of(), List.of());
        static final Answer NODATA = new Answer(Rcode.NOERROR, List.of(), List.of());
        static final Answer REFUSED = new Answer(Rcode.REFUSED, List.of(), List.of());

        static Answer of(Record record) {
            return new Answer(Rcode.NOERROR, List.of(record), List.of());
        }
    }
}
