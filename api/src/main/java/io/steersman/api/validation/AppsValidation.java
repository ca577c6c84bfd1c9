package io.steersman.api.validation;

import io.steersman.api.model.IntOrString;
import io.steersman.api.model.LabelSelector;
import io.steersman.api.model.apps.ControllerRevision;
import io.steersman.api.model.apps.Deployment;
import io.steersman.api.model.apps.DeploymentSpec;
import io.steersman.api.model.apps.DeploymentStrategy;
import io.steersman.api.model.apps.ReplicaSet;
import io.steersman.api.model.apps.ReplicaSetSpec;
import io.steersman.api.model.apps.StatefulSet;
import io.steersman.api.model.apps.StatefulSetPersistentVolumeClaimRetentionPolicy;
import io.steersman.api.model.apps.StatefulSetSpec;
import io.steersman.api.model.apps.StatefulSetUpdateStrategy;
import io.steersman.api.model.core.PodTemplateSpec;
import io.steersman.api.resource.FieldError;
import io.steersman.api.selector.Selector;
import io.steersman.api.selector.SelectorParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Upstream's apps/v1 rules ({@code pkg/apis/apps/validation} and the registry strategies):
 * Deployment, ReplicaSet, StatefulSet and ControllerRevision, on create ({@code old} null) and
 * update. Runs on defaulted objects, as upstream. Stateless and thread-safe.
 */
public final class AppsValidation {
    private AppsValidation() {}

    private static final String SELECTOR_MISMATCH = "`selector` does not match template `labels`";
    private static final String STATEFULSET_FORBIDDEN_UPDATE = "updates to statefulset spec for fields other than 'replicas', "
            + "'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and "
            + "'minReadySeconds' are forbidden";

    private static final FieldPath METADATA = FieldPath.of("metadata");
    private static final FieldPath SPEC = FieldPath.of("spec");

    /** {@code ValidateDeployment} / {@code ValidateDeploymentUpdate}, plus the immutable selector of apps/v1. */
    public static List<FieldError> deployment(Deployment deployment, Deployment old) {
        List<FieldError> errors = new ArrayList<>(meta(deployment.metadata(), old == null ? null : old.metadata()));
        DeploymentSpec spec = deployment.spec();
        errors.addAll(Rules.nonNegative(spec.replicas(), SPEC.child("replicas")));
        errors.addAll(selector(spec.selector(), "deployment"));
        errors.addAll(templateForReplicaSet(spec.template(), spec.selector(), SPEC.child("template")));
        errors.addAll(deploymentStrategy(spec.strategy(), SPEC.child("strategy")));
        errors.addAll(Rules.nonNegative(spec.minReadySeconds(), SPEC.child("minReadySeconds")));
        errors.addAll(Rules.nonNegative(spec.revisionHistoryLimit(), SPEC.child("revisionHistoryLimit")));
        if (spec.progressDeadlineSeconds() != null) {
            FieldPath at = SPEC.child("progressDeadlineSeconds");
            errors.addAll(Rules.positive(spec.progressDeadlineSeconds(), at));
            if (spec.progressDeadlineSeconds() <= spec.minReadySecondsOrZero()) {
                errors.add(Rules.invalid(at, spec.progressDeadlineSeconds(), "must be greater than minReadySeconds"));
            }
        }
        if (old != null) {
            errors.addAll(immutableSelector(spec.selector(), old.spec().selector()));
        }
        return errors;
    }

    /** {@code ValidateReplicaSet} / {@code ValidateReplicaSetUpdate}, plus the immutable selector of apps/v1. */
    public static List<FieldError> replicaSet(ReplicaSet replicaSet, ReplicaSet old) {
        List<FieldError> errors = new ArrayList<>(meta(replicaSet.metadata(), old == null ? null : old.metadata()));
        ReplicaSetSpec spec = replicaSet.spec();
        errors.addAll(Rules.nonNegative(spec.replicas(), SPEC.child("replicas")));
        errors.addAll(Rules.nonNegative(spec.minReadySeconds(), SPEC.child("minReadySeconds")));
        // upstream's ReplicaSet message says "deployment" too
        errors.addAll(selector(spec.selector(), "deployment"));
        errors.addAll(templateForReplicaSet(spec.template(), spec.selector(), SPEC.child("template")));
        if (old != null) {
            errors.addAll(immutableSelector(spec.selector(), old.spec().selector()));
        }
        return errors;
    }

    /** {@code ValidateStatefulSet} / {@code ValidateStatefulSetUpdate}. */
    public static List<FieldError> statefulSet(StatefulSet statefulSet, StatefulSet old) {
        List<FieldError> errors = new ArrayList<>(meta(statefulSet.metadata(), old == null ? null : old.metadata()));
        StatefulSetSpec spec = statefulSet.spec();
        errors.addAll(statefulSetSpec(spec));
        if (old != null && !withoutUpdatableFields(spec, old.spec()).equals(old.spec())) {
            errors.add(Rules.forbidden(SPEC, STATEFULSET_FORBIDDEN_UPDATE));
        }
        return errors;
    }

    /** {@code ValidateControllerRevisionCreate} / {@code ...Update}: data required and immutable, revision non-negative. */
    public static List<FieldError> controllerRevision(ControllerRevision revision, ControllerRevision old) {
        List<FieldError> errors = new ArrayList<>();
        if (old != null) {
            errors.addAll(MetaValidation.objectMetaUpdate(revision.metadata(), old.metadata(), METADATA));
        }
        errors.addAll(MetaValidation.objectMeta(revision.metadata(), true, NameRule.DNS_SUBDOMAIN, METADATA));
        if (revision.data().isEmpty()) {
            errors.add(Rules.required(FieldPath.of("data"), "data is mandatory"));
        }
        errors.addAll(Rules.nonNegative(revision.revision(), FieldPath.of("revision")));
        if (old != null) {
            errors.addAll(Rules.immutable(revision.data(), old.data(), new GoValue("runtime.RawExtension{...}"), FieldPath.of("data")));
        }
        return errors;
    }

    private static List<FieldError> meta(io.steersman.api.model.ObjectMeta meta, io.steersman.api.model.ObjectMeta old) {
        return old == null
                ? MetaValidation.objectMeta(meta, true, NameRule.DNS_SUBDOMAIN, METADATA)
                : MetaValidation.objectMetaUpdate(meta, old, METADATA);
    }

    /** Required, valid, and not empty: an empty selector would select every pod of the namespace. */
    private static List<FieldError> selector(LabelSelector selector, String kind) {
        FieldPath at = SPEC.child("selector");
        List<FieldError> errors = new ArrayList<>();
        if (selector == null) {
            errors.add(Rules.required(at));
            return errors;
        }
        errors.addAll(MetaValidation.labelSelector(selector, at));
        if (MetaValidation.isEmpty(selector)) {
            errors.add(Rules.invalid(at, GoValue.labelSelector(selector), "empty selector is invalid for " + kind));
        }
        return errors;
    }

    private static List<FieldError> immutableSelector(LabelSelector selector, LabelSelector old) {
        return Rules.immutable(selector, old, GoValue.labelSelector(selector), SPEC.child("selector"));
    }

    /** {@code ValidatePodTemplateSpecForReplicaSet}: labels match the selector, a valid pod spec, restartPolicy Always. */
    private static List<FieldError> templateForReplicaSet(PodTemplateSpec template, LabelSelector selector, FieldPath path) {
        List<FieldError> errors = new ArrayList<>();
        Selector parsed;
        try {
            parsed = Selector.from(selector);
        } catch (SelectorParseException e) {
            errors.add(Rules.invalid(SPEC.child("selector"), GoValue.labelSelector(selector), "invalid label selector"));
            return errors;
        }
        if (!parsed.isEverything() && !parsed.matches(template.metadata().labels())) {
            errors.add(Rules.invalid(path.child("metadata", "labels"), GoValue.labels(template.metadata().labels()), SELECTOR_MISMATCH));
        }
        errors.addAll(PodValidation.podTemplateSpec(template, path));
        String restartPolicy = template.spec().restartPolicy();
        if (!"Always".equals(restartPolicy)) {
            errors.add(Rules.notSupported(path.child("spec", "restartPolicy"), MetaValidation.nullToEmpty(restartPolicy), "Always"));
        }
        Object activeDeadline = template.spec().unknownFields().get("activeDeadlineSeconds");
        if (activeDeadline != null) {
            errors.add(Rules.invalid(path.child("spec", "activeDeadlineSeconds"), activeDeadline, "activeDeadlineSeconds in ReplicaSet is not Supported"));
        }
        return errors;
    }

    /** {@code ValidateDeploymentStrategy}. */
    private static List<FieldError> deploymentStrategy(DeploymentStrategy strategy, FieldPath path) {
        List<FieldError> errors = new ArrayList<>();
        String type = strategy == null ? "" : MetaValidation.nullToEmpty(strategy.type());
        switch (type) {
            case DeploymentStrategy.RECREATE -> {
                if (strategy.rollingUpdate() != null) {
                    errors.add(Rules.forbidden(path.child("rollingUpdate"), "may not be specified when strategy `type` is 'Recreate'"));
                }
            }
            case DeploymentStrategy.ROLLING_UPDATE -> {
                if (strategy.rollingUpdate() == null) {
                    errors.add(Rules.required(path.child("rollingUpdate"), "this should be defaulted and never be nil"));
                } else {
                    errors.addAll(rollingUpdateDeployment(strategy.rollingUpdate(), path.child("rollingUpdate")));
                }
            }
            default -> errors.add(Rules.notSupported(path, type, DeploymentStrategy.RECREATE, DeploymentStrategy.ROLLING_UPDATE));
        }
        return errors;
    }

    /** {@code ValidateRollingUpdateDeployment}: non-negative ints or percents, not both zero, maxUnavailable at most 100%. */
    private static List<FieldError> rollingUpdateDeployment(DeploymentStrategy.RollingUpdateDeployment rollingUpdate, FieldPath path) {
        List<FieldError> errors = new ArrayList<>();
        FieldPath maxUnavailable = path.child("maxUnavailable");
        errors.addAll(positiveIntOrPercent(rollingUpdate.maxUnavailable(), maxUnavailable));
        errors.addAll(positiveIntOrPercent(rollingUpdate.maxSurge(), path.child("maxSurge")));
        if (intOrPercentValue(rollingUpdate.maxUnavailable()) == 0 && intOrPercentValue(rollingUpdate.maxSurge()) == 0) {
            errors.add(Rules.invalid(maxUnavailable, GoValue.intOrString(rollingUpdate.maxUnavailable()), "may not be 0 when `maxSurge` is 0"));
        }
        errors.addAll(notMoreThan100Percent(rollingUpdate.maxUnavailable(), maxUnavailable));
        return errors;
    }

    /** {@code ValidatePositiveIntOrPercent}: despite the name, zero is allowed. */
    static List<FieldError> positiveIntOrPercent(IntOrString value, FieldPath path) {
        if (value == null) {
            return List.of();
        }
        if (value.isInt()) {
            return Rules.nonNegative(value.intValue(), path);
        }
        return Rules.each(Names.isValidPercent(value.strValue()), path, GoValue.intOrString(value));
    }

    static List<FieldError> notMoreThan100Percent(IntOrString value, FieldPath path) {
        Integer percent = percentValue(value);
        if (percent == null || percent <= 100) {
            return List.of();
        }
        return List.of(Rules.invalid(path, GoValue.intOrString(value), "must not be greater than 100%"));
    }

    /** {@code getIntOrPercentValue}: the percent number, or the integer (a string that is neither reads as 0). */
    static int intOrPercentValue(IntOrString value) {
        if (value == null) {
            return 0;
        }
        Integer percent = percentValue(value);
        if (percent != null) {
            return percent;
        }
        if (value.isInt()) {
            return value.intValue();
        }
        try {
            return Integer.parseInt(value.strValue());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Integer percentValue(IntOrString value) {
        if (value == null || value.isInt() || !Names.isValidPercent(value.strValue()).isEmpty()) {
            return null;
        }
        try {
            return Integer.parseInt(value.strValue().substring(0, value.strValue().length() - 1));
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    /** {@code ValidateStatefulSetSpec}. */
    private static List<FieldError> statefulSetSpec(StatefulSetSpec spec) {
        List<FieldError> errors = new ArrayList<>();
        String policy = MetaValidation.nullToEmpty(spec.podManagementPolicy());
        switch (policy) {
            case "" -> errors.add(Rules.required(SPEC.child("podManagementPolicy")));
            case StatefulSetSpec.ORDERED_READY, StatefulSetSpec.PARALLEL -> { }
            default -> errors.add(Rules.invalid(SPEC.child("podManagementPolicy"), policy, "must be 'OrderedReady' or 'Parallel'"));
        }
        StatefulSetUpdateStrategy strategy = spec.updateStrategy();
        String type = strategy == null ? "" : MetaValidation.nullToEmpty(strategy.type());
        FieldPath strategyPath = SPEC.child("updateStrategy");
        switch (type) {
            case "" -> errors.add(Rules.required(strategyPath));
            case StatefulSetUpdateStrategy.ON_DELETE -> {
                if (strategy.rollingUpdate() != null) {
                    errors.add(Rules.invalid(strategyPath.child("rollingUpdate"), new GoValue("&apps.RollingUpdateStatefulSetStrategy{...}"),
                            "only allowed for updateStrategy 'RollingUpdate'"));
                }
            }
            case StatefulSetUpdateStrategy.ROLLING_UPDATE -> {
                if (strategy.rollingUpdate() != null) {
                    errors.addAll(rollingUpdateStatefulSet(strategy.rollingUpdate(), strategyPath.child("rollingUpdate")));
                }
            }
            default -> errors.add(Rules.invalid(strategyPath, type, "must be 'RollingUpdate' or 'OnDelete'"));
        }
        errors.addAll(retentionPolicy(spec.persistentVolumeClaimRetentionPolicy(), SPEC.child("persistentVolumeClaimRetentionPolicy")));
        errors.addAll(Rules.nonNegative(spec.replicas(), SPEC.child("replicas")));
        errors.addAll(Rules.nonNegative(spec.minReadySeconds(), SPEC.child("minReadySeconds")));
        errors.addAll(Rules.nonNegative(spec.revisionHistoryLimit(), SPEC.child("revisionHistoryLimit")));
        if (spec.ordinals() != null) {
            errors.addAll(Rules.nonNegative(spec.ordinals().start(), SPEC.child("ordinals.start")));
        }
        if (!Rules.isEmpty(spec.serviceName())) {
            errors.addAll(Rules.each(Names.isDNS1035Label(spec.serviceName()), SPEC.child("serviceName"), spec.serviceName()));
        }
        errors.addAll(selector(spec.selector(), "statefulset"));
        errors.addAll(templateForStatefulSet(spec.template(), spec.selector(), SPEC.child("template")));
        String restartPolicy = spec.template().spec().restartPolicy();
        if (!"Always".equals(restartPolicy)) {
            errors.add(Rules.notSupported(SPEC.child("template", "spec", "restartPolicy"), MetaValidation.nullToEmpty(restartPolicy), "Always"));
        }
        if (spec.template().spec().unknownFields().get("activeDeadlineSeconds") != null) {
            errors.add(Rules.forbidden(SPEC.child("template", "spec", "activeDeadlineSeconds"), "activeDeadlineSeconds in StatefulSet is not Supported"));
        }
        return errors;
    }

    /**
     * {@code ValidatePodTemplateSpecForStatefulSet}: labels match the selector, valid labels and
     * annotations. Upstream does not validate the pod spec of a StatefulSet template (its volumes
     * come from the claim templates); neither does this.
     */
    private static List<FieldError> templateForStatefulSet(PodTemplateSpec template, LabelSelector selector, FieldPath path) {
        List<FieldError> errors = new ArrayList<>();
        Selector parsed;
        try {
            parsed = Selector.from(selector);
        } catch (SelectorParseException e) {
            errors.add(Rules.invalid(SPEC.child("selector"), GoValue.labelSelector(selector), ""));
            return errors;
        }
        if (!parsed.isEverything() && !parsed.matches(template.metadata().labels())) {
            errors.add(Rules.invalid(path.child("metadata", "labels"), GoValue.labels(template.metadata().labels()), SELECTOR_MISMATCH));
        }
        errors.addAll(MetaValidation.labels(template.metadata().labels(), path.child("labels")));
        errors.addAll(MetaValidation.annotations(template.metadata().annotations(), path.child("annotations")));
        return errors;
    }

    private static List<FieldError> rollingUpdateStatefulSet(StatefulSetUpdateStrategy.RollingUpdateStatefulSetStrategy rollingUpdate,
            FieldPath path) {
        List<FieldError> errors = new ArrayList<>(Rules.nonNegative(rollingUpdate.partition(), path.child("partition")));
        IntOrString maxUnavailable = rollingUpdate.maxUnavailable();
        if (maxUnavailable != null) {
            FieldPath at = path.child("maxUnavailable");
            errors.addAll(positiveIntOrPercent(maxUnavailable, at));
            if (intOrPercentValue(maxUnavailable) == 0) {
                errors.add(Rules.invalid(at, GoValue.intOrString(maxUnavailable), "cannot be 0"));
            }
            errors.addAll(notMoreThan100Percent(maxUnavailable, at));
        }
        return errors;
    }

    private static List<FieldError> retentionPolicy(StatefulSetPersistentVolumeClaimRetentionPolicy policy, FieldPath path) {
        List<FieldError> errors = new ArrayList<>();
        if (policy != null) {
            errors.addAll(retentionPolicyType(policy.whenDeleted(), path.child("whenDeleted")));
            errors.addAll(retentionPolicyType(policy.whenScaled(), path.child("whenScaled")));
        }
        return errors;
    }

    private static List<FieldError> retentionPolicyType(String type, FieldPath path) {
        if (StatefulSetPersistentVolumeClaimRetentionPolicy.RETAIN.equals(type)
                || StatefulSetPersistentVolumeClaimRetentionPolicy.DELETE.equals(type)) {
            return List.of();
        }
        return List.of(Rules.notSupported(path, MetaValidation.nullToEmpty(type),
                StatefulSetPersistentVolumeClaimRetentionPolicy.RETAIN, StatefulSetPersistentVolumeClaimRetentionPolicy.DELETE));
    }

    /** The new spec with the fields an update may change set to the old values. */
    private static StatefulSetSpec withoutUpdatableFields(StatefulSetSpec spec, StatefulSetSpec old) {
        return new StatefulSetSpec(old.replicas(), spec.selector(), old.template(), spec.volumeClaimTemplates(), spec.serviceName(),
                spec.podManagementPolicy(), old.updateStrategy(), old.revisionHistoryLimit(), old.minReadySeconds(),
                old.persistentVolumeClaimRetentionPolicy(), old.ordinals(), spec.unknownFields());
    }
}
