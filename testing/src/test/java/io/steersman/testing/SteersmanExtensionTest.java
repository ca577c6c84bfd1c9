package io.steersman.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.steersman.api.controller.Clock;
import io.steersman.apiserver.ApiServer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** The extension's life cycle and errors, seen by running small test classes with the JUnit test kit. */
class SteersmanExtensionTest {

    @Test
    void theApiServerAndControlPlaneStopWhenTheClassIsDone() {
        Events tests = run(ServesApi.class);
        tests.assertStatistics(stats -> stats.succeeded(2).failed(0));
        assertThat(ServesApi.port.get()).isPositive();
        assertThat(connects(ServesApi.port.get())).as("the API server's port after the class").isFalse();
    }

    @Test
    void askingForWhatWasNotConfiguredFailsWithTheWayToGetIt() {
        run(NoApiServer.class).assertThatEvents().haveExactly(1, event(test("wantsFabric8"),
                finishedWithFailure(message(m -> m.contains("@SteersmanTest(apiServer = true)")))));
        run(SystemClock.class).assertThatEvents()
                .haveExactly(1, event(test("wantsManualClock"), finishedWithFailure(message(m -> m.contains("system clock")))))
                .haveExactly(0, event(test("getsTheClock"), finishedWithFailure()));
    }

    @Test
    void aMalformedSettingIsAConfigurationError() {
        execute(BadSetting.class).allEvents().assertThatEvents().haveAtLeastOne(finishedWithFailure(message(m -> m.contains("is not key=value"))));
    }

    @Test
    void withoutTheAnnotationTheDefaultsApply() {
        run(Registered.class).assertStatistics(stats -> stats.succeeded(1).failed(0));
    }

    private static Events run(Class<?> testClass) {
        return execute(testClass).testEvents();
    }

    /** Runs the class with @Disabled switched off: the samples are disabled for every other runner. */
    private static EngineExecutionResults execute(Class<?> testClass) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.conditions.deactivate", "org.junit.*DisabledCondition")
                .selectors(selectClass(testClass)).execute();
    }

    private static boolean connects(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (ConnectException refused) {
            return false;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // The classes below run only through the test kit; everywhere else they are @Disabled.
    private static final String SAMPLE = "a sample that SteersmanExtensionTest runs through the JUnit test kit";

    @Disabled(SAMPLE)
    @SteersmanTest(apiServer = true)
    static class ServesApi {
        static final AtomicInteger port = new AtomicInteger();

        @Test
        void one(ApiServer server) {
            port.set(server.port());
            assertThat(connects(server.port())).isTrue();
        }

        @Test
        void two(ApiServer server) {
            assertThat(server.port()).isEqualTo(port.get() == 0 ? server.port() : port.get());
        }
    }

    @Disabled(SAMPLE)
    @SteersmanTest
    static class NoApiServer {
        @Test
        void wantsFabric8(KubernetesClient client) {
            throw new AssertionError("not reached");
        }
    }

    @Disabled(SAMPLE)
    @SteersmanTest(manualClock = false)
    static class SystemClock {
        @Test
        void wantsManualClock(ManualClock clock) {
            throw new AssertionError("not reached");
        }

        @Test
        void getsTheClock(Clock clock) {
            assertThat(clock).isNotInstanceOf(ManualClock.class);
        }
    }

    @Disabled(SAMPLE)
    @SteersmanTest(settings = "no-equals-sign")
    static class BadSetting {
        @Test
        void never(ControlPlane cluster) {
            throw new AssertionError("not reached");
        }
    }

    @Disabled(SAMPLE)
    @ExtendWith(SteersmanExtension.class)
    static class Registered {
        @Test
        void getsAManualClockControlPlane(ControlPlane cluster) {
            assertThat(cluster.manualClock().now()).isEqualTo(ManualClock.START);
        }
    }
}
