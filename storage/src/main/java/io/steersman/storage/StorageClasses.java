package io.steersman.storage;

import io.steersman.api.model.storage.StorageClass;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** Which class is the default, and whether a class delays binding: upstream's {@code GetDefaultClass} and {@code IsDelayBindingMode}. */
final class StorageClasses {
    private StorageClasses() {}

    /**
     * The default class: annotated {@code storageclass.kubernetes.io/is-default-class: "true"} (or
     * the beta key); with several, the newest wins, then the first by name, as upstream since 1.26.
     */
    static Optional<StorageClass> defaultClass(Collection<StorageClass> classes) {
        return classes.stream()
                .filter(StorageClasses::isDefault)
                .min(Comparator.comparing((StorageClass c) -> created(c), Comparator.reverseOrder())
                        .thenComparing(StorageClass::name));
    }

    static boolean isDefault(StorageClass sc) {
        return sc.isDefaultClass() || "true".equals(sc.metadata().annotations().get(Annotations.BETA_IS_DEFAULT_CLASS));
    }

    static boolean waitsForFirstConsumer(StorageClass sc) {
        return StorageClass.WAIT_FOR_FIRST_CONSUMER.equals(sc.volumeBindingModeOrDefault());
    }

    private static Instant created(StorageClass sc) {
        return sc.metadata().creationTimestamp() == null ? Instant.EPOCH : sc.metadata().creationTimestamp();
    }
}
