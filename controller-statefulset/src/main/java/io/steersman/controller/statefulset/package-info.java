/**
 * The StatefulSet controller, as a plugin ({@link io.steersman.controller.statefulset.StatefulSetPlugin},
 * listed in {@code META-INF/services}): upstream's {@code pkg/controller/statefulset} and the parts of
 * {@code pkg/controller/history} it uses, cut the same way.
 *
 * <ul>
 *   <li>{@link io.steersman.controller.statefulset.StatefulSetReconciler}: the sync: adopt orphaned
 *       revisions, claim pods ({@code ControllerRefManager}), one {@code StatefulSetControl} pass,
 *       requeue for minReadySeconds.</li>
 *   <li>{@code StatefulSetControl}: creation in ordinal order (OrderedReady waits for each pod to be
 *       Running, Ready and available; Parallel does not), scale-down highest ordinal first, the
 *       rolling update from the highest ordinal down to the partition, OnDelete, status, history
 *       truncation.</li>
 *   <li>{@code StatefulPodControl}: the writes: claims before pods, pod identity and storage
 *       repairs, deletions, claim owner references for the retention policy, with upstream's events.</li>
 *   <li>Pure parts with table tests: {@code Identity} (names, labels, hostname/subdomain, claims),
 *       {@code History} (revision data, hash, names, equality, truncation), {@code Revisions}
 *       (current and update revision, rollback renumbering, collisions), {@code ClaimRetention},
 *       {@code ReplicaStatus}, {@code PodStates}.</li>
 * </ul>
 *
 * A worked example: {@code web} with 3 replicas, serviceName {@code nginx} and a claim template
 * {@code www}. Revision {@code web-<hash>} (revision 1) records the template. Pass 1 creates claim
 * {@code www-web-0} then pod {@code web-0} (hostname {@code web-0}, subdomain {@code nginx},
 * labels {@code statefulset.kubernetes.io/pod-name=web-0}, {@code apps.kubernetes.io/pod-index=0},
 * {@code controller-revision-hash=web-<hash>}) and stops; once web-0 is Running and Ready, the next
 * pass creates {@code www-web-1} and {@code web-1}, and so on. Scaling to 1 deletes web-2, waits
 * until it is gone, then deletes web-1; the claims stay. An image change makes revision 2; web-2 is
 * deleted and recreated at revision 2, then web-1 once web-2 is Ready, then web-0; then
 * {@code currentRevision} becomes revision 2. {@code kubectl rollout undo} patches the template back
 * and revision 1 is renumbered 3.
 *
 * <h2>Settings</h2>
 * <table>
 *   <caption>StatefulSet controller settings</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code steersman.statefulset.max-unavailable}</td><td>false</td><td>upstream's
 *       MaxUnavailableStatefulSet feature gate: the rolling update replaces up to
 *       {@code rollingUpdate.maxUnavailable} pods at once instead of one</td></tr>
 * </table>
 */
package io.steersman.controller.statefulset;
