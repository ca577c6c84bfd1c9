package io.steersman.testing;

import io.steersman.api.controller.ControllerPlugin;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a JUnit 5 test class against one control plane, started before the first test of the class
 * and stopped after the last, with {@link SteersmanExtension}:
 *
 * <pre>{@code
 * @SteersmanTest(plugins = {WebsitePlugin.class, DeploymentPlugin.class, NodeAgentPlugin.class})
 * class WebsiteTest {
 *     ControlPlane cluster;        // injected: null fields of these types are filled in
 *     Client client;
 *     ManualClock clock;
 *
 *     @Test
 *     void websiteGetsADeployment() {
 *         cluster.apply(website("blog"));
 *         cluster.settle();                              // every controller, on this thread
 *         assertThat(client.get(Deployment.class, "default", "blog")).isPresent();
 *         clock.advance(Duration.ofMinutes(10));         // then settle() again: deadlines fall due
 *     }
 * }
 *
 * @SteersmanTest(apiServer = true)
 * class WithKubectlsClientTest {
 *     @Test
 *     void fabric8SeesTheNamespaces(KubernetesClient fabric8) {     // or a parameter
 *         assertThat(fabric8.namespaces().list().getItems()).isNotEmpty();
 *     }
 * }
 * }</pre>
 *
 * <p>What can be injected, into fields (instance or static, when still null) and into parameters of
 * test methods, constructors and lifecycle methods: {@link ControlPlane}, the
 * {@link io.steersman.api.client.Client} controllers use, the {@link ManualClock} (with
 * {@code manualClock = true}, the default), the control plane's
 * {@link io.steersman.api.controller.Clock}, and with {@code apiServer = true} the
 * {@link io.steersman.apiserver.ApiServer} (plain HTTP on 127.0.0.1, a free port, no
 * authentication) and, when the fabric8 Kubernetes client is on the test class path, a fabric8
 * {@code io.fabric8.kubernetes.client.KubernetesClient} connected to it.
 *
 * <p>The tests of a class share the control plane: what one test creates, the next one sees. Use
 * distinct names or namespaces per test, or {@link ControlPlaneExtension} for a fresh control
 * plane per test.
 *
 * <p>Start-up time (StartupBenchmark, 2-core machine shared with other builds): the first control
 * plane of a JVM takes about 1 s, most of it class loading, paid once per test JVM; after that a
 * control plane with the built-in plugins starts in about 10-15 ms (median), and
 * {@code apiServer = true} adds about 0.8 s the first time and a few ms after. The first fabric8
 * client of a JVM adds its own class loading (a few hundred ms to seconds on a busy machine). See
 * {@code BENCHMARKS.md}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(SteersmanExtension.class)
public @interface SteersmanTest {

    /** The plugins to run, each made with its no-argument constructor; none: every plugin on the class path. */
    Class<? extends ControllerPlugin>[] plugins() default {};

    /**
     * True (the default): a {@link ManualClock} and no controller threads; tests call
     * {@code settle()} and move the clock. False: the system clock and worker threads, as the
     * launcher runs.
     */
    boolean manualClock() default true;

    /** Also serve the Kubernetes API over HTTP, for the fabric8 client or any HTTP client. */
    boolean apiServer() default false;

    /** Plugin settings as {@code key=value}, e.g. {@code "steersman.node.count=3"}. */
    String[] settings() default {};
}
