/**
 * The ReplicaSet and Deployment controllers, as a plugin ({@link io.steersman.controller.deployment.DeploymentPlugin},
 * listed in {@code META-INF/services}): upstream's {@code pkg/controller/replicaset} and
 * {@code pkg/controller/deployment}, cut the same way.
 *
 * <ul>
 *   <li>{@link io.steersman.controller.deployment.ReplicaSetReconciler}: keeps {@code spec.replicas}
 *       active pods, adopting and releasing by controller owner references, creating in slow-start
 *       batches, deleting in {@code PodRanking}'s order, with expectations against a lagging cache.</li>
 *   <li>{@link io.steersman.controller.deployment.DeploymentReconciler}: one ReplicaSet per pod
 *       template ({@code <deployment>-<pod-template-hash>}), revisions, RollingUpdate and Recreate,
 *       proportional scaling, pause, rollback, history cleanup, the progress deadline and the status
 *       {@code kubectl rollout status} reads.</li>
 * </ul>
 *
 * A worked example, 3 replicas with maxSurge 1 and maxUnavailable 1, rolled to an image that never
 * starts: the new ReplicaSet goes to 1 (4 pods may exist), the old one to 2 (4 − 2 available − 1
 * unavailable new = 1 may go), the new one to 2; then 4 − 2 − 2 = 0 may go and the rollout stalls
 * with 2 old and 2 new pods, 2 of them available. 600 s later Progressing turns False with
 * ProgressDeadlineExceeded; {@code kubectl rollout undo} makes the old ReplicaSet new again as
 * revision 3 and the broken one goes to 0.
 *
 * <p>The arithmetic lives in pure classes with table tests: {@code RolloutMath} (fenceposts, new
 * ReplicaSet size, proportional shares), {@code PodRanking} (scale-down order), {@code Revisions}
 * (revision annotations) and {@code TemplateHash}.
 */
package io.steersman.controller.deployment;
