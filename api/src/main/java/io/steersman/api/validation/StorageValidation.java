package io.steersman.api.validation;

import io.steersman.api.model.Quantities;
import io.steersman.api.model.Quantity;
import io.steersman.api.model.core.PersistentVolume;
import io.steersman.api.model.core.PersistentVolumeClaim;
import io.steersman.api.model.core.PersistentVolumeClaimSpec;
import io.steersman.api.model.core.PersistentVolumeSpec;
import io.steersman.api.model.storage.StorageClass;
import io.steersman.api.resource.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Upstream's PersistentVolumeClaim, PersistentVolume and StorageClass rules ({@code ValidatePersistentVolumeClaim(Update)},
 * {@code ValidatePersistentVolume(Update)}): access modes, the storage request or capacity, class
 * names, volume modes, reclaim policies, one volume source, and what an update may change.
 * Stateless and thread-safe.
 */
public final class StorageValidation {
    private StorageValidation() {}

    private static final String[] ACCESS_MODES = {"ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"};
    private static final String[] VOLUME_MODES = {"Block", "Filesystem"};
    private static final String[] RECLAIM_POLICIES = {"Delete", "Recycle", "Retain"};
    private static final String CLAIM_SPEC_IMMUTABLE =
            "spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims";
    /** Fields of a PV spec that are not volume sources. */
    private static final List<String> NOT_SOURCES = List.of("volumeAttributesClassName");

    private static final FieldPath SPEC = FieldPath.of("spec");

    /** A claim on create ({@code old} null) or update. */
    public static List<FieldError> persistentVolumeClaim(PersistentVolumeClaim claim, PersistentVolumeClaim old) {
        List<FieldError> errors = new ArrayList<>(CoreValidation.meta(claim.metadata(), old == null ? null : old.metadata(), true,
                NameRule.PATH_SEGMENT));
        errors.addAll(claimSpec(claim.spec(), SPEC));
        if (old != null) {
            PersistentVolumeClaimSpec oldSpec = old.spec();
            PersistentVolumeClaimSpec munged = mungedForUpdate(claim, old);
            if (!munged.equals(oldSpec)) {
                errors.add(Rules.forbidden(SPEC, CLAIM_SPEC_IMMUTABLE));
            }
            Quantities.Amount newSize = storage(claim.spec().resources() == null ? Map.of() : claim.spec().resources().requests());
            Quantities.Amount oldSize = storage(oldSpec.resources() == null ? Map.of() : oldSpec.resources().requests());
            if (newSize != null && oldSize != null && newSize.compareTo(oldSize) < 0) {
                errors.add(Rules.forbidden(SPEC.child("resources", "requests", "storage"), "field can not be less than previous value"));
            }
        }
        return errors;
    }

    /** {@code ValidatePersistentVolumeClaimSpec}: also the rules for a StatefulSet's claim templates. */
    public static List<FieldError> claimSpec(PersistentVolumeClaimSpec spec, FieldPath path) {
        List<FieldError> errors = new ArrayList<>();
        if (spec.accessModes().isEmpty()) {
            errors.add(Rules.required(path.child("accessModes"), "at least 1 access mode is required"));
        }
        if (spec.selector() != null) {
            errors.addAll(MetaValidation.labelSelector(spec.selector(), path.child("selector")));
        }
        errors.addAll(accessModes(spec.accessModes(), path.child("accessModes")));
        FieldPath storagePath = path.child("resources").key("storage");
        Quantity storage = spec.resources() == null ? null : spec.resources().requests().get("storage");
        if (storage == null) {
            errors.add(Rules.required(storagePath));
        } else {
            errors.addAll(positiveQuantity(storage, storagePath));
        }
        if (!Rules.isEmpty(spec.storageClassName())) {
            errors.addAll(Rules.dns1123Subdomain(spec.storageClassName(), path.child("storageClassName")));
        }
        if (spec.volumeMode() != null && !List.of(VOLUME_MODES).contains(spec.volumeMode())) {
            errors.add(Rules.notSupported(path.child("volumeMode"), spec.volumeMode(), VOLUME_MODES));
        }
        return errors;
    }

    /** A volume on create ({@code old} null) or update. */
    public static List<FieldError> persistentVolume(PersistentVolume pv, PersistentVolume old) {
        List<FieldError> errors = new ArrayList<>(CoreValidation.meta(pv.metadata(), old == null ? null : old.metadata(), false,
                NameRule.PATH_SEGMENT));
        PersistentVolumeSpec spec = pv.spec();
        if (spec.accessModes().isEmpty()) {
            errors.add(Rules.required(SPEC.child("accessModes")));
        }
        errors.addAll(accessModes(spec.accessModes(), SPEC.child("accessModes")));
        FieldPath capacity = SPEC.child("capacity");
        if (spec.capacity().isEmpty()) {
            errors.add(Rules.required(capacity));
        }
        if (!spec.capacity().containsKey("storage") || spec.capacity().size() > 1) {
            errors.add(Rules.notSupported(capacity, new GoValue(capacityRendered(spec.capacity())), "storage"));
        }
        for (Map.Entry<String, Quantity> e : new TreeMap<>(spec.capacity()).entrySet()) {
            errors.addAll(positiveQuantity(e.getValue(), capacity.key(e.getKey())));
        }
        if (!Rules.isEmpty(spec.storageClassName())) {
            errors.addAll(Rules.dns1123Subdomain(spec.storageClassName(), SPEC.child("storageClassName")));
        }
        if (spec.volumeMode() != null && !List.of(VOLUME_MODES).contains(spec.volumeMode())) {
            errors.add(Rules.notSupported(SPEC.child("volumeMode"), spec.volumeMode(), VOLUME_MODES));
        }
        Map<String, Object> sources = sources(spec);
        if (sources.isEmpty()) {
            errors.add(Rules.required(SPEC, "must specify a volume type"));
        } else if (sources.size() > 1) {
            errors.add(Rules.forbidden(SPEC.child(new ArrayList<>(sources.keySet()).get(1)), "may not specify more than 1 volume type"));
        }
        if (spec.hostPath() != null && "/".equals(cleanPath(spec.hostPath().path())) && "Recycle".equals(spec.persistentVolumeReclaimPolicy())) {
            errors.add(Rules.forbidden(SPEC.child("persistentVolumeReclaimPolicy"), "may not be 'recycle' for a hostPath mount of '/'"));
        }
        String policy = spec.persistentVolumeReclaimPolicy();
        if (!Rules.isEmpty(policy) && !List.of(RECLAIM_POLICIES).contains(policy)) {
            errors.add(Rules.notSupported(SPEC.child("persistentVolumeReclaimPolicy"), policy, RECLAIM_POLICIES));
        }
        if (old != null) {
            if (!sources.equals(sources(old.spec()))) {
                errors.add(Rules.forbidden(SPEC.child("persistentvolumesource"), "spec.persistentvolumesource is immutable after creation"));
            }
            errors.addAll(Rules.immutable(spec.volumeMode(), old.spec().volumeMode(), FieldPath.of("volumeMode")));
        }
        return errors;
    }

    /**
     * {@code ValidateStorageClass(Update)}: a qualified provisioner name, parameters within 512
     * entries and 256 KiB, reclaimPolicy Delete or Retain, volumeBindingMode Immediate or
     * WaitForFirstConsumer; parameters, provisioner, reclaimPolicy and volumeBindingMode fixed.
     */
    public static List<FieldError> storageClass(StorageClass sc, StorageClass old) {
        List<FieldError> errors = new ArrayList<>();
        if (old == null) {
            errors.addAll(MetaValidation.objectMeta(sc.metadata(), false, NameRule.DNS_SUBDOMAIN, FieldPath.of("metadata")));
        } else {
            errors.addAll(MetaValidation.objectMetaUpdate(sc.metadata(), old.metadata(), FieldPath.of("metadata")));
        }
        FieldPath provisionerPath = FieldPath.of("provisioner");
        String provisioner = MetaValidation.nullToEmpty(sc.provisioner());
        if (provisioner.isEmpty()) {
            errors.add(Rules.required(provisionerPath));
        } else {
            String lower = provisioner.toLowerCase(java.util.Locale.ROOT);
            errors.addAll(Rules.each(Names.isQualifiedName(lower), provisionerPath, lower));
        }
        FieldPath parameters = FieldPath.of("parameters");
        if (sc.parameters().size() > 512) {
            errors.add(new FieldError(FieldError.Type.TOO_LONG, parameters.toString(), "may not be more than 512 bytes", null));
        } else {
            long size = 0;
            for (Map.Entry<String, String> e : new TreeMap<>(sc.parameters()).entrySet()) {
                if (e.getKey().isEmpty()) {
                    errors.add(Rules.invalid(parameters, "", "field can not be empty."));
                }
                size += CoreValidation.utf8Length(e.getKey()) + CoreValidation.utf8Length(e.getValue());
            }
            if (size > 256 * 1024) {
                errors.add(FieldError.tooLong(parameters.toString(), 256 * 1024));
            }
        }
        String reclaim = MetaValidation.nullToEmpty(sc.reclaimPolicy());
        if (!reclaim.isEmpty() && !reclaim.equals("Delete") && !reclaim.equals("Retain")) {
            errors.add(Rules.notSupported(FieldPath.of("reclaimPolicy"), reclaim, "Delete", "Retain"));
        }
        String mode = sc.volumeBindingMode();
        if (mode == null) {
            errors.add(Rules.required(FieldPath.of("volumeBindingMode")));
        } else if (!mode.equals("Immediate") && !mode.equals("WaitForFirstConsumer")) {
            errors.add(Rules.notSupported(FieldPath.of("volumeBindingMode"), mode, "Immediate", "WaitForFirstConsumer"));
        }
        if (old != null) {
            if (!Objects.equals(sc.parameters(), old.parameters())) {
                errors.add(Rules.forbidden(parameters, "updates to parameters are forbidden."));
            }
            if (!Objects.equals(sc.provisioner(), old.provisioner())) {
                errors.add(Rules.forbidden(provisionerPath, "updates to provisioner are forbidden."));
            }
            if (!Objects.equals(sc.reclaimPolicy(), old.reclaimPolicy())) {
                errors.add(Rules.forbidden(FieldPath.of("reclaimPolicy"), "updates to reclaimPolicy are forbidden."));
            }
            errors.addAll(Rules.immutable(sc.volumeBindingMode(), old.volumeBindingMode(), FieldPath.of("volumeBindingMode")));
        }
        return errors;
    }

    private static List<FieldError> accessModes(List<String> modes, FieldPath path) {
        List<FieldError> errors = new ArrayList<>();
        boolean once = false;
        boolean other = false;
        for (String mode : modes) {
            if (!List.of(ACCESS_MODES).contains(mode)) {
                errors.add(Rules.notSupported(path, mode, ACCESS_MODES));
            } else if (mode.equals("ReadWriteOncePod")) {
                once = true;
            } else {
                other = true;
            }
        }
        if (once && other) {
            errors.add(Rules.forbidden(path, "may not use ReadWriteOncePod with other access modes"));
        }
        return errors;
    }

    /** {@code ValidatePositiveQuantityValue}: parses and is above zero. */
    private static List<FieldError> positiveQuantity(Quantity quantity, FieldPath path) {
        Quantities.Amount amount;
        try {
            amount = Quantities.parse(quantity);
        } catch (IllegalArgumentException e) {
            return List.of(Rules.invalid(path, quantity.value(), e.getMessage()));
        }
        if (amount.signum() <= 0) {
            return List.of(Rules.invalid(path, amount.canonical(), Rules.IS_NOT_POSITIVE));
        }
        return List.of();
    }

    private static Quantities.Amount storage(Map<String, Quantity> requests) {
        Quantity q = requests.get("storage");
        if (q == null || !Quantities.isValid(q.value())) {
            return null;
        }
        return Quantities.parse(q);
    }

    /**
     * The new claim spec with what an update may change put back: a first volumeName (binding), a
     * first storageClassName (retroactive default class), and for a bound claim the storage request
     * (expansion).
     */
    private static PersistentVolumeClaimSpec mungedForUpdate(PersistentVolumeClaim claim, PersistentVolumeClaim old) {
        PersistentVolumeClaimSpec s = claim.spec();
        PersistentVolumeClaimSpec o = old.spec();
        String volumeName = Rules.isEmpty(o.volumeName()) ? o.volumeName() : s.volumeName();
        String storageClassName = o.storageClassName() == null ? null : s.storageClassName();
        io.steersman.api.model.core.ResourceRequirements resources = s.resources();
        if ("Bound".equals(claim.status().phase()) && resources != null && o.resources() != null) {
            Map<String, Quantity> requests = new LinkedHashMap<>(resources.requests());
            Quantity oldStorage = o.resources().requests().get("storage");
            if (oldStorage == null) {
                requests.remove("storage");
            } else {
                requests.put("storage", oldStorage);
            }
            resources = new io.steersman.api.model.core.ResourceRequirements(resources.limits(), requests, resources.unknownFields());
        }
        return new PersistentVolumeClaimSpec(s.accessModes(), s.selector(), resources, volumeName, storageClassName, s.volumeMode(),
                s.dataSource(), s.dataSourceRef(), s.unknownFields());
    }

    /** The volume sources set on a PV, typed ones first. */
    private static Map<String, Object> sources(PersistentVolumeSpec spec) {
        Map<String, Object> sources = new LinkedHashMap<>();
        if (spec.hostPath() != null) sources.put("hostPath", spec.hostPath());
        if (spec.nfs() != null) sources.put("nfs", spec.nfs());
        if (spec.local() != null) sources.put("local", spec.local());
        if (spec.csi() != null) sources.put("csi", spec.csi());
        new TreeMap<>(spec.unknownFields()).forEach((k, v) -> {
            if (!NOT_SOURCES.contains(k)) {
                sources.put(k, v);
            }
        });
        return sources;
    }

    private static String capacityRendered(Map<String, Quantity> capacity) {
        StringBuilder s = new StringBuilder("core.ResourceList{");
        boolean first = true;
        for (Map.Entry<String, Quantity> e : new TreeMap<>(capacity).entrySet()) {
            if (!first) {
                s.append(", ");
            }
            first = false;
            s.append(GoValue.quote(e.getKey())).append(":resource.Quantity{").append(Objects.toString(e.getValue())).append('}');
        }
        return s.append('}').toString();
    }

    /** Go's {@code path.Clean} for the one case that matters: is this the root? */
    private static String cleanPath(String path) {
        if (path == null || path.isEmpty()) {
            return ".";
        }
        String collapsed = path.replaceAll("/+", "/").replaceAll("(/\\.)+(/|$)", "/");
        return collapsed.length() > 1 && collapsed.endsWith("/") ? collapsed.substring(0, collapsed.length() - 1) : collapsed;
    }
}
