package io.steersman.api.defaults;

import io.steersman.api.model.Quantity;
import io.steersman.api.model.Unknown;
import io.steersman.api.model.core.ConfigMapVolumeSource;
import io.steersman.api.model.core.Container;
import io.steersman.api.model.core.ContainerPort;
import io.steersman.api.model.core.EmptyDirVolumeSource;
import io.steersman.api.model.core.EnvVar;
import io.steersman.api.model.core.HostPathVolumeSource;
import io.steersman.api.model.core.PodSpec;
import io.steersman.api.model.core.PodTemplateSpec;
import io.steersman.api.model.core.Probe;
import io.steersman.api.model.core.ResourceRequirements;
import io.steersman.api.model.core.SecretVolumeSource;
import io.steersman.api.model.core.Volume;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Upstream's core/v1 defaults for pod specs ({@code SetDefaults_PodSpec}, {@code _Container},
 * {@code _ContainerPort}, {@code _Probe}, {@code _HTTPGetAction}, {@code _Volume}, volume sources,
 * {@code _ObjectFieldSelector}), shared by Pods and every pod template.
 */
final class PodDefaults {
    private PodDefaults() {}

    static final long DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS = 30;
    static final String DEFAULT_SCHEDULER_NAME = "default-scheduler";
    /** 0644, as upstream's {@code SecretVolumeSourceDefaultMode} and {@code ConfigMapVolumeSourceDefaultMode}. */
    static final int DEFAULT_MODE = 0644;

    static PodTemplateSpec template(PodTemplateSpec template) {
        PodSpec spec = spec(template.spec());
        return spec == template.spec() ? template : template.withSpec(spec);
    }

    /**
     * dnsPolicy ClusterFirst, restartPolicy Always, terminationGracePeriodSeconds 30,
     * default-scheduler, {@code securityContext: {}} (untyped in the model: set in its unknown fields).
     */
    static PodSpec spec(PodSpec spec) {
        return unchangedOr(spec, new PodSpec(
                each(spec.volumes(), PodDefaults::volume),
                each(spec.initContainers(), PodDefaults::container),
                each(spec.containers(), PodDefaults::container),
                orDefault(spec.restartPolicy(), "Always"),
                spec.terminationGracePeriodSeconds() == null ? DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS : spec.terminationGracePeriodSeconds(),
                orDefault(spec.dnsPolicy(), "ClusterFirst"),
                spec.serviceAccountName(),
                spec.nodeName(),
                spec.hostname(),
                spec.subdomain(),
                orDefault(spec.schedulerName(), DEFAULT_SCHEDULER_NAME),
                spec.readinessGates(),
                withDefault(spec.unknownFields(), "securityContext", Map.of())));
    }

    /**
     * imagePullPolicy Always for {@code :latest} or no tag (IfNotPresent otherwise, and for a
     * digest), port protocols TCP, probe timings, field references at {@code v1},
     * terminationMessagePath {@code /dev/termination-log} and terminationMessagePolicy {@code File}
     * (the last two untyped in the model: set in its unknown fields).
     */
    static Container container(Container c) {
        return unchangedOr(c, new Container(
                c.name(),
                c.image(),
                isEmpty(c.imagePullPolicy()) ? pullPolicyFor(c.image()) : c.imagePullPolicy(),
                c.command(),
                c.args(),
                each(c.ports(), PodDefaults::port),
                each(c.env(), PodDefaults::env),
                c.resources() == null ? ResourceRequirements.EMPTY : c.resources(),
                c.volumeMounts(),
                probe(c.livenessProbe()),
                probe(c.readinessProbe()),
                probe(c.startupProbe()),
                withDefault(withDefault(c.unknownFields(), "terminationMessagePath", "/dev/termination-log"),
                        "terminationMessagePolicy", "File")));
    }

    /**
     * {@code original} when the defaults changed nothing, else {@code defaulted}: what is already
     * defaulted (a pod made from its ReplicaSet's stored template) keeps sharing its parts.
     */
    static <T> T unchangedOr(T original, T defaulted) {
        return defaulted.equals(original) ? original : defaulted;
    }

    /** {@code list} with {@code defaults} applied to each element; {@code list} itself when none changed. */
    static <T> List<T> each(List<T> list, UnaryOperator<T> defaults) {
        List<T> out = null;
        for (int i = 0; i < list.size(); i++) {
            T element = list.get(i);
            T defaulted = defaults.apply(element);
            if (out == null && defaulted != element) {
                out = new ArrayList<>(list.subList(0, i));
            }
            if (out != null) {
                out.add(defaulted);
            }
        }
        return out == null ? list : out;
    }

    /** Requests default to limits where only a limit is given ({@code SetDefaults_Pod}, Pods only). */
    static Container requestsFromLimits(Container c) {
        ResourceRequirements r = c.resources();
        if (r == null || r.limits().isEmpty()) {
            return c;
        }
        Map<String, Quantity> requests = new LinkedHashMap<>(r.requests());
        r.limits().forEach(requests::putIfAbsent);
        ResourceRequirements defaulted = new ResourceRequirements(r.limits(), requests, r.unknownFields());
        return defaulted.equals(r) ? c : c.withResources(defaulted);
    }

    /** Upstream: the tag {@code latest}, or no tag and no digest, pulls Always; anything else IfNotPresent. */
    static String pullPolicyFor(String image) {
        if (image == null) {
            return "IfNotPresent";
        }
        String name = image;
        int at = name.indexOf('@');
        boolean digest = at >= 0;
        if (digest) {
            name = name.substring(0, at);
        }
        String lastComponent = name.substring(name.lastIndexOf('/') + 1);
        int colon = lastComponent.indexOf(':');
        String tag = colon >= 0 ? lastComponent.substring(colon + 1) : "";
        if (tag.isEmpty() && !digest) {
            tag = "latest";
        }
        return tag.equals("latest") ? "Always" : "IfNotPresent";
    }

    private static ContainerPort port(ContainerPort p) {
        if (!isEmpty(p.protocol())) {
            return p;
        }
        return new ContainerPort(p.name(), p.containerPort(), "TCP", p.hostPort(), p.hostIP(), p.unknownFields());
    }

    /** {@code SetDefaults_ObjectFieldSelector}: a fieldRef without apiVersion is at v1. */
    @SuppressWarnings("unchecked")
    private static EnvVar env(EnvVar e) {
        if (e.valueFrom() == null || !(e.valueFrom().get("fieldRef") instanceof Map<?, ?> fieldRef) || fieldRef.containsKey("apiVersion")) {
            return e;
        }
        Map<String, Object> ref = new LinkedHashMap<>((Map<String, Object>) fieldRef);
        ref.put("apiVersion", "v1");
        Map<String, Object> valueFrom = new LinkedHashMap<>(e.valueFrom());
        valueFrom.put("fieldRef", ref);
        return new EnvVar(e.name(), e.value(), valueFrom, e.unknownFields());
    }

    /** {@code SetDefaults_Probe}: timeout 1, period 10, success 1, failure 3; httpGet path / and scheme HTTP. */
    static Probe probe(Probe p) {
        if (p == null) {
            return null;
        }
        Map<String, Object> httpGet = p.httpGet();
        if (httpGet != null && (!httpGet.containsKey("path") || !httpGet.containsKey("scheme"))) {
            Map<String, Object> copy = new LinkedHashMap<>(httpGet);
            copy.putIfAbsent("path", "/");
            copy.putIfAbsent("scheme", "HTTP");
            httpGet = copy;
        }
        return unchangedOr(p, new Probe(httpGet, p.tcpSocket(), p.exec(), p.grpc(),
                p.initialDelaySeconds(),
                p.timeoutSeconds() == null ? 1 : p.timeoutSeconds(),
                p.periodSeconds() == null ? 10 : p.periodSeconds(),
                p.successThreshold() == null ? 1 : p.successThreshold(),
                p.failureThreshold() == null ? 3 : p.failureThreshold(),
                p.terminationGracePeriodSeconds(),
                p.unknownFields()));
    }

    /** A volume without a source is an emptyDir; secret and configMap sources get mode 0644; hostPath type "". */
    static Volume volume(Volume v) {
        boolean noSource = v.persistentVolumeClaim() == null && v.emptyDir() == null && v.configMap() == null
                && v.secret() == null && v.hostPath() == null && v.unknownFields().isEmpty();
        EmptyDirVolumeSource emptyDir = noSource ? EmptyDirVolumeSource.EMPTY : v.emptyDir();
        ConfigMapVolumeSource configMap = v.configMap();
        if (configMap != null && configMap.defaultMode() == null) {
            configMap = new ConfigMapVolumeSource(configMap.name(), configMap.items(), DEFAULT_MODE, configMap.optional(),
                    configMap.unknownFields());
        }
        SecretVolumeSource secret = v.secret();
        if (secret != null && secret.defaultMode() == null) {
            secret = new SecretVolumeSource(secret.secretName(), secret.items(), DEFAULT_MODE, secret.optional(), secret.unknownFields());
        }
        return unchangedOr(v, new Volume(v.name(), v.persistentVolumeClaim(), emptyDir, configMap, secret, hostPath(v.hostPath()),
                v.unknownFields()));
    }

    /**
     * {@code SetDefaults_HostPathVolumeSource}: type "" (HostPathUnset) when missing, wherever a hostPath
     * appears (a pod's volume or a PersistentVolume's source); null stays null.
     */
    static HostPathVolumeSource hostPath(HostPathVolumeSource hostPath) {
        if (hostPath != null && hostPath.type() == null) {
            return new HostPathVolumeSource(hostPath.path(), "", hostPath.unknownFields());
        }
        return hostPath;
    }

    /**
     * Upstream's default for a field the model keeps untyped: {@code fields} with {@code key} set to
     * {@code value} when it is absent or null, else {@code fields} itself.
     */
    static Map<String, Object> withDefault(Map<String, Object> fields, String key, Object value) {
        if (fields.get(key) != null) {
            return fields;
        }
        int slot = (System.identityHashCode(fields) * 31 + key.hashCode()) & (DEFAULTED.length - 1);
        Defaulted last = DEFAULTED[slot];
        if (last != null && last.fields() == fields && last.key().equals(key) && last.value().equals(value)) {
            return last.result();
        }
        Map<String, Object> copy = new LinkedHashMap<>(fields);
        copy.put(key, value);
        Map<String, Object> result = Unknown.copy(copy);
        DEFAULTED[slot] = new Defaulted(fields, key, value, result);
        return result;
    }

    /**
     * Results of {@link #withDefault} by the very map they were made from: nearly every pod comes
     * without these fields (the same shared empty map), so its defaults are the same frozen map
     * every time, made once. Immutable entries; a lost race costs one copy.
     */
    private record Defaulted(Map<String, Object> fields, String key, Object value, Map<String, Object> result) {}

    private static final Defaulted[] DEFAULTED = new Defaulted[64];

    static String orDefault(String value, String fallback) {
        return isEmpty(value) ? fallback : value;
    }

    static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }
}
