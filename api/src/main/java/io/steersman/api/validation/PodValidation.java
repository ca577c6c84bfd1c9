package io.steersman.api.validation;

import io.steersman.api.model.Quantities;
import io.steersman.api.model.Quantity;
import io.steersman.api.model.core.Container;
import io.steersman.api.model.core.ContainerPort;
import io.steersman.api.model.core.EnvVar;
import io.steersman.api.model.core.Pod;
import io.steersman.api.model.core.PodSpec;
import io.steersman.api.model.core.PodTemplateSpec;
import io.steersman.api.model.core.Probe;
import io.steersman.api.model.core.ResourceRequirements;
import io.steersman.api.model.core.Volume;
import io.steersman.api.model.core.VolumeMount;
import io.steersman.api.resource.FieldError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Upstream's Pod rules ({@code pkg/apis/core/validation}: ValidatePodSpec, ValidatePodTemplateSpec,
 * ValidatePodCreate/Update) for the fields the model carries: volumes, containers (names, images,
 * ports, env, volume mounts, probes, resources), restartPolicy, dnsPolicy, host and node names.
 * Runs on defaulted objects, as upstream. Stateless and thread-safe.
 */
public final class PodValidation {
    private PodValidation() {}

    private static final String[] RESTART_POLICIES = {"Always", "OnFailure", "Never"};
    private static final String[] DNS_POLICIES = {"ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"};
    private static final String[] PULL_POLICIES = {"Always", "IfNotPresent", "Never"};
    private static final String[] PROTOCOLS = {"SCTP", "TCP", "UDP"};
    private static final String[] TERMINATION_MESSAGE_POLICIES = {"File", "FallbackToLogsOnError"};
    private static final String POD_UPDATE_FORBIDDEN = "pod updates may not change fields other than `spec.containers[*].image`,"
            + "`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing "
            + "tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)";

    /** A Pod on create ({@code old} null) or update. */
    public static List<FieldError> pod(Pod pod, Pod old) {
        FieldPath metadata = FieldPath.of("metadata");
        List<FieldError> errors = new ArrayList<>();
        if (old == null) {
            errors.addAll(MetaValidation.objectMeta(pod.metadata(), true, NameRule.DNS_SUBDOMAIN, metadata));
        } else if (pod.metadata() != old.metadata()) {
            errors.addAll(MetaValidation.objectMetaUpdate(pod.metadata(), old.metadata(), metadata));
        }
        if (old != null && pod.spec() == old.spec()) {
            // The very spec already stored (a status write, the kubelet's and scheduler's bulk of pod
            // writes): it passed these checks when it was written and cannot break immutability.
            return errors;
        }
        FieldPath spec = FieldPath.of("spec");
        errors.addAll(podSpec(pod.spec(), spec));
        errors.addAll(imagesWithoutWhitespace(pod.spec().containers(), spec.child("containers")));
        errors.addAll(imagesWithoutWhitespace(pod.spec().initContainers(), spec.child("initContainers")));
        if (old != null && !mungedForUpdate(pod.spec(), old.spec()).equals(old.spec())) {
            errors.add(Rules.forbidden(spec, POD_UPDATE_FORBIDDEN));
        }
        return errors;
    }

    /** {@code ValidatePodTemplateSpec}: labels and annotations of the template, then its pod spec. */
    public static List<FieldError> podTemplateSpec(PodTemplateSpec template, FieldPath path) {
        List<FieldError> errors = new ArrayList<>();
        // upstream validates the template's labels at "<path>.labels", not "<path>.metadata.labels"
        errors.addAll(MetaValidation.labels(template.metadata().labels(), path.child("labels")));
        errors.addAll(MetaValidation.annotations(template.metadata().annotations(), path.child("annotations")));
        errors.addAll(podSpec(template.spec(), path.child("spec")));
        return errors;
    }

    /** {@code ValidatePodSpec} for the fields the model carries. */
    public static List<FieldError> podSpec(PodSpec spec, FieldPath path) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> volumes = new HashSet<>();
        errors.addAll(volumes(spec.volumes(), path.child("volumes"), volumes));
        errors.addAll(containers(spec.containers(), volumes, path.child("containers")));
        errors.addAll(initContainers(spec.initContainers(), spec.containers(), volumes, path.child("initContainers")));
        errors.addAll(restartPolicy(spec.restartPolicy(), path.child("restartPolicy")));
        errors.addAll(oneOf(spec.dnsPolicy(), path.child("dnsPolicy"), DNS_POLICIES));
        if (!Rules.isEmpty(spec.serviceAccountName())) {
            errors.addAll(Rules.dns1123Subdomain(spec.serviceAccountName(), path.child("serviceAccountName")));
        }
        if (!Rules.isEmpty(spec.nodeName())) {
            errors.addAll(Rules.dns1123Subdomain(spec.nodeName(), path.child("nodeName")));
        }
        if (!Rules.isEmpty(spec.hostname())) {
            errors.addAll(Rules.dns1123Label(spec.hostname(), path.child("hostname")));
        }
        if (!Rules.isEmpty(spec.subdomain())) {
            errors.addAll(Rules.dns1123Label(spec.subdomain(), path.child("subdomain")));
        }
        if (!Rules.isEmpty(spec.schedulerName())) {
            errors.addAll(Rules.dns1123Subdomain(spec.schedulerName(), path.child("schedulerName")));
        }
        return errors;
    }

    /** {@code validateRestartPolicy}. */
    static List<FieldError> restartPolicy(String policy, FieldPath path) {
        return oneOf(policy, path, RESTART_POLICIES);
    }

    /** Required, and one of {@code supported}. */
    private static List<FieldError> oneOf(String value, FieldPath path, String... supported) {
        if (Rules.isEmpty(value)) {
            return List.of(Rules.required(path));
        }
        for (String s : supported) {
            if (s.equals(value)) {
                return List.of();
            }
        }
        return List.of(Rules.notSupported(path, value, supported));
    }

    /** {@code ValidateVolumes}: DNS-label names, unique, exactly one source; collects the names. */
    private static List<FieldError> volumes(List<Volume> volumes, FieldPath path, Set<String> names) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < volumes.size(); i++) {
            Volume volume = volumes.get(i);
            FieldPath at = path.index(i);
            FieldPath namePath = at.child("name");
            if (Rules.isEmpty(volume.name())) {
                errors.add(Rules.required(namePath));
            } else {
                errors.addAll(Rules.dns1123Label(volume.name(), namePath));
            }
            List<String> sources = sources(volume);
            if (sources.isEmpty()) {
                errors.add(Rules.required(at, "must specify a volume type"));
            } else if (sources.size() > 1) {
                errors.add(Rules.forbidden(at.child(sources.get(1)), "may not specify more than 1 volume type"));
            }
            if (volume.persistentVolumeClaim() != null && Rules.isEmpty(volume.persistentVolumeClaim().claimName())) {
                errors.add(Rules.required(at.child("persistentVolumeClaim", "claimName")));
            }
            if (!Rules.isEmpty(volume.name()) && !names.add(volume.name())) {
                errors.add(FieldError.duplicate(namePath.toString(), volume.name()));
            }
        }
        return errors;
    }

    /** The volume source fields that are set, typed ones first; every untyped field of a volume is a source. */
    private static List<String> sources(Volume volume) {
        List<String> sources = new ArrayList<>();
        Map<String, Object> typed = new LinkedHashMap<>();
        typed.put("hostPath", volume.hostPath());
        typed.put("emptyDir", volume.emptyDir());
        typed.put("secret", volume.secret());
        typed.put("persistentVolumeClaim", volume.persistentVolumeClaim());
        typed.put("configMap", volume.configMap());
        typed.forEach((name, value) -> {
            if (value != null) {
                sources.add(name);
            }
        });
        sources.addAll(new TreeMap<>(volume.unknownFields()).keySet());
        return sources;
    }

    /** {@code validateContainers}: at least one; each valid; names unique among them. */
    private static List<FieldError> containers(List<Container> containers, Set<String> volumes, FieldPath path) {
        List<FieldError> errors = new ArrayList<>();
        if (containers.isEmpty()) {
            errors.add(Rules.required(path));
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < containers.size(); i++) {
            Container c = containers.get(i);
            FieldPath at = path.index(i);
            errors.addAll(containerCommon(c, volumes, at));
            if (!names.add(MetaValidation.nullToEmpty(c.name()))) {
                errors.add(FieldError.duplicate(at.child("name").toString(), MetaValidation.nullToEmpty(c.name())));
            }
            errors.addAll(probe(c.livenessProbe(), at.child("livenessProbe"), true));
            errors.addAll(probe(c.readinessProbe(), at.child("readinessProbe"), false));
            errors.addAll(probe(c.startupProbe(), at.child("startupProbe"), true));
        }
        return errors;
    }

    /** {@code validateInitContainers}: names unique across init and regular containers. */
    private static List<FieldError> initContainers(List<Container> init, List<Container> regular, Set<String> volumes,
            FieldPath path) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> names = new HashSet<>();
        regular.forEach(c -> names.add(MetaValidation.nullToEmpty(c.name())));
        for (int i = 0; i < init.size(); i++) {
            Container c = init.get(i);
            FieldPath at = path.index(i);
            errors.addAll(containerCommon(c, volumes, at));
            if (!names.add(MetaValidation.nullToEmpty(c.name()))) {
                errors.add(FieldError.duplicate(at.child("name").toString(), MetaValidation.nullToEmpty(c.name())));
            }
        }
        return errors;
    }

    /** {@code validateContainerCommon}. */
    private static List<FieldError> containerCommon(Container c, Set<String> volumes, FieldPath path) {
        List<FieldError> errors = new ArrayList<>();
        FieldPath namePath = path.child("name");
        if (Rules.isEmpty(c.name())) {
            errors.add(Rules.required(namePath));
        } else {
            errors.addAll(Rules.dns1123Label(c.name(), namePath));
        }
        if (Rules.isEmpty(c.image())) {
            errors.add(Rules.required(path.child("image")));
        }
        // upstream requires it, having defaulted it; the model does not type it, so only a given one is checked
        Object policy = c.unknownFields().get("terminationMessagePolicy");
        if (policy != null) {
            errors.addAll(oneOf(String.valueOf(policy), path.child("terminationMessagePolicy"), TERMINATION_MESSAGE_POLICIES));
        }
        errors.addAll(ports(c.ports(), path.child("ports")));
        errors.addAll(env(c.env(), path.child("env")));
        errors.addAll(volumeMounts(c.volumeMounts(), volumes, path.child("volumeMounts")));
        errors.addAll(oneOf(c.imagePullPolicy(), path.child("imagePullPolicy"), PULL_POLICIES));
        errors.addAll(resources(c.resources(), path.child("resources")));
        return errors;
    }

    /** {@code validateContainerPorts}: IANA names unique in the container, ports 1-65535, a protocol. */
    static List<FieldError> ports(List<ContainerPort> ports, FieldPath path) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < ports.size(); i++) {
            ContainerPort port = ports.get(i);
            FieldPath at = path.index(i);
            if (!Rules.isEmpty(port.name())) {
                List<String> msgs = Names.isValidPortName(port.name());
                if (!msgs.isEmpty()) {
                    errors.addAll(Rules.each(msgs, at.child("name"), port.name()));
                } else if (!names.add(port.name())) {
                    errors.add(FieldError.duplicate(at.child("name").toString(), port.name()));
                }
            }
            if (port.containerPort() == null || port.containerPort() == 0) {
                errors.add(Rules.required(at.child("containerPort")));
            } else {
                errors.addAll(Rules.each(Names.isValidPortNum(port.containerPort()), at.child("containerPort"), port.containerPort()));
            }
            if (port.hostPort() != null && port.hostPort() != 0) {
                errors.addAll(Rules.each(Names.isValidPortNum(port.hostPort()), at.child("hostPort"), port.hostPort()));
            }
            errors.addAll(oneOf(port.protocol(), at.child("protocol"), PROTOCOLS));
        }
        return errors;
    }

    /** {@code ValidateEnv} with relaxed names (printable ASCII but '='), as upstream 1.32 defaults to. */
    private static List<FieldError> env(List<EnvVar> env, FieldPath path) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < env.size(); i++) {
            EnvVar var = env.get(i);
            FieldPath namePath = path.index(i).child("name");
            String name = MetaValidation.nullToEmpty(var.name());
            if (name.isEmpty()) {
                errors.add(Rules.required(namePath));
                errors.add(Rules.invalid(namePath, name, "environment variable name " + Names.emptyError()));
            }
            for (int k = 0; k < name.length(); k++) {
                char ch = name.charAt(k);
                if (ch > 127 || ch < 32 || ch == '=') {
                    errors.add(Rules.invalid(namePath, name,
                            "a valid environment variable name must consist only of printable ASCII characters other than '='"));
                    break;
                }
            }
            if (var.valueFrom() != null && !Rules.isEmpty(var.value())) {
                errors.add(Rules.invalid(path.index(i).child("valueFrom"), "", "may not be specified when `value` is not empty"));
            }
        }
        return errors;
    }

    /** {@code ValidateVolumeMounts}: a volume of the pod, a unique mount path, a relative sub path. */
    private static List<FieldError> volumeMounts(List<VolumeMount> mounts, Set<String> volumes, FieldPath path) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> mountPoints = new HashSet<>();
        for (int i = 0; i < mounts.size(); i++) {
            VolumeMount mount = mounts.get(i);
            FieldPath at = path.index(i);
            String name = MetaValidation.nullToEmpty(mount.name());
            if (name.isEmpty()) {
                errors.add(Rules.required(at.child("name")));
            }
            if (!volumes.contains(name)) {
                errors.add(FieldError.notFound(at.child("name").toString(), name));
            }
            String mountPath = MetaValidation.nullToEmpty(mount.mountPath());
            if (mountPath.isEmpty()) {
                errors.add(Rules.required(at.child("mountPath")));
            }
            if (!mountPoints.add(mountPath)) {
                errors.add(Rules.invalid(at.child("mountPath"), mountPath, "must be unique"));
            }
            if (!Rules.isEmpty(mount.subPath())) {
                errors.addAll(localDescendingPath(mount.subPath(), path.child("subPath")));
            }
        }
        return errors;
    }

    /** {@code validateLocalDescendingPath}: relative, without {@code ..} segments. */
    private static List<FieldError> localDescendingPath(String target, FieldPath path) {
        List<FieldError> errors = new ArrayList<>();
        if (target.startsWith("/")) {
            errors.add(Rules.invalid(path, target, "must be a relative path"));
        }
        for (String part : target.split("/", -1)) {
            if (part.equals("..")) {
                errors.add(Rules.invalid(path, target, "must not contain '..'"));
                break;
            }
        }
        return errors;
    }

    /** {@code validateProbe}: one handler, non-negative timings; liveness and startup need successThreshold 1. */
    private static List<FieldError> probe(Probe probe, FieldPath path, boolean successMustBeOne) {
        List<FieldError> errors = new ArrayList<>();
        if (probe == null) {
            return errors;
        }
        List<String> handlers = new ArrayList<>();
        if (probe.exec() != null) handlers.add("exec");
        if (probe.httpGet() != null) handlers.add("httpGet");
        if (probe.tcpSocket() != null) handlers.add("tcpSocket");
        if (probe.grpc() != null) handlers.add("grpc");
        if (handlers.isEmpty()) {
            errors.add(Rules.required(path, "must specify a handler type"));
        } else if (handlers.size() > 1) {
            errors.add(Rules.forbidden(path.child(handlers.get(1)), "may not specify more than 1 handler type"));
        }
        errors.addAll(Rules.nonNegative(probe.initialDelaySeconds(), path.child("initialDelaySeconds")));
        errors.addAll(Rules.nonNegative(probe.timeoutSeconds(), path.child("timeoutSeconds")));
        errors.addAll(Rules.nonNegative(probe.periodSeconds(), path.child("periodSeconds")));
        errors.addAll(Rules.nonNegative(probe.successThreshold(), path.child("successThreshold")));
        errors.addAll(Rules.nonNegative(probe.failureThreshold(), path.child("failureThreshold")));
        if (probe.terminationGracePeriodSeconds() != null && probe.terminationGracePeriodSeconds() <= 0) {
            errors.add(Rules.invalid(path.child("terminationGracePeriodSeconds"), probe.terminationGracePeriodSeconds(), "must be greater than 0"));
        }
        if (successMustBeOne && probe.successThreshold() != null && probe.successThreshold() != 1) {
            errors.add(Rules.invalid(path.child("successThreshold"), probe.successThreshold(), "must be 1"));
        }
        return errors;
    }

    /** {@code ValidateResourceRequirements}: quantities valid and non-negative; a request not above its limit. */
    private static List<FieldError> resources(ResourceRequirements resources, FieldPath path) {
        List<FieldError> errors = new ArrayList<>();
        if (resources == null) {
            return errors;
        }
        Map<String, Quantities.Amount> limits = new TreeMap<>();
        for (Map.Entry<String, Quantity> e : new TreeMap<>(resources.limits()).entrySet()) {
            Quantities.Amount amount = quantity(e.getValue(), path.child("limits").key(e.getKey()), errors);
            if (amount != null) {
                limits.put(e.getKey(), amount);
            }
        }
        for (Map.Entry<String, Quantity> e : new TreeMap<>(resources.requests()).entrySet()) {
            FieldPath at = path.child("requests").key(e.getKey());
            Quantities.Amount amount = quantity(e.getValue(), at, errors);
            Quantities.Amount limit = limits.get(e.getKey());
            if (amount != null && limit != null && amount.compareTo(limit) > 0) {
                errors.add(Rules.invalid(at, amount.canonical(),
                        "must be less than or equal to " + e.getKey() + " limit of " + limit.canonical()));
            }
        }
        return errors;
    }

    /** A parsed, non-negative quantity, or null after recording why not. */
    static Quantities.Amount quantity(Quantity quantity, FieldPath path, List<FieldError> errors) {
        Quantities.Amount amount;
        try {
            amount = Quantities.parse(quantity);
        } catch (IllegalArgumentException e) {
            errors.add(Rules.invalid(path, quantity == null ? "" : quantity.value(), e.getMessage()));
            return null;
        }
        if (amount.signum() < 0) {
            errors.add(Rules.invalid(path, amount.canonical(), Rules.IS_NEGATIVE));
            return null;
        }
        return amount;
    }

    private static List<FieldError> imagesWithoutWhitespace(List<Container> containers, FieldPath path) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < containers.size(); i++) {
            String image = containers.get(i).image();
            if (image != null && !image.equals(image.strip())) {
                errors.add(Rules.invalid(path.index(i).child("image"), image, "must not have leading or trailing whitespace"));
            }
        }
        return errors;
    }

    /**
     * The new spec with the fields an update may change put back to their old values: images,
     * activeDeadlineSeconds, terminationGracePeriodSeconds (from negative), tolerations (only
     * additions), and, because Steersman has no binding subresource, a first {@code nodeName}.
     */
    private static PodSpec mungedForUpdate(PodSpec spec, PodSpec old) {
        PodSpec munged = spec.withContainers(withImagesOf(spec.containers(), old.containers()));
        munged = new PodSpec(munged.volumes(), withImagesOf(munged.initContainers(), old.initContainers()), munged.containers(),
                munged.restartPolicy(), munged.terminationGracePeriodSeconds(), munged.dnsPolicy(), munged.serviceAccountName(),
                munged.nodeName(), munged.hostname(), munged.subdomain(), munged.schedulerName(), munged.readinessGates(),
                munged.unknownFields());
        if (Rules.isEmpty(old.nodeName())) {
            munged = munged.withNodeName(old.nodeName());
        }
        Long grace = munged.terminationGracePeriodSeconds();
        if (old.terminationGracePeriodSeconds() != null && old.terminationGracePeriodSeconds() < 0 && grace != null && grace == 1) {
            grace = old.terminationGracePeriodSeconds();
        }
        Map<String, Object> unknown = new LinkedHashMap<>(munged.unknownFields());
        copyField(unknown, old.unknownFields(), "activeDeadlineSeconds");
        if (isAdditionOnly(unknown.get("tolerations"), old.unknownFields().get("tolerations"))) {
            copyField(unknown, old.unknownFields(), "tolerations");
        }
        return new PodSpec(munged.volumes(), munged.initContainers(), munged.containers(), munged.restartPolicy(), grace,
                munged.dnsPolicy(), munged.serviceAccountName(), munged.nodeName(), munged.hostname(), munged.subdomain(),
                munged.schedulerName(), munged.readinessGates(), unknown);
    }

    private static List<Container> withImagesOf(List<Container> containers, List<Container> old) {
        if (containers.size() != old.size()) {
            return containers;
        }
        List<Container> result = new ArrayList<>(containers.size());
        for (int i = 0; i < containers.size(); i++) {
            result.add(containers.get(i).withImage(old.get(i).image()));
        }
        return result;
    }

    private static void copyField(Map<String, Object> into, Map<String, Object> from, String key) {
        if (from.containsKey(key)) {
            into.put(key, from.get(key));
        } else {
            into.remove(key);
        }
    }

    private static boolean isAdditionOnly(Object now, Object before) {
        if (before == null) {
            return true;
        }
        return now instanceof List<?> n && before instanceof List<?> b && n.containsAll(b);
    }
}
