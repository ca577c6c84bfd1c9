package io.steersman.api.validation;

import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.coordination.Lease;
import io.steersman.api.model.core.ConfigMap;
import io.steersman.api.model.core.Event;
import io.steersman.api.model.core.Namespace;
import io.steersman.api.model.core.Node;
import io.steersman.api.model.core.Secret;
import io.steersman.api.model.core.ServiceAccount;
import io.steersman.api.resource.FieldError;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Upstream's rules for the core/v1 kinds without a pod or storage spec: Namespace, ConfigMap,
 * Secret, ServiceAccount, Node and Event (and the coordination Lease), on create ({@code old} null) and update. Stateless and
 * thread-safe.
 */
public final class CoreValidation {
    private CoreValidation() {}

    /** {@code core.MaxSecretSize}: the data of a ConfigMap or Secret, 1 MiB. */
    public static final int MAX_SECRET_SIZE = 1024 * 1024;

    private static final FieldPath METADATA = FieldPath.of("metadata");
    private static final Set<String> STANDARD_FINALIZERS = Set.of("kubernetes", "orphan", "foregroundDeletion");
    private static final String IMMUTABLE_WHEN_SET = "field is immutable when `immutable` is set";

    static List<FieldError> meta(ObjectMeta meta, ObjectMeta old, boolean namespaced, NameRule rule) {
        return old == null
                ? MetaValidation.objectMeta(meta, namespaced, rule, METADATA)
                : MetaValidation.objectMetaUpdate(meta, old, METADATA);
    }

    /** {@code ValidateNamespace}: a DNS label, cluster-scoped; spec.finalizers standard or qualified. */
    public static List<FieldError> namespace(Namespace ns, Namespace old) {
        List<FieldError> errors = new ArrayList<>(meta(ns.metadata(), old == null ? null : old.metadata(), false, NameRule.DNS_LABEL));
        FieldPath finalizers = FieldPath.of("spec", "finalizers");
        for (String finalizer : ns.spec().finalizers()) {
            errors.addAll(Rules.each(Names.isQualifiedName(finalizer), finalizers, finalizer));
            if (!finalizer.contains("/") && !STANDARD_FINALIZERS.contains(finalizer)) {
                errors.add(Rules.invalid(finalizers, finalizer, "name is neither a standard finalizer name nor is it fully qualified"));
            }
        }
        return errors;
    }

    /** {@code ValidateConfigMap(Update)}: config keys, not in both data and binaryData, at most 1 MiB; immutable stays so. */
    public static List<FieldError> configMap(ConfigMap cm, ConfigMap old) {
        List<FieldError> errors = new ArrayList<>(meta(cm.metadata(), old == null ? null : old.metadata(), true, NameRule.DNS_SUBDOMAIN));
        long size = 0;
        for (Map.Entry<String, String> e : new TreeMap<>(cm.data()).entrySet()) {
            FieldPath at = FieldPath.of("data").key(e.getKey());
            errors.addAll(Rules.each(Names.isConfigMapKey(e.getKey()), at, e.getKey()));
            if (cm.binaryData().containsKey(e.getKey())) {
                errors.add(Rules.invalid(at, e.getKey(), "duplicate of key present in binaryData"));
            }
            size += utf8Length(e.getValue());
        }
        for (Map.Entry<String, String> e : new TreeMap<>(cm.binaryData()).entrySet()) {
            errors.addAll(Rules.each(Names.isConfigMapKey(e.getKey()), FieldPath.of("binaryData").key(e.getKey()), e.getKey()));
            size += decodedLength(e.getValue());
        }
        if (size > MAX_SECRET_SIZE) {
            errors.add(FieldError.tooLong("", MAX_SECRET_SIZE));
        }
        if (old != null && Boolean.TRUE.equals(old.immutable())) {
            errors.addAll(immutableWhenSet(cm.immutable(), cm.data(), old.data(), cm.binaryData(), old.binaryData(), "binaryData"));
        }
        return errors;
    }

    /**
     * {@code ValidateSecret(Update)}: config keys, at most 1 MiB, the keys each well-known type
     * needs; type immutable; immutable stays so. {@code stringData} counts as data (the API merges it).
     */
    public static List<FieldError> secret(Secret secret, Secret old) {
        List<FieldError> errors = new ArrayList<>(meta(secret.metadata(), old == null ? null : old.metadata(), true, NameRule.DNS_SUBDOMAIN));
        FieldPath data = FieldPath.of("data");
        Map<String, String> keys = new TreeMap<>(secret.data());
        long size = 0;
        for (Map.Entry<String, String> e : keys.entrySet()) {
            errors.addAll(Rules.each(Names.isConfigMapKey(e.getKey()), data.key(e.getKey()), e.getKey()));
            size += decodedLength(e.getValue());
        }
        for (Map.Entry<String, String> e : new TreeMap<>(secret.stringData()).entrySet()) {
            errors.addAll(Rules.each(Names.isConfigMapKey(e.getKey()), FieldPath.of("stringData").key(e.getKey()), e.getKey()));
            if (!keys.containsKey(e.getKey())) {
                size += utf8Length(e.getValue());
            }
        }
        if (size > MAX_SECRET_SIZE) {
            errors.add(FieldError.tooLong(data.toString(), MAX_SECRET_SIZE));
        }
        errors.addAll(requiredKeys(secret, data));
        if (old != null) {
            errors.addAll(Rules.immutable(MetaValidation.nullToEmpty(secret.type()), MetaValidation.nullToEmpty(old.type()), FieldPath.of("type")));
            if (Boolean.TRUE.equals(old.immutable())) {
                errors.addAll(immutableWhenSet(secret.immutable(), secret.data(), old.data(), Map.of(), Map.of(), null));
            }
        }
        return errors;
    }

    private static List<FieldError> requiredKeys(Secret secret, FieldPath data) {
        List<FieldError> errors = new ArrayList<>();
        String type = MetaValidation.nullToEmpty(secret.type());
        java.util.function.Predicate<String> has = k -> secret.data().containsKey(k) || secret.stringData().containsKey(k);
        switch (type) {
            case "kubernetes.io/service-account-token" -> {
                if (Rules.isEmpty(secret.metadata().annotations().get("kubernetes.io/service-account.name"))) {
                    errors.add(Rules.required(METADATA.child("annotations").key("kubernetes.io/service-account.name")));
                }
            }
            case "kubernetes.io/dockercfg" -> {
                if (!has.test(".dockercfg")) {
                    errors.add(Rules.required(data.key(".dockercfg")));
                }
            }
            case "kubernetes.io/dockerconfigjson" -> {
                if (!has.test(".dockerconfigjson")) {
                    errors.add(Rules.required(data.key(".dockerconfigjson")));
                }
            }
            case "kubernetes.io/basic-auth" -> {
                if (!has.test("username") && !has.test("password")) {
                    errors.add(Rules.required(data.key("username")));
                    errors.add(Rules.required(data.key("password")));
                }
            }
            case "kubernetes.io/ssh-auth" -> {
                if (!has.test("ssh-privatekey")) {
                    errors.add(Rules.required(data.key("ssh-privatekey")));
                }
            }
            case "kubernetes.io/tls" -> {
                if (!has.test("tls.crt")) {
                    errors.add(Rules.required(data.key("tls.crt")));
                }
                if (!has.test("tls.key")) {
                    errors.add(Rules.required(data.key("tls.key")));
                }
            }
            default -> { }
        }
        return errors;
    }

    private static List<FieldError> immutableWhenSet(Boolean immutable, Map<String, String> data, Map<String, String> oldData,
            Map<String, String> binary, Map<String, String> oldBinary, String binaryField) {
        List<FieldError> errors = new ArrayList<>();
        if (!Boolean.TRUE.equals(immutable)) {
            errors.add(Rules.forbidden(FieldPath.of("immutable"), IMMUTABLE_WHEN_SET));
        }
        if (!Objects.equals(data, oldData)) {
            errors.add(Rules.forbidden(FieldPath.of("data"), IMMUTABLE_WHEN_SET));
        }
        if (binaryField != null && !Objects.equals(binary, oldBinary)) {
            errors.add(Rules.forbidden(FieldPath.of(binaryField), IMMUTABLE_WHEN_SET));
        }
        return errors;
    }

    /** {@code ValidateServiceAccount}: metadata; referenced secrets need names. */
    public static List<FieldError> serviceAccount(ServiceAccount sa, ServiceAccount old) {
        List<FieldError> errors = new ArrayList<>(meta(sa.metadata(), old == null ? null : old.metadata(), true, NameRule.DNS_SUBDOMAIN));
        for (int i = 0; i < sa.secrets().size(); i++) {
            String name = sa.secrets().get(i).name();
            if (!Rules.isEmpty(name)) {
                errors.addAll(Rules.dns1123Subdomain(name, FieldPath.of("secrets").index(i).child("name")));
            }
        }
        return errors;
    }

    /** {@code ValidateNode}: metadata of a cluster-scoped, DNS-subdomain-named object. */
    public static List<FieldError> node(Node node, Node old) {
        return meta(node.metadata(), old == null ? null : old.metadata(), false, NameRule.DNS_SUBDOMAIN);
    }

    /**
     * {@code legacyValidateEvent}, which is all upstream checks for core/v1 Events: the involved
     * object's namespace matches; events with an eventTime name their reporter, action and reason
     * within upstream's length limits; the namespace is a DNS subdomain.
     */
    public static List<FieldError> event(Event event, Event old) {
        List<FieldError> errors = new ArrayList<>();
        String namespace = MetaValidation.nullToEmpty(event.metadata().namespace());
        String involvedNamespace = event.involvedObject() == null ? "" : MetaValidation.nullToEmpty(event.involvedObject().namespace());
        FieldPath involved = FieldPath.of("involvedObject", "namespace");
        if (event.eventTime() == null) {
            if (involvedNamespace.isEmpty()) {
                if (!namespace.isEmpty() && !namespace.equals("default")) {
                    errors.add(Rules.invalid(involved, involvedNamespace, "does not match event.namespace"));
                }
            } else if (!namespace.equals(involvedNamespace)) {
                errors.add(Rules.invalid(involved, involvedNamespace, "does not match event.namespace"));
            }
        } else {
            if (involvedNamespace.isEmpty() && !namespace.equals("default") && !namespace.equals("kube-system")) {
                errors.add(Rules.invalid(involved, involvedNamespace, "does not match event.namespace"));
            }
            String controller = MetaValidation.nullToEmpty(event.reportingComponent());
            if (controller.isEmpty()) {
                errors.add(Rules.required(FieldPath.of("reportingComponent")));
            }
            errors.addAll(Rules.each(Names.isQualifiedName(controller), FieldPath.of("reportingComponent"), controller));
            errors.addAll(requiredWithin(event.reportingInstance(), "reportingInstance", 128));
            errors.addAll(requiredWithin(event.action(), "action", 128));
            errors.addAll(requiredWithin(event.reason(), "reason", 128));
            if (MetaValidation.nullToEmpty(event.message()).length() > 1024) {
                errors.add(Rules.invalid(FieldPath.of("message"), "", "can have at most 1024 characters"));
            }
        }
        errors.addAll(Rules.each(Names.isDNS1123Subdomain(namespace), FieldPath.of("namespace"), namespace));
        return errors;
    }

    /**
     * {@code ValidateLease} (coordination.k8s.io, here for its size): leaseDurationSeconds above 0,
     * leaseTransitions not negative (upstream's message has its typo).
     */
    public static List<FieldError> lease(Lease lease, Lease old) {
        List<FieldError> errors = new ArrayList<>(meta(lease.metadata(), old == null ? null : old.metadata(), true, NameRule.DNS_SUBDOMAIN));
        Integer duration = lease.spec().leaseDurationSeconds();
        if (duration != null && duration <= 0) {
            errors.add(Rules.invalid(FieldPath.of("spec", "leaseDurationSeconds"), duration, "must be greater than 0"));
        }
        Integer transitions = lease.spec().leaseTransitions();
        if (transitions != null && transitions < 0) {
            errors.add(Rules.invalid(FieldPath.of("spec", "leaseTransitions"), transitions, "must to greater or equal than 0"));
        }
        return errors;
    }

    private static List<FieldError> requiredWithin(String value, String field, int limit) {
        List<FieldError> errors = new ArrayList<>();
        String v = MetaValidation.nullToEmpty(value);
        if (v.isEmpty()) {
            errors.add(Rules.required(FieldPath.of(field)));
        }
        if (v.length() > limit) {
            errors.add(Rules.invalid(FieldPath.of(field), "", "can have at most " + limit + " characters"));
        }
        return errors;
    }

    static long utf8Length(String s) {
        return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The size of base64 data once decoded; what is not base64 counts as its own length. */
    static long decodedLength(String base64) {
        if (base64 == null) {
            return 0;
        }
        try {
            return Base64.getMimeDecoder().decode(base64).length;
        } catch (IllegalArgumentException e) {
            return utf8Length(base64);
        }
    }
}
