/**
 * What tests of controllers need, for this project and for users' own plugins:
 * {@link io.steersman.testing.ControlPlane} (a whole control plane in one line, with a
 * {@link io.steersman.testing.ManualClock} and {@code settle()}, so tests never sleep), and
 * {@link io.steersman.testing.ControlPlaneExtension}, which gives each JUnit 5 test a fresh one.
 *
 * <pre>{@code
 * try (ControlPlane cp = ControlPlane.builder().plugins(new WebsitePlugin()).start()) {
 *     cp.apply("""
 *         apiVersion: example.com/v1
 *         kind: Website
 *         metadata: {name: blog}
 *         spec: {replicas: 2}
 *         """);
 *     cp.settle();
 *     assertThat(cp.client().list(Deployment.class, "default")).hasSize(1);
 *     cp.advance(Duration.ofMinutes(10));   // deadlines and backoffs fall due; settles again
 * }
 * }</pre>
 */
package io.steersman.testing;
