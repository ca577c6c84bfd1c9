package io.steersman.api.model.storage;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.steersman.api.model.ApiObject;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.Unknown;
import io.steersman.api.model.Values;
import java.util.List;
import java.util.Map;

/**
 * {@code storage.k8s.io/v1 StorageClass} (cluster-scoped): how volumes of a class are provisioned.
 * {@code reclaimPolicy} is Delete (the default) or Retain; {@code volumeBindingMode} Immediate (the
 * default) or WaitForFirstConsumer. The default class carries the annotation
 * {@value #IS_DEFAULT_CLASS}{@code : "true"}.
 */
public record StorageClass(
        String apiVersion,
        String kind,
        ObjectMeta metadata,
        String provisioner,
        Map<String, String> parameters,
        String reclaimPolicy,
        List<String> mountOptions,
        Boolean allowVolumeExpansion,
        String volumeBindingMode,
        List<Map<String, Object>> allowedTopologies,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) implements ApiObject {

    public static final String API_VERSION = "storage.k8s.io/v1";
    public static final String KIND = "StorageClass";
    public static final String IS_DEFAULT_CLASS = "storageclass.kubernetes.io/is-default-class";
    public static final String IMMEDIATE = "Immediate";
    public static final String WAIT_FOR_FIRST_CONSUMER = "WaitForFirstConsumer";

    public StorageClass {
        metadata = metadata == null ? ObjectMeta.EMPTY : metadata;
        parameters = Values.map(parameters);
        mountOptions = Values.list(mountOptions);
        allowedTopologies = Unknown.copyAll(allowedTopologies);
        unknownFields = Unknown.copy(unknownFields);
    }

    public static StorageClass of(ObjectMeta metadata, String provisioner) {
        return new StorageClass(API_VERSION, KIND, metadata, provisioner, null, null, null, null, null, null, null);
    }

    /** True when the class is annotated as the cluster's default. */
    public boolean isDefaultClass() {
        return "true".equals(metadata.annotations().get(IS_DEFAULT_CLASS));
    }

    /** {@code reclaimPolicy}, or upstream's default Delete. */
    public String reclaimPolicyOrDefault() {
        return reclaimPolicy == null ? "Delete" : reclaimPolicy;
    }

    /** {@code volumeBindingMode}, or upstream's default Immediate. */
    public String volumeBindingModeOrDefault() {
        return volumeBindingMode == null ? IMMEDIATE : volumeBindingMode;
    }

    @Override
    public StorageClass withMetadata(ObjectMeta metadata) {
        return new StorageClass(apiVersion, kind, metadata, provisioner, parameters, reclaimPolicy, mountOptions,
                allowVolumeExpansion, volumeBindingMode, allowedTopologies, unknownFields);
    }
}
