package io.steersman.storage;

import io.steersman.api.client.AlreadyExistsException;
import io.steersman.api.client.ApiException;
import io.steersman.api.client.Client;
import io.steersman.api.controller.Context;
import io.steersman.api.controller.EventRecorder;
import io.steersman.api.controller.Reconciler;
import io.steersman.api.controller.Request;
import io.steersman.api.controller.Result;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.core.PersistentVolume;
import io.steersman.api.model.core.PersistentVolumeClaim;
import io.steersman.api.model.core.PersistentVolumeClaimStatus;
import io.steersman.api.model.core.Pod;
import io.steersman.api.model.core.Pods;
import io.steersman.api.model.storage.StorageClass;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;

/**
 * Upstream's {@code syncClaim}: binds a Pending claim to the volume {@link VolumeMatcher} picks or
 * the one it names, provisions one through its class when none fits, and watches a bound claim for
 * a lost volume. A claim without a class first gets the default class, which upstream's admission
 * plugin gives at create and its PV controller retroactively. Pending claims are looked at again
 * every 15 s, upstream's {@code --pvclaimbinder-sync-period}.
 */
final class ClaimReconciler implements Reconciler<PersistentVolumeClaim> {
    static final Duration RESYNC = Duration.ofSeconds(15);

    private final HostPathProvisioner provisioner;

    @Inject
    ClaimReconciler(HostPathProvisioner provisioner) {
        this.provisioner = provisioner;
    }

    @Override
    public Result reconcile(Request request, Context<PersistentVolumeClaim> context) {
        Optional<PersistentVolumeClaim> found = context.primary();
        if (found.isEmpty()) {
            return Result.done();
        }
        PersistentVolumeClaim claim = found.get();
        Binder binder = new Binder(context.client(), context.clock());
        if (claim.metadata().annotations().containsKey(Annotations.BIND_COMPLETED)) {
            syncBoundClaim(claim, context, binder);
            return Result.done();
        }
        return syncUnboundClaim(claim, context, binder);
    }

    private Result syncUnboundClaim(PersistentVolumeClaim claim, Context<PersistentVolumeClaim> context, Binder binder) {
        Client client = context.client();
        EventRecorder events = context.events();
        String volumeName = claim.spec().volumeName();
        if (volumeName == null || volumeName.isEmpty()) {
            if (assignDefaultClass(claim, client)) {
                return Result.done(); // the update wakes this controller again
            }
            Optional<StorageClass> storageClass = classOf(claim, client);
            boolean delayBinding = storageClass.map(StorageClasses::waitsForFirstConsumer).orElse(false) && !hasConsumer(claim, client);
            Optional<PersistentVolume> match = VolumeMatcher.findBestMatch(claim, client.list(PersistentVolume.class, null), delayBinding);
            if (match.isPresent()) {
                binder.bind(match.get(), claim);
                return Result.done();
            }
            if (delayBinding) {
                events.normal(claim, "WaitForFirstConsumer", "waiting for first consumer to be created before binding");
            } else if (!Claims.classOf(claim).isEmpty()) {
                provision(claim, storageClass, context);
                return Result.requeueAfter(RESYNC);
            } else {
                events.normal(claim, "FailedBinding", "no persistent volumes available for this claim and no storage class is set");
            }
            binder.updateClaimStatus(claim, PersistentVolumeClaimStatus.PENDING, null);
            return Result.requeueAfter(RESYNC);
        }
        Optional<PersistentVolume> named = client.get(PersistentVolume.class, null, volumeName);
        if (named.isEmpty()) {
            binder.updateClaimStatus(claim, PersistentVolumeClaimStatus.PENDING, null); // the user's volume may come later
            return Result.requeueAfter(RESYNC);
        }
        PersistentVolume volume = named.get();
        if (volume.spec().claimRef() == null) {
            Optional<String> mismatch = VolumeMatcher.mismatch(volume, claim);
            if (mismatch.isPresent()) {
                events.warning(claim, "VolumeMismatch", "Cannot bind to requested volume \"%s\": %s", volume.name(), mismatch.get());
                binder.updateClaimStatus(claim, PersistentVolumeClaimStatus.PENDING, null);
                return Result.requeueAfter(RESYNC);
            }
            binder.bind(volume, claim);
            return Result.done();
        }
        if (Claims.isVolumeBoundToClaim(volume, claim)) {
            binder.bind(volume, claim);
            return Result.done();
        }
        events.warning(claim, "FailedBinding", "volume \"%s\" already bound to a different claim.", volume.name());
        binder.updateClaimStatus(claim, PersistentVolumeClaimStatus.PENDING, null);
        return Result.requeueAfter(RESYNC);
    }

    /** Upstream's {@code syncBoundClaim}: repairs a half-finished binding, or marks the claim Lost. */
    private static void syncBoundClaim(PersistentVolumeClaim claim, Context<PersistentVolumeClaim> context, Binder binder) {
        String volumeName = claim.spec().volumeName();
        if (volumeName == null || volumeName.isEmpty()) {
            lost(claim, "ClaimLost", "Bound claim has lost reference to PersistentVolume. Data on the volume is lost!", context, binder);
            return;
        }
        Optional<PersistentVolume> volume = context.client().get(PersistentVolume.class, null, volumeName);
        if (volume.isEmpty()) {
            lost(claim, "ClaimLost", "Bound claim has lost its PersistentVolume. Data on the volume is lost!", context, binder);
            return;
        }
        var ref = volume.get().spec().claimRef();
        if (ref == null || claim.uid().equals(ref.uid())) {
            binder.bind(volume.get(), claim); // a no-op when all is bound; else finishes what a crash left
            return;
        }
        lost(claim, "ClaimMisbound", "Two claims are bound to the same volume, this one is bound incorrectly", context, binder);
    }

    /** Phase Lost; the warning only when the phase changes, as upstream's {@code updateClaimStatusWithEvent}. */
    private static void lost(PersistentVolumeClaim claim, String reason, String message, Context<PersistentVolumeClaim> context, Binder binder) {
        if (PersistentVolumeClaimStatus.LOST.equals(claim.status().phase())) {
            return;
        }
        binder.updateClaimStatus(claim, PersistentVolumeClaimStatus.LOST, null);
        context.events().warning(claim, reason, "%s", message);
    }

    /**
     * A claim with no class (not even "") gets the default one, if there is one: what upstream's
     * DefaultStorageClass admission plugin does at create, and its PV controller later for claims
     * made before a default existed. True when the claim was updated.
     */
    private static boolean assignDefaultClass(PersistentVolumeClaim claim, Client client) {
        if (Claims.hasClass(claim) || claim.metadata().isBeingDeleted()) {
            return false;
        }
        Optional<StorageClass> defaultClass = StorageClasses.defaultClass(client.list(StorageClass.class, null));
        if (defaultClass.isEmpty()) {
            return false;
        }
        client.update(claim.withSpec(claim.spec().withStorageClassName(defaultClass.get().name())));
        return true;
    }

    private static Optional<StorageClass> classOf(PersistentVolumeClaim claim, Client client) {
        String name = Claims.classOf(claim);
        return name.isEmpty() ? Optional.empty() : client.get(StorageClass.class, null, name);
    }

    /**
     * A WaitForFirstConsumer claim is bound or provisioned once a pod that uses it exists (or the
     * scheduler picked a node for it): Steersman's nodes have no topology, so the pod's existence is
     * all the scheduler's choice would add.
     */
    static boolean hasConsumer(PersistentVolumeClaim claim, Client client) {
        if (claim.metadata().annotations().containsKey(Annotations.SELECTED_NODE)) {
            return true;
        }
        for (Pod pod : client.list(Pod.class, claim.namespace())) {
            if (Pods.isActive(pod) && Claims.uses(pod, claim)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Upstream's {@code provisionClaim}: the built-in provisioner makes the volume here; for any
     * other provisioner the claim is annotated for it and waits (ExternalProvisioning).
     */
    private void provision(PersistentVolumeClaim claim, Optional<StorageClass> storageClass, Context<PersistentVolumeClaim> context) {
        EventRecorder events = context.events();
        if (claim.metadata().isBeingDeleted()) {
            return;
        }
        if (storageClass.isEmpty()) {
            events.warning(claim, "ProvisioningFailed", "storageclass.storage.k8s.io \"%s\" not found", Claims.classOf(claim));
            return;
        }
        String provisionerName = storageClass.get().provisioner();
        if (!HostPathProvisioner.NAME.equals(provisionerName)) {
            if (provisionerName != null && provisionerName.startsWith("kubernetes.io/")) {
                events.warning(claim, "ProvisioningFailed", "no volume plugin matched name: %s", provisionerName);
                return;
            }
            setClaimProvisioner(claim, provisionerName, context.client());
            events.normal(claim, "ExternalProvisioning", "Waiting for a volume to be created either by the external provisioner '%s' "
                    + "or manually by the system administrator. If volume creation is delayed, please verify that the provisioner "
                    + "is running and correctly registered.", provisionerName);
            return;
        }
        PersistentVolumeClaim annotated = setClaimProvisioner(claim, provisionerName, context.client());
        if (context.client().get(PersistentVolume.class, null, HostPathProvisioner.volumeName(claim)).isPresent()) {
            return; // provisioned already; binding follows
        }
        Optional<String> refusal = HostPathProvisioner.refusal(claim);
        if (refusal.isPresent()) {
            events.warning(claim, "ProvisioningFailed", "Failed to provision volume with StorageClass \"%s\": %s",
                    storageClass.get().name(), refusal.get());
            return;
        }
        PersistentVolume volume;
        try {
            volume = provisioner.provision(annotated, storageClass.get());
        } catch (RuntimeException e) {
            events.warning(claim, "ProvisioningFailed", "Failed to provision volume with StorageClass \"%s\": %s",
                    storageClass.get().name(), e.getMessage());
            throw e;
        }
        try {
            context.client().create(volume);
        } catch (AlreadyExistsException exists) {
            return; // an earlier pass made it; the cache had not seen it yet
        } catch (ApiException e) {
            provisioner.delete(volume);
            events.warning(claim, "ProvisioningFailed", "Failed to provision volume with StorageClass \"%s\": %s",
                    storageClass.get().name(), e.getMessage());
            throw e;
        }
        events.normal(claim, "ProvisioningSucceeded", "Successfully provisioned volume %s using %s", volume.name(), HostPathProvisioner.NAME);
    }

    /** Upstream's {@code setClaimProvisioner}: both storage-provisioner annotations name the class's provisioner. */
    private static PersistentVolumeClaim setClaimProvisioner(PersistentVolumeClaim claim, String provisionerName, Client client) {
        ObjectMeta meta = claim.metadata();
        if (provisionerName.equals(meta.annotations().get(Annotations.STORAGE_PROVISIONER))
                && provisionerName.equals(meta.annotations().get(Annotations.BETA_STORAGE_PROVISIONER))) {
            return claim;
        }
        meta = meta.withAnnotation(Annotations.STORAGE_PROVISIONER, provisionerName)
                .withAnnotation(Annotations.BETA_STORAGE_PROVISIONER, provisionerName);
        return client.update(claim.withMetadata(meta));
    }
}
