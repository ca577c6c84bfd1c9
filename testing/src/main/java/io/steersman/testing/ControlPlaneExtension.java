package io.steersman.testing;

import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that gives each test a fresh {@link ControlPlane} and closes it afterwards.
 *
 * <pre>{@code
 * class WebsiteTest {
 *     @RegisterExtension
 *     final ControlPlaneExtension cluster = ControlPlaneExtension.with(b -> b.plugins(new WebsitePlugin()));
 *
 *     @Test
 *     void makesADeployment() {
 *         ControlPlane cp = cluster.get();   // or take a ControlPlane parameter
 *         ...
 *     }
 * }
 *
 * @ExtendWith(ControlPlaneExtension.class)     // the defaults: every plugin on the class path
 * class DefaultsTest {
 *     @Test
 *     void runs(ControlPlane cp) { ... }
 * }
 * }</pre>
 */
public final class ControlPlaneExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
    private final Consumer<ControlPlane.Builder> configure;
    private ControlPlane current;

    /** The defaults: a manual clock and every plugin on the class path. */
    public ControlPlaneExtension() {
        this(builder -> { });
    }

    private ControlPlaneExtension(Consumer<ControlPlane.Builder> configure) {
        this.configure = Objects.requireNonNull(configure, "configure");
    }

    /** A control plane built by {@code configure} for each test. */
    public static ControlPlaneExtension with(Consumer<ControlPlane.Builder> configure) {
        return new ControlPlaneExtension(configure);
    }

    /** The running test's control plane. */
    public ControlPlane get() {
        if (current == null) {
            throw new IllegalStateException("no control plane: it exists only while a test runs");
        }
        return current;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ControlPlane.Builder builder = ControlPlane.builder();
        configure.accept(builder);
        current = builder.start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (current != null) {
            try {
                current.close();
            } finally {
                current = null;
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ControlPlane.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return get();
    }
}
