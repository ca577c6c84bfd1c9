package io.steersman.apiserver;

import static io.steersman.apiserver.Printer.age;
import static io.steersman.apiserver.Printer.at;
import static io.steersman.apiserver.Printer.number;
import static io.steersman.apiserver.Printer.orNone;
import static io.steersman.apiserver.Printer.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.steersman.api.model.LabelSelector;
import io.steersman.api.selector.Selector;
import io.steersman.api.selector.SelectorParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * Upstream's printers for the built-in kinds ({@code pkg/printers/internalversion/printers.go}):
 * the same columns and the same cell formats ({@code 1/1}, {@code 2 (5s ago)}, {@code 80/TCP},
 * {@code <none>}), keyed by {@code group/plural}.
 */
final class BuiltinPrinters {
    private BuiltinPrinters() {}

    private record Simple(List<Table.Column> columns, BiFunction<JsonNode, Instant, List<Object>> cells) implements Printer {
        @Override
        public List<Object> cells(JsonNode object, Instant now) {
            return cells.apply(object, now);
        }
    }

    private static Table.Column col(String name, String type) {
        return Table.Column.of(name, type);
    }

    private static Table.Column wide(String name, String type) {
        return Table.Column.wide(name, type);
    }

    private static Table.Column ageColumn() {
        return new Table.Column("Age", "string", "", "CreationTimestamp is a timestamp representing the server time when this object was created.", 0);
    }

    static final Map<String, Printer> PRINTERS = Map.ofEntries(
            Map.entry("/pods", new Simple(List.of(Table.Column.nameColumn(), col("Ready", "string"), col("Status", "string"),
                    col("Restarts", "string"), ageColumn(), wide("IP", "string"), wide("Node", "string"),
                    wide("Nominated Node", "string"), wide("Readiness Gates", "string")), PodPrinter::cells)),
            Map.entry("apps/deployments", new Simple(List.of(Table.Column.nameColumn(), col("Ready", "string"),
                    col("Up-to-date", "integer"), col("Available", "integer"), ageColumn(), wide("Containers", "string"),
                    wide("Images", "string"), wide("Selector", "string")), BuiltinPrinters::deployment)),
            Map.entry("apps/replicasets", new Simple(List.of(Table.Column.nameColumn(), col("Desired", "integer"),
                    col("Current", "integer"), col("Ready", "integer"), ageColumn(), wide("Containers", "string"),
                    wide("Images", "string"), wide("Selector", "string")), BuiltinPrinters::replicaSet)),
            Map.entry("apps/statefulsets", new Simple(List.of(Table.Column.nameColumn(), col("Ready", "string"), ageColumn(),
                    wide("Containers", "string"), wide("Images", "string")), BuiltinPrinters::statefulSet)),
            Map.entry("apps/controllerrevisions", new Simple(List.of(Table.Column.nameColumn(), col("Controller", "string"),
                    col("Revision", "integer"), ageColumn()), BuiltinPrinters::controllerRevision)),
            Map.entry("/services", new Simple(List.of(Table.Column.nameColumn(), col("Type", "string"), col("Cluster-IP", "string"),
                    col("External-IP", "string"), col("Port(s)", "string"), ageColumn(), wide("Selector", "string")), BuiltinPrinters::service)),
            Map.entry("/endpoints", new Simple(List.of(Table.Column.nameColumn(), col("Endpoints", "string"), ageColumn()), BuiltinPrinters::endpoints)),
            Map.entry("discovery.k8s.io/endpointslices", new Simple(List.of(Table.Column.nameColumn(), col("AddressType", "string"),
                    col("Ports", "string"), col("Endpoints", "string"), ageColumn()), BuiltinPrinters::endpointSlice)),
            Map.entry("/persistentvolumeclaims", new Simple(List.of(Table.Column.nameColumn(), col("Status", "string"), col("Volume", "string"),
                    col("Capacity", "string"), col("Access Modes", "string"), col("StorageClass", "string"),
                    col("VolumeAttributesClass", "string"), ageColumn(), wide("VolumeMode", "string")), BuiltinPrinters::claim)),
            Map.entry("/persistentvolumes", new Simple(List.of(Table.Column.nameColumn(), col("Capacity", "string"),
                    col("Access Modes", "string"), col("Reclaim Policy", "string"), col("Status", "string"), col("Claim", "string"),
                    col("StorageClass", "string"), col("VolumeAttributesClass", "string"), col("Reason", "string"), ageColumn(),
                    wide("VolumeMode", "string")), BuiltinPrinters::volume)),
            Map.entry("storage.k8s.io/storageclasses", new Simple(List.of(Table.Column.nameColumn(), col("Provisioner", "string"),
                    col("ReclaimPolicy", "string"), col("VolumeBindingMode", "string"), col("AllowVolumeExpansion", "string"), ageColumn()),
                    BuiltinPrinters::storageClass)),
            Map.entry("/events", new Simple(List.of(col("Last Seen", "string"), col("Type", "string"), col("Reason", "string"),
                    col("Object", "string"), wide("Subobject", "string"), wide("Source", "string"), col("Message", "string"),
                    wide("First Seen", "string"), wide("Count", "string"),
                    new Table.Column("Name", "string", "name", "Name", 1)), BuiltinPrinters::event)),
            Map.entry("/namespaces", new Simple(List.of(Table.Column.nameColumn(), col("Status", "string"), ageColumn()),
                    (o, now) -> List.of(text(o, "metadata", "name"), text(o, "status", "phase"), age(at(o, "metadata", "creationTimestamp"), now)))),
            Map.entry("/nodes", new Simple(List.of(Table.Column.nameColumn(), col("Status", "string"), col("Roles", "string"), ageColumn(),
                    col("Version", "string"), wide("Internal-IP", "string"), wide("External-IP", "string"), wide("OS-Image", "string"),
                    wide("Kernel-Version", "string"), wide("Container-Runtime", "string")), BuiltinPrinters::node)),
            Map.entry("/configmaps", new Simple(List.of(Table.Column.nameColumn(), col("Data", "integer"), ageColumn()),
                    (o, now) -> List.of(text(o, "metadata", "name"), (long) (o.path("data").size() + o.path("binaryData").size()),
                            age(at(o, "metadata", "creationTimestamp"), now)))),
            Map.entry("/secrets", new Simple(List.of(Table.Column.nameColumn(), col("Type", "string"), col("Data", "integer"), ageColumn()),
                    (o, now) -> List.of(text(o, "metadata", "name"), text(o, "type"),
                            (long) (o.path("data").size() + o.path("stringData").size()), age(at(o, "metadata", "creationTimestamp"), now)))),
            Map.entry("/serviceaccounts", new Simple(List.of(Table.Column.nameColumn(), col("Secrets", "string"), ageColumn()),
                    (o, now) -> List.of(text(o, "metadata", "name"), (long) o.path("secrets").size(),
                            age(at(o, "metadata", "creationTimestamp"), now)))));

    private static String name(JsonNode o) {
        return text(o, "metadata", "name");
    }

    private static String created(JsonNode o, Instant now) {
        return age(at(o, "metadata", "creationTimestamp"), now);
    }

    private static List<Object> deployment(JsonNode o, Instant now) {
        JsonNode containers = at(o, "spec", "template", "spec", "containers");
        return List.of(name(o), number(o, "status", "readyReplicas") + "/" + specReplicas(o),
                number(o, "status", "updatedReplicas"), number(o, "status", "availableReplicas"), created(o, now),
                join(containers, "name"), join(containers, "image"), selector(at(o, "spec", "selector")));
    }

    private static List<Object> replicaSet(JsonNode o, Instant now) {
        JsonNode containers = at(o, "spec", "template", "spec", "containers");
        return List.of(name(o), specReplicas(o), number(o, "status", "replicas"), number(o, "status", "readyReplicas"),
                created(o, now), join(containers, "name"), join(containers, "image"), selector(at(o, "spec", "selector")));
    }

    private static List<Object> statefulSet(JsonNode o, Instant now) {
        JsonNode containers = at(o, "spec", "template", "spec", "containers");
        return List.of(name(o), number(o, "status", "readyReplicas") + "/" + specReplicas(o), created(o, now),
                join(containers, "name"), join(containers, "image"));
    }

    /** spec.replicas; the API defaults it to 1, so an object stored without it has one. */
    private static long specReplicas(JsonNode o) {
        JsonNode replicas = at(o, "spec", "replicas");
        return replicas.isNumber() ? replicas.asLong() : 1;
    }

    private static List<Object> controllerRevision(JsonNode o, Instant now) {
        String controller = "<none>";
        for (JsonNode ref : o.path("metadata").path("ownerReferences")) {
            if (ref.path("controller").asBoolean(false)) {
                String apiVersion = ref.path("apiVersion").asText("");
                int slash = apiVersion.indexOf('/');
                String group = slash < 0 ? "" : apiVersion.substring(0, slash);
                String kind = ref.path("kind").asText("");
                controller = (group.isEmpty() ? kind : kind + "." + group).toLowerCase(Locale.ROOT) + "/" + ref.path("name").asText("");
            }
        }
        return List.of(name(o), controller, number(o, "revision"), created(o, now));
    }

    private static List<Object> service(JsonNode o, Instant now) {
        String type = text(o, "spec", "type");
        if (type.isEmpty()) {
            type = "ClusterIP";
        }
        String clusterIp = text(o, "spec", "clusterIP");
        return List.of(name(o), type, orNone(clusterIp), externalIp(o, type), ports(at(o, "spec", "ports")), created(o, now),
                Printer.formatLabels(at(o, "spec", "selector")));
    }

    private static String externalIp(JsonNode o, String type) {
        List<String> external = Printer.strings(at(o, "spec", "externalIPs"));
        switch (type) {
            case "ClusterIP", "NodePort" -> {
                return external.isEmpty() ? "<none>" : String.join(",", external);
            }
            case "LoadBalancer" -> {
                List<String> ips = new ArrayList<>();
                for (JsonNode ingress : at(o, "status", "loadBalancer", "ingress")) {
                    if (!ingress.path("ip").asText("").isEmpty()) {
                        ips.add(ingress.path("ip").asText());
                    } else if (!ingress.path("hostname").asText("").isEmpty()) {
                        ips.add(ingress.path("hostname").asText());
                    }
                }
                ips.addAll(external);
                return ips.isEmpty() ? "<pending>" : String.join(",", ips);
            }
            case "ExternalName" -> {
                return text(o, "spec", "externalName");
            }
            default -> {
                return "<unknown>";
            }
        }
    }

    private static String ports(JsonNode ports) {
        List<String> terms = new ArrayList<>();
        for (JsonNode port : ports) {
            String protocol = port.path("protocol").asText("TCP");
            long nodePort = port.path("nodePort").asLong(0);
            terms.add(port.path("port").asLong() + (nodePort != 0 ? ":" + nodePort : "") + "/" + protocol);
        }
        return terms.isEmpty() ? "<none>" : String.join(",", terms);
    }

    private static List<Object> endpoints(JsonNode o, Instant now) {
        return List.of(name(o), formatEndpoints(o.path("subsets")), created(o, now));
    }

    private static List<Object> endpointSlice(JsonNode o, Instant now) {
        List<String> ports = new ArrayList<>();
        for (JsonNode port : o.path("ports")) {
            ports.add(port.path("port").isNumber() ? String.valueOf(port.path("port").asLong())
                    : port.path("name").isTextual() ? port.path("name").asText() : "*");
        }
        List<String> addresses = new ArrayList<>();
        for (JsonNode endpoint : o.path("endpoints")) {
            for (JsonNode address : endpoint.path("addresses")) {
                addresses.add(address.asText());
            }
        }
        return List.of(name(o), o.path("addressType").asText(""), listWithMore(ports), listWithMore(addresses), created(o, now));
    }

    /** Upstream's listWithMoreString for EndpointSlices: three values, then {@code + N more...}; none is {@code <unset>}. */
    static String listWithMore(List<String> values) {
        int max = 3;
        String joined = String.join(",", values.subList(0, Math.min(max, values.size())));
        if (values.size() > max) {
            return joined + " + " + (values.size() - max) + " more...";
        }
        return joined.isEmpty() ? "<unset>" : joined;
    }

    /** Upstream's formatEndpoints: at most three {@code ip:port}, then {@code + N more...}. */
    static String formatEndpoints(JsonNode subsets) {
        if (!subsets.isArray() || subsets.isEmpty()) {
            return "<none>";
        }
        int max = 3;
        List<String> list = new ArrayList<>();
        boolean more = false;
        int count = 0;
        for (JsonNode subset : subsets) {
            JsonNode addresses = subset.path("addresses");
            JsonNode ports = subset.path("ports");
            if (ports.isEmpty()) {
                count += addresses.size();
                for (JsonNode address : addresses) {
                    if (list.size() == max) {
                        more = true;
                        break;
                    }
                    list.add(address.path("ip").asText());
                }
                continue;
            }
            for (JsonNode port : ports) {
                count += addresses.size();
                for (JsonNode address : addresses) {
                    if (list.size() == max) {
                        more = true;
                        break;
                    }
                    String ip = address.path("ip").asText();
                    list.add((ip.contains(":") ? "[" + ip + "]" : ip) + ":" + port.path("port").asLong());
                }
            }
        }
        String joined = String.join(",", list);
        return more ? joined + " + " + (count - max) + " more..." : joined;
    }

    private static List<Object> claim(JsonNode o, Instant now) {
        String phase = o.path("metadata").hasNonNull("deletionTimestamp") ? "Terminating" : text(o, "status", "phase");
        String volumeName = text(o, "spec", "volumeName");
        String capacity = "";
        String accessModes = "";
        if (!volumeName.isEmpty()) {
            accessModes = accessModes(at(o, "status", "accessModes"));
            capacity = text(o, "status", "capacity", "storage");
        }
        String attributes = text(o, "spec", "volumeAttributesClassName");
        String mode = text(o, "spec", "volumeMode");
        return List.of(name(o), phase, volumeName, capacity, accessModes, storageClass(o), attributes.isEmpty() ? "<unset>" : attributes,
                created(o, now), mode.isEmpty() ? "<unset>" : mode);
    }

    private static List<Object> volume(JsonNode o, Instant now) {
        JsonNode claimRef = at(o, "spec", "claimRef");
        String claim = claimRef.isObject() ? claimRef.path("namespace").asText("") + "/" + claimRef.path("name").asText("") : "";
        String phase = o.path("metadata").hasNonNull("deletionTimestamp") ? "Terminating" : text(o, "status", "phase");
        String attributes = text(o, "spec", "volumeAttributesClassName");
        String mode = text(o, "spec", "volumeMode");
        return List.of(name(o), text(o, "spec", "capacity", "storage"), accessModes(at(o, "spec", "accessModes")),
                text(o, "spec", "persistentVolumeReclaimPolicy"), phase, claim, storageClass(o),
                attributes.isEmpty() ? "<unset>" : attributes, text(o, "status", "reason"), created(o, now),
                mode.isEmpty() ? "<unset>" : mode);
    }

    /** GetPersistentVolume(Claim)Class: the beta annotation wins over spec.storageClassName. */
    private static String storageClass(JsonNode o) {
        String annotated = text(o, "metadata", "annotations", "volume.beta.kubernetes.io/storage-class");
        return !annotated.isEmpty() || at(o, "metadata", "annotations").has("volume.beta.kubernetes.io/storage-class")
                ? annotated : text(o, "spec", "storageClassName");
    }

    /** GetAccessModesAsString: RWO, ROX, RWX, RWOP in that order, each once. */
    static String accessModes(JsonNode modes) {
        List<String> present = Printer.strings(modes);
        List<String> result = new ArrayList<>();
        String[][] table = {{"ReadWriteOnce", "RWO"}, {"ReadOnlyMany", "ROX"}, {"ReadWriteMany", "RWX"}, {"ReadWriteOncePod", "RWOP"}};
        for (String[] entry : table) {
            if (present.contains(entry[0])) {
                result.add(entry[1]);
            }
        }
        return String.join(",", result);
    }

    private static List<Object> storageClass(JsonNode o, Instant now) {
        String name = name(o);
        JsonNode annotations = at(o, "metadata", "annotations");
        if ("true".equals(annotations.path("storageclass.kubernetes.io/is-default-class").asText())
                || "true".equals(annotations.path("storageclass.beta.kubernetes.io/is-default-class").asText())) {
            name += " (default)";
        }
        String reclaim = text(o, "reclaimPolicy");
        String binding = text(o, "volumeBindingMode");
        return List.of(name, text(o, "provisioner"), reclaim.isEmpty() ? "Delete" : reclaim,
                binding.isEmpty() ? "Immediate" : binding, o.path("allowVolumeExpansion").asBoolean(false), created(o, now));
    }

    private static List<Object> event(JsonNode o, Instant now) {
        String first = age(o.path("firstTimestamp"), now);
        if (Printer.time(o.path("firstTimestamp")) == null) {
            first = age(o.path("eventTime"), now);
        }
        String last = Printer.time(o.path("lastTimestamp")) == null ? first : age(o.path("lastTimestamp"), now);
        long count = o.path("count").asLong(0);
        if (o.path("series").isObject()) {
            last = age(o.path("series").path("lastObservedTime"), now);
            count = o.path("series").path("count").asLong(0);
        } else if (count == 0) {
            count = 1;
        }
        JsonNode involved = o.path("involvedObject");
        String kind = involved.path("kind").asText("").toLowerCase(Locale.ROOT);
        String target = involved.path("name").asText("").isEmpty() ? kind : kind + "/" + involved.path("name").asText();
        String component = o.path("source").path("component").asText("");
        if (component.isEmpty()) {
            component = o.path("reportingComponent").asText("");
        }
        String host = o.path("source").path("host").asText("");
        if (host.isEmpty()) {
            host = o.path("reportingInstance").asText("");
        }
        String source = host.isEmpty() ? component : component + ", " + host;
        return List.of(last, text(o, "type"), text(o, "reason"), target, involved.path("fieldPath").asText(""), source,
                text(o, "message").strip(), first, count, name(o));
    }

    private static List<Object> node(JsonNode o, Instant now) {
        String status = "Unknown";
        for (JsonNode condition : at(o, "status", "conditions")) {
            if ("Ready".equals(condition.path("type").asText())) {
                status = "True".equals(condition.path("status").asText()) ? "Ready" : "NotReady";
            }
        }
        if (at(o, "spec", "unschedulable").asBoolean(false)) {
            status += ",SchedulingDisabled";
        }
        TreeSet<String> roles = new TreeSet<>();
        at(o, "metadata", "labels").fields().forEachRemaining(e -> {
            if (e.getKey().startsWith("node-role.kubernetes.io/")) {
                String role = e.getKey().substring("node-role.kubernetes.io/".length());
                if (!role.isEmpty()) {
                    roles.add(role);
                }
            } else if (e.getKey().equals("kubernetes.io/role") && !e.getValue().asText().isEmpty()) {
                roles.add(e.getValue().asText());
            }
        });
        JsonNode info = at(o, "status", "nodeInfo");
        return List.of(name(o), status, roles.isEmpty() ? "<none>" : String.join(",", roles), created(o, now),
                info.path("kubeletVersion").asText(""), address(o, "InternalIP"), address(o, "ExternalIP"),
                unknown(info.path("osImage").asText("")), unknown(info.path("kernelVersion").asText("")),
                unknown(info.path("containerRuntimeVersion").asText("")));
    }

    private static String address(JsonNode node, String type) {
        for (JsonNode address : at(node, "status", "addresses")) {
            if (type.equals(address.path("type").asText())) {
                return address.path("address").asText();
            }
        }
        return "<none>";
    }

    private static String unknown(String value) {
        return value.isEmpty() ? "<unknown>" : value;
    }

    private static String join(JsonNode containers, String field) {
        List<String> values = new ArrayList<>();
        for (JsonNode container : containers) {
            values.add(container.path(field).asText(""));
        }
        return String.join(",", values);
    }

    /** metav1.LabelSelectorAsSelector(...).String(): empty selects everything and prints as nothing. */
    static String selector(JsonNode selector) {
        if (selector == null || !selector.isObject()) {
            return "";
        }
        try {
            return Selector.from(Json.convert(selector, LabelSelector.class)).toString();
        } catch (io.steersman.api.client.ApiException | SelectorParseException e) {
            return "<error>";
        }
    }
}
