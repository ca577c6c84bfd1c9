/**
 * PersistentVolumes, claims and StorageClasses, as a plugin ({@link io.steersman.storage.StoragePlugin},
 * listed in {@code META-INF/services}): upstream's {@code pkg/controller/volume/persistentvolume}
 * (binding, provisioning, reclaim) and {@code pvcprotection} / {@code pvprotection}.
 *
 * <ul>
 *   <li>{@code ClaimReconciler}: a Pending claim binds to the smallest Available volume that fits
 *       ({@code VolumeMatcher}: access modes, size, class, selector, volumeMode), to a volume
 *       pre-bound to it, or to the one it names; with none, a claim of a class whose provisioner is
 *       {@code steersman.io/hostpath} gets one provisioned ({@code pvc-<uid>}), another
 *       provisioner's claim waits for it (ExternalProvisioning), a claim of no class waits
 *       (FailedBinding). A claim of a WaitForFirstConsumer class waits (WaitForFirstConsumer event)
 *       until a pod uses it or the scheduler wrote {@code volume.kubernetes.io/selected-node} on it.</li>
 *   <li>{@code VolumeReconciler}: volume phases Available / Bound / Released / Failed and the
 *       reclaim policies (Retain keeps, Delete removes a provisioned volume and its directory).</li>
 *   <li>{@code DefaultStorageClass}: the class {@code standard} (default, provisioner
 *       {@code steersman.io/hostpath}, Immediate, Delete) on a cluster that has none.</li>
 * </ul>
 *
 * A worked example: a claim {@code data} asks for 1Gi RWO with no class. It gets the default class
 * {@code standard}; no volume fits, so the hostpath provisioner creates {@code pvc-<uid>} (1Gi, RWO,
 * Delete, claimRef to {@code data}) and the directory {@code <data dir>/volumes/pvc-<uid>_default_data};
 * the binder then writes the volume Bound and the claim's volumeName, bind-completed and phase Bound.
 * Deleting the claim (once no pod uses it) makes the volume Released; Delete removes the directory
 * and the volume.
 *
 * <h2>Settings</h2>
 * <table>
 *   <caption>Storage settings</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code steersman.storage.default-class}</td><td>true</td><td>create {@code standard} when the cluster has no class</td></tr>
 *   <tr><td>{@code steersman.storage.volume-dir}</td><td>{@code <steersman.data-dir>/volumes}</td><td>where provisioned
 *       volumes' directories go; with neither set, volumes are simulated (nothing on disk)</td></tr>
 * </table>
 */
package io.steersman.storage;
