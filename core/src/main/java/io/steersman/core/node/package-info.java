/**
 * The simulated node agent: plays the kubelet (and a simple default scheduler) for pods, as kwok
 * does, on the control plane's injected clock. It is a plugin like any other
 * ({@link io.steersman.core.node.NodeAgentPlugin}); a control plane that brings its own node agent
 * leaves it out.
 *
 * <h2>What it does</h2>
 * <ul>
 *   <li>Registers the nodes {@code node-1} .. {@code node-N}: Ready, with kwok's capacity
 *       (cpu 32, memory 256Gi, pods 110; reported, not enforced), InternalIP {@code 172.18.0.2} and
 *       up, the usual {@code kubernetes.io/*} labels.</li>
 *   <li>Binds each unscheduled pod to a Ready node that matches its {@code nodeSelector},
 *       round-robin, through the pods/binding subresource as kube-scheduler does (node name and
 *       PodScheduled True in one write; event {@code Scheduled}); with none, PodScheduled False / Unschedulable and a
 *       FailedScheduling event. A pod whose volumes name PersistentVolumeClaims is placed only once
 *       every claim exists and is Bound (upstream's VolumeBinding plugin: {@code 0/1 nodes are available:
 *       pod has unbound immediate PersistentVolumeClaims. ...}); an unbound claim of a WaitForFirstConsumer
 *       class gets the chosen node as {@code volume.kubernetes.io/selected-node}, and the pod waits (without a
 *       verdict) until the claim is bound, then goes to that node. A pod placed by hand ({@code spec.nodeName})
 *       is not started before its claims are bound.</li>
 *   <li>Runs each pod bound to a simulated node: a unique pod IP from the pod CIDR (released when
 *       the pod is gone), hostIP, startTime, phase Pending → Running, init containers completed,
 *       container statuses (running, startedAt, ready, started, restartCount, image, imageID,
 *       containerID), the conditions PodReadyToStartContainers, Initialized, Ready,
 *       ContainersReady and PodScheduled, and the kubelet's events (Pulled, Created, Started,
 *       Killing, BackOff, Failed, ...).</li>
 *   <li>Readiness: a container is ready at once, or after its readinessProbe's
 *       {@code initialDelaySeconds} (and its startupProbe's), as the first probe would pass.</li>
 *   <li>Images: a reference whose repository and tag are in the catalog starts; any other
 *       ({@code nginx:1.91} for {@code nginx:1.9.1}) stays Pending in ErrImagePull, then
 *       ImagePullBackOff ({@code Back-off pulling image "nginx:1.91"}) for good, which is what makes
 *       a rollout stall. References are normalised as docker does ({@code nginx} is
 *       {@code docker.io/library/nginx:latest}); any digest of a catalogued repository is accepted;
 *       a malformed reference is InvalidImageName. The built-in catalog
 *       ({@code image-catalog.txt} beside this class) holds common public images with real tags.</li>
 *   <li>Graceful deletion: a pod with a deletionTimestamp is shut down (not Ready meanwhile) and
 *       then deleted with grace period 0, the kubelet's side of the protocol: after
 *       {@code steersman.node.shutdown-time} (at once unless set), as a container that exits on SIGTERM.</li>
 * </ul>
 *
 * <h2>Settings ({@link io.steersman.api.controller.PluginSettings})</h2>
 * <table>
 *   <caption>Node agent settings</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code steersman.node.count}</td><td>1</td><td>how many nodes to simulate (0 to 5000)</td></tr>
 *   <tr><td>{@code steersman.node.pod-cidr}</td><td>10.244.0.0/16</td><td>the IPv4 range pod IPs come from</td></tr>
 *   <tr><td>{@code steersman.node.images}</td><td></td><td>more images: comma-separated
 *       {@code repo:tag}, {@code repo:*} (any tag) or {@code *} (everything)</td></tr>
 *   <tr><td>{@code steersman.node.shutdown-time}</td><td>0s</td><td>how long a pod's graceful
 *       shutdown takes unless its annotations say (capped by its grace period); the launcher sets 1s, as
 *       a real kubelet takes about that to stop a container that exits on SIGTERM, so a client watching
 *       a deleted pod sees it terminate before a controller replaces it</td></tr>
 * </table>
 *
 * <h2>Pod annotations that make a pod misbehave</h2>
 * <table>
 *   <caption>Failure injection</caption>
 *   <tr><th>annotation</th><th>example</th><th>effect</th></tr>
 *   <tr><td>{@code steersman.io/ready-after}</td><td>{@code 30s}</td><td>the pod becomes Ready that
 *       long after its containers start (or after the probe delay, if later)</td></tr>
 *   <tr><td>{@code steersman.io/readiness}</td><td>{@code fail}</td><td>the readiness probe never
 *       passes: Running, never Ready</td></tr>
 *   <tr><td>{@code steersman.io/crash}</td><td>{@code true}</td><td>the containers exit with code 1
 *       right after they start and restart in CrashLoopBackOff: 10 s, doubling, at most 5 min;
 *       restartCount grows (with restartPolicy Never the pod fails)</td></tr>
 *   <tr><td>{@code steersman.io/crash-after}</td><td>{@code 1m}</td><td>likewise, after running that long</td></tr>
 *   <tr><td>{@code steersman.io/terminate-after}</td><td>{@code 20s}</td><td>graceful shutdown takes
 *       that long, never longer than the pod's grace period</td></tr>
 * </table>
 * Durations are written as Go writes them ({@code 30s}, {@code 1m30s}, {@code 500ms}) or as plain
 * seconds. A malformed value is ignored.
 */
package io.steersman.core.node;
