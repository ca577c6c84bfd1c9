package io.steersman.api.validation;

import io.steersman.api.model.LabelSelector;
import io.steersman.api.model.LabelSelectorRequirement;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.OwnerReference;
import io.steersman.api.resource.FieldError;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Upstream's object metadata rules ({@code k8s.io/apimachinery/pkg/api/validation} and
 * {@code metav1/validation}): names, namespace, labels, annotations, owner references, finalizers,
 * label selectors, and what an update may not change. Every method returns all broken rules, in
 * upstream's order and words. Stateless and thread-safe.
 */
public final class MetaValidation {
    private MetaValidation() {}

    /** {@code TotalAnnotationSizeLimitB}: 256 KiB of keys and values together. */
    public static final int TOTAL_ANNOTATION_SIZE_LIMIT_BYTES = 256 * 1024;

    private static final String FINALIZER_ORPHAN = "orphan";
    private static final String FINALIZER_DELETE_DEPENDENTS = "foregroundDeletion";

    /**
     * {@code ValidateObjectMeta}: a name (or a generateName, from which the store makes one) that
     * follows {@code nameRule}; a namespace exactly when {@code namespaced}; valid labels,
     * annotations, owner references and finalizers.
     */
    public static List<FieldError> objectMeta(ObjectMeta meta, boolean namespaced, NameRule nameRule, FieldPath path) {
        List<FieldError> errors = new ArrayList<>();
        if (!Rules.isEmpty(meta.generateName())) {
            errors.addAll(Rules.each(nameRule.validate(meta.generateName(), true), path.child("generateName"), meta.generateName()));
        }
        if (Rules.isEmpty(meta.name())) {
            // the store names the object from generateName before validation; only both missing is an error
            if (Rules.isEmpty(meta.generateName())) {
                errors.add(Rules.required(path.child("name"), "name or generateName is required"));
            }
        } else {
            errors.addAll(Rules.each(nameRule.validate(meta.name(), false), path.child("name"), meta.name()));
        }
        if (namespaced) {
            if (Rules.isEmpty(meta.namespace())) {
                errors.add(Rules.required(path.child("namespace")));
            } else {
                errors.addAll(Rules.each(Names.isDNS1123Label(meta.namespace()), path.child("namespace"), meta.namespace()));
            }
        } else if (!Rules.isEmpty(meta.namespace())) {
            errors.add(Rules.forbidden(path.child("namespace"), "not allowed on this type"));
        }
        errors.addAll(Rules.nonNegative(meta.generation(), path.child("generation")));
        errors.addAll(labels(meta.labels(), path.child("labels")));
        errors.addAll(annotations(meta.annotations(), path.child("annotations")));
        errors.addAll(ownerReferences(meta.ownerReferences(), path.child("ownerReferences")));
        errors.addAll(finalizers(meta.finalizers(), path.child("finalizers")));
        return errors;
    }

    /**
     * {@code ValidateObjectMetaUpdate}: name, namespace, uid, creationTimestamp, deletionTimestamp
     * and deletionGracePeriodSeconds are immutable; no new finalizers once deletion began;
     * generation never goes down; labels, annotations and owner references stay valid.
     */
    public static List<FieldError> objectMetaUpdate(ObjectMeta meta, ObjectMeta old, FieldPath path) {
        List<FieldError> errors = new ArrayList<>();
        if (old.deletionTimestamp() != null) {
            for (String finalizer : meta.finalizers()) {
                if (!old.finalizers().contains(finalizer)) {
                    errors.add(Rules.forbidden(path.child("finalizers"), "no new finalizers can be added if the object is being deleted, "
                            + "found new finalizers " + GoValue.strings(newFinalizers(meta, old))));
                    break;
                }
            }
        }
        if (meta.generation() != null && old.generation() != null && meta.generation() < old.generation()) {
            errors.add(Rules.invalid(path.child("generation"), meta.generation(), "must not be decremented"));
        }
        errors.addAll(Rules.immutable(meta.name(), old.name(), path.child("name")));
        errors.addAll(Rules.immutable(meta.namespace(), old.namespace(), path.child("namespace")));
        errors.addAll(Rules.immutable(meta.uid(), old.uid(), path.child("uid")));
        errors.addAll(Rules.immutable(meta.creationTimestamp(), old.creationTimestamp(), path.child("creationTimestamp")));
        errors.addAll(Rules.immutable(meta.deletionTimestamp(), old.deletionTimestamp(), path.child("deletionTimestamp")));
        errors.addAll(Rules.immutable(meta.deletionGracePeriodSeconds(), old.deletionGracePeriodSeconds(),
                path.child("deletionGracePeriodSeconds")));
        errors.addAll(labels(meta.labels(), path.child("labels")));
        errors.addAll(annotations(meta.annotations(), path.child("annotations")));
        errors.addAll(ownerReferences(meta.ownerReferences(), path.child("ownerReferences")));
        return errors;
    }

    private static List<String> newFinalizers(ObjectMeta meta, ObjectMeta old) {
        return meta.finalizers().stream().filter(f -> !old.finalizers().contains(f)).toList();
    }

    /** {@code ValidateLabels}: keys are qualified names, values valid label values; errors at {@code path} itself. */
    public static List<FieldError> labels(Map<String, String> labels, FieldPath path) {
        if (allValid(labels)) {
            // Sorting only orders the errors: with none, it is not needed.
            return new ArrayList<>();
        }
        List<FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, String> e : new TreeMap<>(labels).entrySet()) {
            errors.addAll(Rules.each(Names.isQualifiedName(e.getKey()), path, e.getKey()));
            errors.addAll(Rules.each(Names.isValidLabelValue(e.getValue()), path, e.getValue()));
        }
        return errors;
    }

    private static boolean allValid(Map<String, String> labels) {
        for (Map.Entry<String, String> e : labels.entrySet()) {
            if (!Names.isQualifiedName(e.getKey()).isEmpty() || !Names.isValidLabelValue(e.getValue()).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** {@code ValidateAnnotations}: keys are qualified names (any case); keys and values at most 256 KiB together. */
    public static List<FieldError> annotations(Map<String, String> annotations, FieldPath path) {
        List<FieldError> errors = new ArrayList<>();
        long size = 0;
        // Sorted only to order the errors: in the usual case (none, or no annotations) it is not needed.
        for (Map.Entry<String, String> e : (annotations.size() <= 1 ? annotations : new TreeMap<>(annotations)).entrySet()) {
            errors.addAll(Rules.each(Names.isQualifiedName(e.getKey().toLowerCase(Locale.ROOT)), path, e.getKey()));
            size += utf8Length(e.getKey()) + utf8Length(e.getValue());
        }
        if (size > TOTAL_ANNOTATION_SIZE_LIMIT_BYTES) {
            errors.add(FieldError.tooLong(path.toString(), TOTAL_ANNOTATION_SIZE_LIMIT_BYTES));
        }
        return errors;
    }

    /** {@code ValidateOwnerReferences}: apiVersion, kind, name and uid set; at most one controller. */
    public static List<FieldError> ownerReferences(List<OwnerReference> refs, FieldPath path) {
        List<FieldError> errors = new ArrayList<>();
        String firstController = null;
        for (OwnerReference ref : refs) {
            String version = versionOf(ref.apiVersion());
            if (Rules.isEmpty(version)) {
                errors.add(Rules.invalid(path.child("apiVersion"), nullToEmpty(ref.apiVersion()), "version must not be empty"));
            }
            if (Rules.isEmpty(ref.kind())) {
                errors.add(Rules.invalid(path.child("kind"), nullToEmpty(ref.kind()), "kind must not be empty"));
            }
            if (Rules.isEmpty(ref.name())) {
                errors.add(Rules.invalid(path.child("name"), nullToEmpty(ref.name()), "name must not be empty"));
            }
            if (Rules.isEmpty(ref.uid())) {
                errors.add(Rules.invalid(path.child("uid"), nullToEmpty(ref.uid()), "uid must not be empty"));
            }
            if (Boolean.TRUE.equals(ref.controller())) {
                String current = ref.kind() + "/" + ref.name();
                if (firstController != null) {
                    errors.add(Rules.invalid(path, new GoValue("[]v1.OwnerReference{...}"), "Only one reference can have Controller set "
                            + "to true. Found \"true\" in references for " + firstController + " and " + current));
                } else {
                    firstController = current;
                }
            }
        }
        return errors;
    }

    /** {@code ValidateFinalizers}: qualified names; orphan and foregroundDeletion not both. */
    public static List<FieldError> finalizers(List<String> finalizers, FieldPath path) {
        List<FieldError> errors = new ArrayList<>();
        for (String finalizer : finalizers) {
            errors.addAll(Rules.each(Names.isQualifiedName(finalizer), path, finalizer));
        }
        if (finalizers.contains(FINALIZER_ORPHAN) && finalizers.contains(FINALIZER_DELETE_DEPENDENTS)) {
            errors.add(Rules.invalid(path, GoValue.strings(finalizers),
                    "finalizer " + FINALIZER_ORPHAN + " and " + FINALIZER_DELETE_DEPENDENTS + " cannot be both set"));
        }
        return errors;
    }

    /** {@code ValidateLabelSelector} (strict values): valid matchLabels, operators and their values. Null is fine. */
    public static List<FieldError> labelSelector(LabelSelector selector, FieldPath path) {
        List<FieldError> errors = new ArrayList<>();
        if (selector == null) {
            return errors;
        }
        errors.addAll(labels(selector.matchLabels(), path.child("matchLabels")));
        for (int i = 0; i < selector.matchExpressions().size(); i++) {
            LabelSelectorRequirement r = selector.matchExpressions().get(i);
            FieldPath at = path.child("matchExpressions").index(i);
            String op = r.operator() == null ? "" : r.operator();
            switch (op) {
                case "In", "NotIn" -> {
                    if (r.values().isEmpty()) {
                        errors.add(Rules.required(at.child("values"), "must be specified when `operator` is 'In' or 'NotIn'"));
                    }
                }
                case "Exists", "DoesNotExist" -> {
                    if (!r.values().isEmpty()) {
                        errors.add(Rules.forbidden(at.child("values"), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
                    }
                }
                default -> errors.add(Rules.invalid(at.child("operator"), op, "not a valid selector operator"));
            }
            errors.addAll(Rules.each(Names.isQualifiedName(nullToEmpty(r.key())), at.child("key"), nullToEmpty(r.key())));
            for (int v = 0; v < r.values().size(); v++) {
                errors.addAll(Rules.each(Names.isValidLabelValue(r.values().get(v)), at.child("values").index(v), r.values().get(v)));
            }
        }
        return errors;
    }

    /** True for a LabelSelector with neither matchLabels nor matchExpressions. */
    static boolean isEmpty(LabelSelector selector) {
        return selector.matchLabels().isEmpty() && selector.matchExpressions().isEmpty();
    }

    private static String versionOf(String apiVersion) {
        if (apiVersion == null) {
            return "";
        }
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
    }

    static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static long utf8Length(String s) {
        return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
    }
}
