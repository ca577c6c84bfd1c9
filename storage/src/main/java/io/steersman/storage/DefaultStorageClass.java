package io.steersman.storage;

import io.steersman.api.client.AlreadyExistsException;
import io.steersman.api.client.Client;
import io.steersman.api.controller.PluginService;
import io.steersman.api.controller.PluginSettings;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.storage.StorageClass;
import jakarta.inject.Inject;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives a new cluster a default StorageClass, as kind ({@code standard}) and k3s
 * ({@code local-path}) do: when the cluster has no StorageClass at all at start-up, it creates
 * {@value #NAME} (provisioner {@value HostPathProvisioner#NAME}, reclaimPolicy Delete,
 * volumeBindingMode Immediate, annotated as the default). A cluster that has any class (a
 * restarted one that kept its objects, or one whose user replaced {@code standard} by their own)
 * is left alone. The setting {@value #SETTING}{@code =false} turns it off. Runs once; nothing to close.
 */
final class DefaultStorageClass implements PluginService {
    static final String NAME = "standard";
    static final String SETTING = "steersman.storage.default-class";
    private static final Logger log = LoggerFactory.getLogger(DefaultStorageClass.class);

    private final Client client;
    private final boolean enabled;

    @Inject
    DefaultStorageClass(Client client, PluginSettings settings) {
        this.client = client;
        this.enabled = Boolean.parseBoolean(settings.get(SETTING, "true"));
    }

    /** The class a new cluster gets. */
    static StorageClass standard() {
        ObjectMeta meta = ObjectMeta.builder().name(NAME).annotations(Map.of(StorageClass.IS_DEFAULT_CLASS, "true")).build();
        return new StorageClass(StorageClass.API_VERSION, StorageClass.KIND, meta, HostPathProvisioner.NAME, null, "Delete", null,
                null, StorageClass.IMMEDIATE, null, null);
    }

    @Override
    public void start() {
        if (!enabled || !client.list(StorageClass.class, null).isEmpty()) {
            return;
        }
        try {
            client.create(standard());
            log.info("created the default StorageClass {} (provisioner {})", NAME, HostPathProvisioner.NAME);
        } catch (AlreadyExistsException raced) {
            // Another control plane on the same store made it.
        }
    }

    @Override
    public void close() {
        // Nothing runs after start().
    }
}
