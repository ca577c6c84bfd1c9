package io.steersman.api.controller;

/**
 * Work that runs beside a plugin's controllers for as long as the control plane runs: a server that
 * answers from the caches (a DNS server), or a task that prepares the cluster once at start (a
 * default StorageClass). The counterpart of controller-runtime's {@code manager.Add(Runnable)}.
 *
 * <p>A plugin names its services' classes in {@link ControllerPlugin#services()}; the control plane
 * constructs each with its {@code @Inject} constructor exactly as it constructs reconcilers (the
 * {@code Client}, {@code Clock}, {@code PluginSettings} and {@code EventRecorder} are injectable),
 * calls {@link #start()} once every informer has listed, in plugin order, and {@link #close()} at
 * shutdown in reverse order, before the controllers stop.
 */
public interface PluginService extends AutoCloseable {

    /**
     * Starts the service and returns once it is started (a server is listening). A failure is a
     * start-up problem of the control plane, reported with the others.
     */
    void start() throws Exception;

    /** Stops the service and releases what it holds; called once, must not throw. */
    @Override
    void close();
}
