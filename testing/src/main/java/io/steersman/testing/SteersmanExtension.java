package io.steersman.testing;

import io.steersman.api.client.Client;
import io.steersman.api.controller.Clock;
import io.steersman.api.controller.ControllerPlugin;
import io.steersman.apiserver.ApiServer;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link SteersmanTest}: one control plane (and, when asked for, an
 * API server and a fabric8 client) per test class, made on first use, kept in the class's
 * extension store and closed when the class is done; injected into null fields of the supported
 * types and into parameters. A test class without {@code @SteersmanTest} that registers this
 * extension gets the annotation's defaults. Thread-safe as JUnit uses it.
 */
public final class SteersmanExtension implements BeforeAllCallback, TestInstancePostProcessor, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SteersmanExtension.class);
    static final String FABRIC8_CLIENT = "io.fabric8.kubernetes.client.KubernetesClient";

    @Override
    public void beforeAll(ExtensionContext context) {
        // Starts the control plane before the first test, so a slow start is not charged to it,
        // and fills static fields.
        Class<?> testClass = context.getRequiredTestClass();
        for (Field field : fields(testClass)) {
            if (Modifier.isStatic(field.getModifiers())) {
                inject(field, null, context);
            }
        }
        cluster(context);
    }

    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
        for (Field field : fields(testInstance.getClass())) {
            if (!Modifier.isStatic(field.getModifiers())) {
                inject(field, testInstance, context);
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return supports(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        try {
            return cluster(context).resolve(parameter.getParameter().getType());
        } catch (IllegalStateException e) {
            throw new ParameterResolutionException(parameter.getParameter() + ": " + e.getMessage(), e);
        }
    }

    /** The types this extension injects. */
    static boolean supports(Class<?> type) {
        return type == ControlPlane.class || type == Client.class || type == ManualClock.class || type == Clock.class
                || type == ApiServer.class || type.getName().equals(FABRIC8_CLIENT);
    }

    private void inject(Field field, Object instance, ExtensionContext context) {
        if (!supports(field.getType()) || Modifier.isFinal(field.getModifiers())) {
            return;
        }
        try {
            field.setAccessible(true);
            if (field.get(instance) == null) {
                field.set(instance, cluster(context).resolve(field.getType()));
            }
        } catch (IllegalAccessException e) {
            throw new ExtensionConfigurationException("cannot inject " + field + ": " + e.getMessage(), e);
        } catch (IllegalStateException e) {
            throw new ExtensionConfigurationException(field + ": " + e.getMessage(), e);
        }
    }

    private static List<Field> fields(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            fields.addAll(List.of(c.getDeclaredFields()));
        }
        return fields;
    }

    /** The class's cluster, started on first use in the class-level context (closed with it). */
    private static TestCluster cluster(ExtensionContext context) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
            classContext = classContext.getParent().get();
        }
        Class<?> testClass = classContext.getRequiredTestClass();
        SteersmanTest settings = AnnotationSupport.findAnnotation(testClass, SteersmanTest.class).orElse(Defaults.INSTANCE);
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(testClass, c -> start(settings), TestCluster.class);
    }

    private static TestCluster start(SteersmanTest settings) {
        ControlPlane.Builder builder = ControlPlane.builder();
        if (settings.plugins().length > 0) {
            builder.plugins(instantiate(settings.plugins()));
        }
        if (!settings.manualClock()) {
            builder.systemClock();
        }
        for (String setting : settings.settings()) {
            int eq = setting.indexOf('=');
            if (eq <= 0) {
                throw new ExtensionConfigurationException("@SteersmanTest(settings): \"" + setting + "\" is not key=value");
            }
            builder.setting(setting.substring(0, eq).strip(), setting.substring(eq + 1).strip());
        }
        return TestCluster.start(builder, settings.apiServer());
    }

    private static List<ControllerPlugin> instantiate(Class<? extends ControllerPlugin>[] classes) {
        List<ControllerPlugin> plugins = new ArrayList<>();
        for (Class<? extends ControllerPlugin> type : classes) {
            try {
                plugins.add(type.getDeclaredConstructor().newInstance());
            } catch (InvocationTargetException e) {
                throw new ExtensionConfigurationException("@SteersmanTest(plugins): " + type.getName() + " failed to start: " + e.getCause(), e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new ExtensionConfigurationException("@SteersmanTest(plugins): " + type.getName()
                        + " needs a public no-argument constructor", e);
            }
        }
        return plugins;
    }

    /** The annotation's defaults, for a class that registers the extension without it. */
    @SteersmanTest
    private static final class Defaults {
        static final SteersmanTest INSTANCE = Defaults.class.getAnnotation(SteersmanTest.class);
    }
}
