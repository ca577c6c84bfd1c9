package io.steersman.storage;

import io.steersman.api.model.core.PersistentVolumeClaims;

/** The annotation keys upstream's PV controller, scheduler and provisioners read and write ({@code pkg/volume/util}). */
final class Annotations {
    private Annotations() {}

    /** On a claim: binding finished; decides between syncBoundClaim and syncUnboundClaim. */
    static final String BIND_COMPLETED = PersistentVolumeClaims.BIND_COMPLETED;
    /** On a PV: the controller set claimRef; on a claim: the controller set spec.volumeName. */
    static final String BOUND_BY_CONTROLLER = "pv.kubernetes.io/bound-by-controller";
    /** On a PV: the provisioner that made it (and must delete it). */
    static final String PROVISIONED_BY = "pv.kubernetes.io/provisioned-by";
    /** On a claim: the provisioner asked to make its volume. */
    static final String STORAGE_PROVISIONER = "volume.kubernetes.io/storage-provisioner";
    static final String BETA_STORAGE_PROVISIONER = "volume.beta.kubernetes.io/storage-provisioner";
    /** The legacy class annotation; overrides spec.storageClassName on claims and volumes. */
    static final String BETA_STORAGE_CLASS = PersistentVolumeClaims.BETA_STORAGE_CLASS;
    /** On a claim: the node the scheduler picked for a WaitForFirstConsumer claim. */
    static final String SELECTED_NODE = PersistentVolumeClaims.SELECTED_NODE;
    static final String BETA_IS_DEFAULT_CLASS = "storageclass.beta.kubernetes.io/is-default-class";
    static final String YES = "yes";
}
